import { parseHtml } from '@visitor-context/testkit';
import { describe, expect, it } from 'vitest';
import { VisitorContextError } from '@visitor-context/core';
import { createComm100SnippetRenderer, renderComm100Snippet } from './index.js';
import { hostile, shopper } from './__fixtures__/visitor-contexts.js';

const site = { siteId: 10100116, campaignId: 'c9e91d04-3774-4470-b84d-6bc00874fe9d' } as const;

describe('renderComm100Snippet', () => {
  it('renders the button, the install code with the payload, and the loader, with a nonce', () => {
    const result = renderComm100Snippet(shopper, { ...site, customVariables: ['plan'], nonce: 'r4nd0m' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchSnapshot();
    expect(result.diagnostics.map((item) => `${item.code} ${item.path.join('.')}`)).toMatchInlineSnapshot(`
      [
        "field_dropped visitor.id",
        "field_dropped visitor.locale",
        "field_dropped page.url",
        "field_dropped page.title",
        "field_dropped attributes.cart_total",
        "field_dropped attributes.returning",
      ]
    `);
    const html = parseHtml(result.value);
    expect(html.structure).toBe('<div id></div><script nonce></script><script async nonce src></script>');
    const [loader] = html.elements('script').slice(1);
    expect(loader && html.attribute(loader, 'src')).toBe('https://vue.comm100.com/livechat.ashx?siteId=10100116');
  });

  it('takes the script URLs as options and can leave the standby loader out', () => {
    const result = renderComm100Snippet({}, { ...site, campaignId: 138, scriptUrl: 'https://chat.example.com/livechat.ashx?siteId=1', standbyScriptUrl: false });
    expect(result.ok && result.value).toContain('src="https://chat.example.com/livechat.ashx?siteId=1"');
    expect(result.ok && result.value).toContain('"standbyUrl":null');
    expect(result.ok && result.value).toContain('id="comm100-button-138"');
  });

  it('encodes hostile values so that they stay data', () => {
    const result = renderComm100Snippet(hostile, site);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).not.toMatch(/<\/script><script>alert|<!--|<img/i);
    expect(parseHtml(result.value).structure).toBe('<div id></div><script></script><script async src></script>');
  });

  it('fails without throwing on invalid options or contexts', () => {
    const codes = (result: ReturnType<typeof renderComm100Snippet>) => (result.ok ? 'ok' : result.diagnostics.map((item) => `${item.code} ${item.path.join('.')}`));
    expect(codes(renderComm100Snippet({}, { ...site, siteId: 0 }))).toEqual(['invalid_option siteId']);
    expect(codes(renderComm100Snippet({}, { ...site, campaignId: '"><script>' }))).toEqual(['invalid_option campaignId']);
    expect(codes(renderComm100Snippet({}, { ...site, scriptUrl: 'javascript:alert(1)' }))).toEqual(['invalid_html_input ']);
    expect(codes(renderComm100Snippet({}, { ...site, standbyScriptUrl: 'data:text/javascript,alert(1)' }))).toEqual(['invalid_html_input ']);
    expect(codes(renderComm100Snippet({}, { ...site, nonce: '" onload="alert(1)' }))).toEqual(['invalid_html_input ']);
    // Browsers delete tabs and strip leading controls, so these would be data: URLs set through the DOM.
    for (const standbyScriptUrl of ['d\tata:text/javascript,alert(1)', '\u0001data:text/javascript,alert(1)', '//standby.example/x.js']) {
      expect(codes(renderComm100Snippet({}, { ...site, standbyScriptUrl }))).toEqual(['invalid_html_input ']);
    }
    const padded = renderComm100Snippet({}, { ...site, standbyScriptUrl: ' https://standby.example/x.js ' });
    expect(padded.ok && padded.value).toContain('"standbyUrl":"https://standby.example/x.js"');
    expect(codes(renderComm100Snippet({ visitor: { email: 'x' } }, site))).toEqual(['invalid_email visitor.email']);
    // Missing options are read as {}: the error names each required option.
    expect(codes(renderComm100Snippet(null as never, undefined as never))).toEqual(['invalid_option siteId', 'invalid_option campaignId']);
  });
});

describe('createComm100SnippetRenderer', () => {
  it('renders exactly what renderComm100Snippet renders, with its own nonce or the call\'s', () => {
    const options = { ...site, customVariables: ['plan'], standbyScriptUrl: false as const, nonce: 'r4nd0m' };
    const renderer = createComm100SnippetRenderer(options);
    for (const context of [shopper, hostile, {}]) {
      expect(renderer.render(context)).toEqual(renderComm100Snippet(context, options));
      expect(renderer.render(context, { nonce: 'b3RoZXI' })).toEqual(renderComm100Snippet(context, { ...options, nonce: 'b3RoZXI' }));
    }
    expect(createComm100SnippetRenderer(site).render(shopper)).toEqual(renderComm100Snippet(shopper, site));
  });

  it('throws a VisitorContextError for the options renderComm100Snippet refuses, and never throws per call', () => {
    expect(() => createComm100SnippetRenderer({ ...site, siteId: 0 })).toThrow(VisitorContextError);
    expect(() => createComm100SnippetRenderer({ ...site, scriptUrl: 'javascript:alert(1)' })).toThrow(VisitorContextError);
    expect(createComm100SnippetRenderer(site).render(shopper, { nonce: '"><script>' })).toMatchObject({ ok: false });
  });
});
