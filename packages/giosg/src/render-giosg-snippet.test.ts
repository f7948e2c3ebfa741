import { describe, expect, it } from 'vitest';
import { checkScriptUrl } from '@visitor-context/core';
import { parseHtml } from '@visitor-context/testkit';
import { VisitorContextError } from '@visitor-context/core';
import { createGiosgSnippetRenderer, renderGiosgLogoutSnippet, renderGiosgSnippet, renderGiosgSubmission } from './index.js';

const context = { visitor: { id: 'C-1001', name: 'Ada Lovelace', email: 'ada@example.com' }, attributes: { plan: 'pro' } };

describe('renderGiosgSnippet', () => {
  it('renders the queue and the call the README shows', () => {
    const snippet = renderGiosgSnippet(context, { nonce: 'r4nd0m' });
    expect(snippet).toMatchInlineSnapshot(`
      {
        "diagnostics": [],
        "ok": true,
        "value": "<script nonce="r4nd0m">var _giosg=_giosg||function(){(_giosg._e=_giosg._e||[]).push(arguments)};_giosg("visitor","submit",{"username":"Ada Lovelace","customer_id":"C-1001","email":"ada@example.com","plan":"pro"},"plain",false);</script>",
      }
    `);
  });

  it('loads giosg\'s script with companyId, escaping everything', () => {
    const snippet = renderGiosgSnippet(context, { companyId: 'acme"><script>', rooms: [{ id: 'room-7' }], replaceExisting: true });
    expect(snippet.ok && snippet.value).toMatchInlineSnapshot(
      `"<script>var _giosg=_giosg||function(){(_giosg._e=_giosg._e||[]).push(arguments)};_giosg._c="acme\\"\\u003e\\u003cscript\\u003e";_giosg._h="https://service.giosg.com";_giosg("visitor","submit",{"username":"Ada Lovelace","customer_id":"C-1001","email":"ada@example.com","plan":"pro"},"plain",true,[{"id":"room-7"}]);</script><script src="https://service.giosg.com/live2/acme%22%3E%3Cscript%3E" async></script>"`,
    );
    const parsed = parseHtml(snippet.ok ? snippet.value : '');
    expect(parsed.elements('script')).toHaveLength(2);
  });

  it('fails without throwing on a bad nonce, script URL or submission', () => {
    expect(renderGiosgSnippet(context, { nonce: '"bad nonce"' }).diagnostics[0]?.code).toBe('invalid_html_input');
    expect(renderGiosgSnippet(context, { scriptUrl: 'javascript:alert(1)' }).diagnostics[0]?.code).toBe('invalid_html_input');
    expect(renderGiosgSnippet({ visitor: { email: 'x' } }).ok).toBe(false);
    expect(renderGiosgSubmission({ visitorData: {}, signingAlgorithm: 'none' } as never).diagnostics[0]?.code).toBe('invalid_type');
  });
});

describe('renderGiosgLogoutSnippet', () => {
  it('removes everything, or the given keys', () => {
    const all = renderGiosgLogoutSnippet();
    expect(all.ok && all.value).toContain('_giosg("visitor","removeAll");</script>');
    const keys = renderGiosgLogoutSnippet({ keys: ['email', '</script>'] });
    expect(keys.ok && keys.value).toContain('_giosg("visitor","remove","email");_giosg("visitor","remove","\\u003c/script\\u003e");');
  });

  it('then closes, hides and clears the chat with closeChat', () => {
    const snippet = renderGiosgLogoutSnippet({ closeChat: true, nonce: 'r4nd0m' });
    expect(snippet.ok && snippet.value).toContain('_giosg("visitor","removeAll");_giosg("chat","close",{"hide":true,"clearHistory":true});</script>');
    expect(renderGiosgLogoutSnippet({ closeChat: 'yes' } as never).diagnostics.map((item) => [item.code, item.path])).toEqual([['invalid_option', ['closeChat']]]);
  });
});

