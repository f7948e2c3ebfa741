import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { VisitorContextError } from '@visitor-context/core';
import { createImsupportingAdapter, createImsupportingSnippetRenderer, renderImsupportingSnippet, type ImsupportingSnippetOptions } from './index.js';

type Element = DefaultTreeAdapterMap['element'];

const scripts = (html: string): Element[] =>
  parseFragment(html).childNodes.filter((node): node is Element => 'tagName' in node && node.tagName === 'script');
const attribute = (element: Element, name: string) => element.attrs.find((item) => item.name === name)?.value;

const context = {
  visitor: { id: 'USR-84920', name: "Jane O'Brien", email: 'jane@example.com' },
  attributes: { plan: 'Pro', note: '</script><script>alert(1)</script>' },
};

describe('renderImsupportingSnippet: data-visitor-context attribute', () => {
  it('renders the loader tag whose attribute is exactly the context JSON', () => {
    const result = renderImsupportingSnippet(context, { siteId: 'SITE-1', nonce: 'abc123' });
    expect(result.ok && result.value).toMatchInlineSnapshot(`"<script src="https://dashboard.imsupporting.com/public_FlowWidget/popover_assets/js/flowwidget.js" data-siteid="SITE-1" data-mode="popover" data-visitor-context="{&quot;ims_username&quot;:&quot;Jane O&#39;Brien&quot;,&quot;ims_email&quot;:&quot;jane@example.com&quot;,&quot;account_id&quot;:&quot;USR-84920&quot;,&quot;plan&quot;:&quot;Pro&quot;,&quot;note&quot;:&quot;alert(1)&quot;}" nonce="abc123"></script>"`);
    expect(result.diagnostics.map((item) => item.code)).toEqual(['html_sanitized']);
    const [script, ...rest] = scripts(result.ok ? result.value : '');
    expect(rest).toEqual([]);
    expect(JSON.parse(attribute(script as Element, 'data-visitor-context') ?? '')).toEqual({
      ims_username: "Jane O'Brien",
      ims_email: 'jane@example.com',
      account_id: 'USR-84920',
      plan: 'Pro',
      note: 'alert(1)',
    });
  });

  it('leaves the attribute out for an anonymous visitor', () => {
    const result = renderImsupportingSnippet({}, { siteId: 'SITE-1', mode: 'inline' });
    expect(result).toEqual({
      ok: true,
      value:
        '<script src="https://dashboard.imsupporting.com/public_FlowWidget/popover_assets/js/flowwidget.js" data-siteid="SITE-1" data-mode="inline"></script>',
      diagnostics: [],
    });
  });

  it('escapes the site id and uses a custom script URL', () => {
    const result = renderImsupportingSnippet({}, { siteId: '"><img src=x>', scriptUrl: '/vendor/flowwidget.js' });
    const [script] = scripts(result.ok ? result.value : '');
    expect(attribute(script as Element, 'data-siteid')).toBe('"><img src=x>');
    expect(attribute(script as Element, 'src')).toBe('/vendor/flowwidget.js');
  });
});

