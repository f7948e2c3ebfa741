import { checkScriptUrl } from '@visitor-context/core';
import { hostileValues, parseHtml, runInlineScripts } from '@visitor-context/testkit';
import { describe, expect, it } from 'vitest';
import { driveImichatWidget } from './imichat-session.js';
import { VisitorContextError } from '@visitor-context/core';
import { createWxccSnippetRenderer, renderWxccSnippet, type WxccSnippetOptions } from './index.js';

const context = { visitor: { name: 'Ada </script><script>alert(1)</script>', email: 'ada@example.com' }, attributes: { plan: 'pro' } };

describe('renderWxccSnippet', () => {
  it('renders the installation snippet and the data script, with the nonce on every script', () => {
    const result = renderWxccSnippet(context, { nonce: 'cnd0m', widget: { bindId: 'b1nd', guid: 'g-1', org: 'org-9' } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const readable = result.value.replace(driveImichatWidget.toString(), '/* driveImichatWidget */');
    expect(readable).toMatchInlineSnapshot(
      `"<div id="divicw" data-bind="b1nd" data-org="org-9" data-guid="g-1"></div><script src="https://media.imi.chat/widget/js/imichatinit.js" nonce="cnd0m"></script><script nonce="cnd0m">(function(){var drive=(/* driveImichatWidget */);var settings;settings={"json":"{\\"custom_chat_fields\\":{\\"name\\":\\"Ada \\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\",\\"email\\":\\"ada@example.com\\",\\"plan\\":\\"pro\\"}}","intervalMs":250,"timeoutMs":30000};function report(outcome){try{window.dispatchEvent(new CustomEvent("visitor-context:wxcc",{detail:outcome}));}catch(error){}}drive(window,settings.json,settings,report);})();</script>"`,
    );
    expect(parseHtml(result.value).structure).toBe('<div data-bind data-guid data-org id></div><script nonce src></script><script nonce></script>');
  });

  it('takes the loader URL from the options, for regional deployments', () => {
    const url = 'https://attachments-ldn.imiengage.io/widgeteu/js/imichatinit.js';
    const result = renderWxccSnippet(context, { widget: { bindId: 'b', guid: 'g', scriptUrl: url } });
    expect(result.ok && parseHtml(result.value).elements('script').map((script) => script.attrs.find((a) => a.name === 'src')?.value)).toEqual([url, undefined]);
  });

  it('polls for a late global at the configured interval', () => {
    let tick: (() => void) | undefined;
    let interval: number | undefined;
    const received: string[] = [];
    const globals: Record<string, unknown> = {
      setInterval: (callback: () => void, ms: number) => {
        tick = callback;
        interval = ms;
        return 1;
      },
      clearInterval: () => (tick = undefined),
      setTimeout: () => 2,
      clearTimeout: () => undefined,
    };
    const result = renderWxccSnippet(context, { intervalMs: 100, timeoutMs: 5_000 });
    const sandbox = runInlineScripts(result.ok ? result.value : '', globals);
    expect(interval).toBe(100);
    expect(received).toEqual([]);
    sandbox['imichatwidget'] = {
      on: (_name: string, handler: () => void) => handler(),
      init: (json: string, callback: (status: string) => void) => {
        received.push(json);
        callback('success');
      },
      update: () => undefined,
    };
    tick?.();
    expect(received).toEqual(['{"custom_chat_fields":{"name":"Ada </script><script>alert(1)</script>","email":"ada@example.com","plan":"pro"}}']);
    expect(tick).toBeUndefined();
  });

  it('fails without throwing on invalid options, an unsafe nonce or loader URL, and lost fields under strict', () => {
    expect(renderWxccSnippet(context, { nonce: '"><script>' })).toMatchObject({ ok: false, diagnostics: [{ code: 'invalid_html_input' }] });
    expect(renderWxccSnippet(context, { widget: { bindId: 'b', guid: 'g', scriptUrl: 'javascript:alert(1)' } })).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'invalid_html_input' }],
    });
    expect(renderWxccSnippet(context, { intervalMs: -1 })).toMatchObject({ ok: false, diagnostics: [{ code: 'invalid_option', path: ['intervalMs'] }] });
    expect(renderWxccSnippet(context, { fields: { 'visitor.nope': 'x' } })).toMatchObject({ ok: false, diagnostics: [{ code: 'invalid_option' }] });
    const lossy = { visitor: { name: 'Ada', company: 'Engines' } };
    expect(renderWxccSnippet(lossy)).toMatchObject({ ok: true, diagnostics: [{ code: 'field_dropped', path: ['visitor', 'company'] }] });
    expect(renderWxccSnippet(lossy, { strict: true })).toMatchObject({ ok: false, diagnostics: [{ code: 'field_dropped', severity: 'error' }] });
  });

  it('renders exactly the loader URLs that core\'s checkScriptUrl accepts, and no other', () => {
    const candidates = [
      'https://media.imi.chat/widget/js/imichatinit.js',
      'http://localhost:8080/imichatinit.js',
      '//media.imi.chat/widget/js/imichatinit.js',
      '/widget/js/imichatinit.js',
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/javascript,alert(1)',
      'd\tata:text/javascript,alert(1)',
      '\u0001data:text/javascript,alert(1)',
      ' java\nscript:alert(1)',
      'vbscript:msgbox(1)',
      '',
      ...hostileValues().flatMap((item) => (typeof item.value === 'string' ? [item.value] : [])),
    ];
    for (const url of candidates) {
      let accepted: string | undefined;
      try {
        accepted = checkScriptUrl(url);
      } catch {
        accepted = undefined;
      }
      const rendered = renderWxccSnippet(context, { widget: { bindId: 'b', guid: 'g', scriptUrl: url } });
      expect(rendered.ok, JSON.stringify(url)).toBe(accepted !== undefined);
      if (!rendered.ok) {
        expect(rendered.diagnostics.map((item) => item.code), JSON.stringify(url)).toContain('invalid_html_input');
        continue;
      }
      const sources = parseHtml(rendered.value).elements('script').map((script) => script.attrs.find((a) => a.name === 'src')?.value);
      expect(sources, JSON.stringify(url)).toHaveLength(2);
      // The HTML parser itself replaces NUL and normalises other controls in attribute values.
      if (!/[\u0000-\u001f]/.test(accepted ?? '')) expect(sources, JSON.stringify(url)).toEqual([accepted, undefined]);
    }
  });
});

