// The options a snippet renderer cannot do without (an account's site id, a deployment id), keyed by the
// renderer's export name. Renderers not listed are called with `{}`; if the Node reference run then fails,
// the matrix reports it, which is the cue to add the renderer's required options here.
export const snippetOptions = {
  renderComm100Snippet: { siteId: 10000, campaignId: '6b5d3f2a-0c1e-4f7a-9b8c-1d2e3f4a5b6c', nonce: 'n0nce' },
  renderImsupportingSnippet: { siteId: 'site-123', nonce: 'n0nce' },
  renderGenesysSnippet: { deploymentId: 'f8a4c2e0-1b3d-4e5f-8a9b-0c1d2e3f4a5b', nonce: 'n0nce' },
  renderWxccSnippet: { nonce: 'n0nce', widget: { bindId: 'bind-1', guid: 'guid-1', org: 'org-1' } },
  renderGiosgSnippet: { nonce: 'n0nce' },
  renderGiosgLogoutSnippet: { nonce: 'n0nce' },
};