describe('script URLs', () => {
  // One rule for every adapter: giosg writes no URL check of its own, so each URL it renders must be accepted
  // or refused exactly as core's checkScriptUrl decides.
  const urls = [
    'https://service.giosg.com/live2/acme',
    '/stand-ins/giosg.js',
    '//evil.example/x.js',
    'javascript:alert(1)',
    'd\tata:text/javascript,alert(1)',
    '\u0001data:text/javascript,alert(1)',
    ' java\nscript:alert(1)',
    'http://localhost:8080/giosg.js',
  ];
  const coreAccepts = (url: string): boolean => {
    try {
      checkScriptUrl(url);
      return true;
    } catch {
      return false;
    }
  };

  it.each(urls)('%j is rendered only if core\'s checkScriptUrl accepts it, in every renderer', (url) => {
    const expected = coreAccepts(url);
    expect(renderGiosgSnippet(context, { scriptUrl: url }).ok).toBe(expected);
    expect(renderGiosgSubmission({ visitorData: {}, signingAlgorithm: 'plain', replaceExisting: false }, { scriptUrl: url }).ok).toBe(expected);
    expect(renderGiosgLogoutSnippet({ scriptUrl: url }).ok).toBe(expected);
  });

  it('builds the default URL from companyId through the same check', () => {
    const snippet = renderGiosgSnippet(context, { companyId: 'acme' });
    const src = snippet.ok ? parseHtml(snippet.value).elements('script')[1]?.attrs.find((attr) => attr.name === 'src')?.value : undefined;
    expect(src).toBe('https://service.giosg.com/live2/acme');
    expect(coreAccepts(src as string)).toBe(true);
  });
});

describe('option errors', () => {
  it('names a misspelt option and suggests the known one, as every option error does', () => {
    const result = renderGiosgSnippet({ visitor: { name: 'Ada' } }, { companyID: 'acme' } as never);
    expect(result.ok).toBe(false);
    const [error] = result.diagnostics;
    expect(error).toMatchObject({ code: 'invalid_option', severity: 'error' });
    expect(error?.message).toContain('companyID');
    expect(error?.message).toContain('companyId');
  });

  it('says what a known option must be and what it got', () => {
    const result = renderGiosgSnippet({ visitor: { name: 'Ada' } }, { companyId: 42 } as never);
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]?.message).toMatch(/companyId/);
    expect(result.diagnostics[0]?.message).toMatch(/42/);
  });
});

describe('createGiosgSnippetRenderer', () => {
  const hostileContext = { visitor: { id: '</script>', name: '\u2028<!--' }, attributes: { '<b>': '</script><script>alert(1)</script>' } };

  it('renders exactly what renderGiosgSnippet renders, with its own nonce or the call\'s', () => {
    const optionSets = [{}, { companyId: '1234', nonce: 'r4nd0m' }, { replaceExisting: true, rooms: [{ name: 'support' }], scriptUrl: 'https://service.giosg.com/live2/x' }];
    for (const options of optionSets) {
      const renderer = createGiosgSnippetRenderer(options);
      for (const snippetContext of [context, hostileContext, {}]) {
        expect(renderer.render(snippetContext)).toEqual(renderGiosgSnippet(snippetContext, options));
        expect(renderer.render(snippetContext, { nonce: 'b3RoZXI' })).toEqual(renderGiosgSnippet(snippetContext, { ...options, nonce: 'b3RoZXI' }));
      }
    }
  });

  it('throws a VisitorContextError for the options renderGiosgSnippet refuses', () => {
    expect(() => createGiosgSnippetRenderer({ companyID: '1' } as never)).toThrow(/companyId/);
    expect(() => createGiosgSnippetRenderer({ companyId: '\ud800' })).toThrow(VisitorContextError);
    expect(() => createGiosgSnippetRenderer({ scriptUrl: 'javascript:alert(1)' })).toThrow(VisitorContextError);
  });
});