describe('createWxccSnippetRenderer', () => {
  const hostileContext = { visitor: { id: '</script>', name: '\u2028<!--' }, attributes: { '<b>': '</script><script>alert(1)</script>' } };

  it('renders exactly what renderWxccSnippet renders, with its own nonce or the call\'s', () => {
    const optionSets: WxccSnippetOptions[] = [
      {},
      { nonce: 'cnd0m', intervalMs: 50, timeoutMs: 1000, widget: { bindId: 'b1nd', guid: 'g-1', org: 'org-9' } },
      { fields: { 'visitor.name': 'Customer Name', 'attributes.*': 'attr *' }, strict: false },
    ];
    for (const options of optionSets) {
      const renderer = createWxccSnippetRenderer(options);
      for (const snippetContext of [context, hostileContext, {}]) {
        expect(renderer.render(snippetContext)).toEqual(renderWxccSnippet(snippetContext, options));
        expect(renderer.render(snippetContext, { nonce: 'b3RoZXI' })).toEqual(renderWxccSnippet(snippetContext, { ...options, nonce: 'b3RoZXI' }));
      }
    }
  });

  it('throws a VisitorContextError for the options renderWxccSnippet refuses', () => {
    expect(() => createWxccSnippetRenderer({ intervalMs: -1 })).toThrow(VisitorContextError);
    expect(() => createWxccSnippetRenderer({ widget: { bindId: 'b', guid: 'g', scriptUrl: 'http://evil.example/x.js' } })).toThrow(VisitorContextError);
  });
});
