// Differences from the Node reference that are understood and reported upstream, but not fixed yet. A check
// they cover is reported as "known" (counted as todo, not passed) and listed under the README's table with its
// reason. Each rule must still match a difference in every runtime it names: a rule that no longer matches
// fails the run, so fixed issues cannot linger here. Only differing outcomes can be known; a throw, pollution
// or a failed in-runtime assertion always fails.
export const knownDifferences = [
  {
    runtimes: ['bun', 'workerd', 'edge', 'chromium'],
    check: /^renderWxccSnippet /,
    reason:
      "wxcc embeds its browser driver with Function#toString, so the snippet's text depends on how the server code was loaded: Bun transpiles every module (`false` becomes `!1`) and bundlers rename identifiers (`json` becomes `json2`). The script does the same, but the output is not byte-identical; building the driver's source text at build time would make it so.",
  },
  {
    runtimes: ['edge'],
    check: /^\w+Adapter fromVendor hostile (long-string-value|many-keys-value)$/,
    reason:
      "The edge-runtime package runs code in a Node vm context whose structuredClone is the host realm's, so it returns objects with another realm's Object.prototype. Core's plain-data check compares prototypes by identity, so a value fromVendor repairs (moves to the vendor bag) is refused as not_plain_data instead. A realm-independent plain-object check in core would fix it (it would also accept plain objects from iframes and vm contexts).",
  },
];

/** The rule that covers a differing check of a runtime, if any. */
export function findKnownDifference(runtimeId, checkId) {
  return knownDifferences.find((rule) => rule.runtimes.includes(runtimeId) && rule.check.test(checkId));
}