describe('renderImsupportingSnippet: window.imsFlowConfig', () => {
  it('renders the config script, then the loader, both with the nonce', () => {
    const result = renderImsupportingSnippet(context, { siteId: 'SITE-1', form: 'config', nonce: 'abc123' });
    expect(result.ok && result.value).toMatchInlineSnapshot(`"<script nonce="abc123">window.imsFlowConfig={"siteid":"SITE-1","mode":"popover","visitorContext":{"ims_username":"Jane O'Brien","ims_email":"jane@example.com","account_id":"USR-84920","plan":"Pro","note":"alert(1)"}};</script><script src="https://dashboard.imsupporting.com/public_FlowWidget/popover_assets/js/flowwidget.js" nonce="abc123"></script>"`);
    const [config, loader] = scripts(result.ok ? result.value : '');
    expect(attribute(config as Element, 'nonce')).toBe('abc123');
    expect(attribute(loader as Element, 'nonce')).toBe('abc123');
    const window: Record<string, unknown> = {};
    const code = (config as Element).childNodes.map((node) => ('value' in node ? node.value : '')).join('');
    runInNewContext(code, { window });
    expect(window['imsFlowConfig']).toEqual({
      siteid: 'SITE-1',
      mode: 'popover',
      visitorContext: { ims_username: "Jane O'Brien", ims_email: 'jane@example.com', account_id: 'USR-84920', plan: 'Pro', note: 'alert(1)' },
    });
  });

  it('leaves visitorContext out for an anonymous visitor', () => {
    const result = renderImsupportingSnippet({}, { siteId: 'SITE-1', form: 'config' });
    expect(result.ok && result.value).toBe(
      '<script>window.imsFlowConfig={"siteid":"SITE-1","mode":"popover"};</script><script src="https://dashboard.imsupporting.com/public_FlowWidget/popover_assets/js/flowwidget.js"></script>',
    );
  });
});

describe('renderImsupportingSnippet: failures', () => {
  it.each([
    [{ siteId: '' }, 'invalid_option'],
    [{ siteId: 'S', nonce: 'not a nonce!' }, 'invalid_html_input'],
    [{ siteId: 'S', scriptUrl: 'javascript:alert(1)' }, 'invalid_html_input'],
  ])('fails without throwing for %j', (options, code) => {
    const result = renderImsupportingSnippet({}, options);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((item) => item.code)).toContain(code);
  });

  it('carries translation warnings, errors under strict, and uses a custom adapter', () => {
    const strict = renderImsupportingSnippet({ attributes: { 'a b': 'x' } }, { siteId: 'S', strict: true });
    expect(strict.ok).toBe(false);
    const adapter = createImsupportingAdapter({ metadataKeys: { 'visitor.id': 'customer_id' } });
    const custom = renderImsupportingSnippet({ visitor: { id: '7' } }, { siteId: 'S' }, adapter);
    expect(custom.ok && custom.value).toContain('data-visitor-context="{&quot;customer_id&quot;:&quot;7&quot;}"');
  });
});

describe('createImsupportingSnippetRenderer', () => {
  const hostileContext = { visitor: { id: '</script>', name: '\u2028<!--' }, attributes: { '<b>': '</script><script>alert(1)</script>' } };

  it('renders exactly what renderImsupportingSnippet renders in both forms, with its own nonce or the call\'s', () => {
    const optionSets: ImsupportingSnippetOptions[] = [
      { siteId: 'SITE-1' },
      { siteId: '"><b>', mode: 'inline', nonce: 'bm9uY2U=' },
      { siteId: 'SITE-1', form: 'config', nonce: 'bm9uY2U=' },
      { siteId: 'SITE-1', form: 'config', scriptUrl: 'https://cdn.example.com/flow.js' },
    ];
    const adapter = createImsupportingAdapter();
    for (const options of optionSets) {
      const renderer = createImsupportingSnippetRenderer(options, adapter);
      for (const snippetContext of [context, hostileContext, {}]) {
        expect(renderer.render(snippetContext)).toEqual(renderImsupportingSnippet(snippetContext, options, adapter));
        expect(renderer.render(snippetContext, { nonce: 'b3RoZXI' })).toEqual(renderImsupportingSnippet(snippetContext, { ...options, nonce: 'b3RoZXI' }));
      }
    }
  });

  it('throws a VisitorContextError for the options or adapter renderImsupportingSnippet refuses', () => {
    expect(() => createImsupportingSnippetRenderer({ siteId: '' })).toThrow(VisitorContextError);
    expect(() => createImsupportingSnippetRenderer({ siteId: 'S', scriptUrl: 'data:text/javascript,1' })).toThrow(VisitorContextError);
    expect(() => createImsupportingSnippetRenderer({ siteId: 'S' }, {} as never)).toThrow(/adapter/);
  });
});
