import fc from 'fast-check';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import {
  VisitorContextError,
  checkScriptUrl,
  escapeHtml,
  jsAssign,
  jsCall,
  renderElement,
  renderInlineScript,
  renderJsonScript,
  renderScriptTag,
  toAttributeJson,
  toJsonText,
  toScriptJson,
} from '../src/index.js';
import { hostileScriptUrls } from './hostile-script-urls.js';

type Element = DefaultTreeAdapterMap['element'];
const runs = { numRuns: 1000, seed: 20261123 };

/** Strings rich in what breaks HTML and JS: any code point, lone surrogates, and script-data openers. */
const hostileString = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom('<', '</script', '<!--', '<script', '-->', '\u2028', '\u2029', '&', "'", '"', '\\', '\ud800', '\udc00', 'a') }),
);
// -0 has no JSON spelling (JSON.stringify writes 0), so generated data is normalized to what JSON can carry.
const hostileJson = fc
  .record({ base: fc.jsonValue({ maxDepth: 3 }), text: hostileString, keyed: fc.dictionary(hostileString, hostileString, { maxKeys: 3 }) })
  .map((value) => JSON.parse(JSON.stringify(value)) as unknown);

/** The Next.js / Rails / Go escaping set, as a differential oracle. */
const htmlEscapeJsonString = (text: string): string =>
  text.replace(/[&><\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);

function elements(html: string): Element[] {
  const found: Element[] = [];
  const walk = (node: DefaultTreeAdapterMap['node']): void => {
    if ('tagName' in node) found.push(node as Element);
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
  };
  for (const child of parseFragment(html).childNodes) walk(child);
  return found;
}
const textOf = (element: Element): string =>
  element.childNodes.map((child) => ('value' in child ? (child as DefaultTreeAdapterMap['textNode']).value : '')).join('');

describe('toScriptJson', () => {
  it.each(['</script>', '</SCRIPT >', '</script/x', '</script\t', '<!--<script>', '-->', ']]>', '\u2028\u2029', '&amp;'])(
    'neutralizes %j',
    (vector) => {
      const out = toScriptJson({ value: vector });
      expect(out).not.toMatch(/[<>&\u2028\u2029]/);
      expect(JSON.parse(out)).toEqual({ value: vector });
    },
  );

  it('never emits <, >, &, U+2028 or U+2029, and round-trips through JSON.parse and as a JS literal', () => {
    fc.assert(
      fc.property(hostileJson, (value) => {
        const out = toScriptJson(value);
        expect(/[<>&\u2028\u2029]/.test(out)).toBe(false);
        expect(JSON.parse(out)).toEqual(value);
        expect(new Function(`return ${out}`)()).toEqual(value);
        expect(out).toBe(htmlEscapeJsonString(JSON.stringify(value)));
      }),
      runs,
    );
  });

  it('keeps one script element and the page after it, for any data (parse5 oracle)', () => {
    fc.assert(
      fc.property(hostileJson, (value) => {
        const html = renderInlineScript(jsAssign('window.cfg', value)) + '<p>after</p><script>ok=1</script>';
        const found = elements(html);
        expect(found.map((element) => element.tagName)).toEqual(['script', 'p', 'script']);
        const code = textOf(found[0]!);
        expect(code.startsWith('window.cfg=')).toBe(true);
        expect(JSON.parse(code.slice('window.cfg='.length, -1))).toEqual(value);
      }),
      runs,
    );
  });

  it('refuses values that are not plain JSON data rather than calling toJSON or getters', () => {
    let called = false;
    const sneaky = {
      toJSON() {
        called = true;
        return '</script>';
      },
    };
    expect(() => toScriptJson(sneaky)).toThrow(VisitorContextError);
    expect(() => toScriptJson(new Date())).toThrow(/plain objects/);
    expect(() => toScriptJson({ n: Number.NaN })).toThrow(/not a JSON number/);
    expect(() => toScriptJson({ f: () => 1 })).toThrow(/function/);
    expect(called).toBe(false);
  });
});

describe('attribute encoding', () => {
  it('round-trips exactly through a real HTML parser in both quote styles', () => {
    fc.assert(
      fc.property(hostileJson, (value) => {
        const encoded = toAttributeJson(value);
        for (const quote of ['"', "'"]) {
          const found = elements(`<div data-x=${quote}${encoded}${quote} title="t"></div><p></p>`);
          expect(found.map((element) => element.tagName)).toEqual(['div', 'p']);
          expect(found[0]!.attrs.map((attribute) => attribute.name)).toEqual(['data-x', 'title']);
          expect(JSON.parse(found[0]!.attrs[0]!.value)).toEqual(value);
        }
      }),
      runs,
    );
  });

  it('renderElement escapes attribute values and text once', () => {
    fc.assert(
      fc.property(hostileJson, hostileString, (value, text) => {
        const [div] = elements(renderElement('div', { id: 'chat', 'data-context': toJsonText(value), hidden: true }, text));
        expect(div!.attrs).toEqual([
          { name: 'id', value: 'chat' },
          { name: 'data-context', value: JSON.stringify(value) },
          { name: 'hidden', value: '' },
        ]);
        // The parser normalizes CR and drops NUL in body text, as browsers do; the data attribute is exact.
        expect(textOf(div!)).toBe(text.replace(/\r\n?/g, '\n').replace(/\u0000/g, ''));
      }),
      { ...runs, numRuns: 300 },
    );
  });

  it('escapeHtml escapes exactly & < > " \'', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });
});

describe('script and element rendering', () => {
  it('renders a vendor loader with a checked URL and a nonce', () => {
    expect(renderScriptTag('https://cdn.example/widget.js?a=1&b=2', { async: true, nonce: 'abc123==' })).toBe(
      '<script src="https://cdn.example/widget.js?a=1&amp;b=2" async nonce="abc123=="></script>',
    );
    expect(renderScriptTag('/local/widget.js')).toBe('<script src="/local/widget.js"></script>');
  });

  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/javascript,alert(1)', ' ', 'vbscript:x', '/\\evil.example'])(
    'refuses the script URL %j',
    (url) => {
      expect(() => checkScriptUrl(url)).toThrow(VisitorContextError);
    },
  );

  it.each(hostileScriptUrls('alert(1)'))('refuses the hostile script URL %j, as renderScriptTag too', (url) => {
    expect(() => checkScriptUrl(url)).toThrow(VisitorContextError);
    expect(() => renderScriptTag(url)).toThrow(/is not a usable script URL/);
  });

  it('says why a URL is refused', () => {
    expect(() => checkScriptUrl('d\tata:text/javascript,x')).toThrow(/control character/);
    expect(() => checkScriptUrl('//cdn.example/x.js')).toThrow(/allowProtocolRelative/);
    expect(() => checkScriptUrl('http://cdn.example/x.js')).toThrow(/only https:\/\//);
  });

  it.each(['https://cdn.example/widget.js', ' https://cdn.example/w.js?a=1&b=2 ', '/vendor/loader.js', 'loader.js', './a/b.js', '?v=1'])(
    'accepts the script URL %j',
    (url) => {
      expect(checkScriptUrl(url)).toBe(url.trim());
    },
  );

  it('accepts http:// to localhost and protocol-relative URLs only when the rules ask for them', () => {
    for (const url of ['http://localhost:5173/loader.js', 'http://127.0.0.1/loader.js', 'http://[::1]:8080/loader.js']) {
      expect(() => checkScriptUrl(url)).toThrow(VisitorContextError);
      expect(checkScriptUrl(url, { allowLocalHttp: true })).toBe(url);
    }
    expect(() => checkScriptUrl('http://cdn.example/x.js', { allowLocalHttp: true })).toThrow(VisitorContextError);
    expect(() => checkScriptUrl('http://localhost.cdn.example/x.js', { allowLocalHttp: true })).toThrow(VisitorContextError);
    expect(checkScriptUrl('//cdn.example/x.js', { allowProtocolRelative: true })).toBe('//cdn.example/x.js');
    expect(renderScriptTag('//cdn.example/x.js', { async: true }, { allowProtocolRelative: true })).toBe('<script src="//cdn.example/x.js" async></script>');
    expect(() => checkScriptUrl('/\\cdn.example/x.js', { allowProtocolRelative: true })).toThrow(VisitorContextError);
  });

  it.each(['"><script>', 'a b', '', 'x'.repeat(257)])('refuses the nonce %j', (nonce) => {
    expect(() => renderInlineScript('x();', { nonce })).toThrow(/nonce/);
  });

  it('refuses unsafe attribute names and tags', () => {
    expect(() => renderElement('div', { 'onclick': 'x', 'a b': 'y' })).toThrow(/attribute name/);
    expect(() => renderElement('script')).toThrow(VisitorContextError);
    expect(() => renderElement('img src=x')).toThrow(VisitorContextError);
  });

  it('refuses inline code that could end or derail the script element', () => {
    for (const code of ['a="</script>";', 'a="<!--";', 'a="<SCRIPT";']) {
      expect(() => renderInlineScript(code)).toThrow(/must not contain/);
    }
  });

  it('only calls and assigns dotted identifier paths', () => {
    expect(jsCall('_giosg', 'visitor', 'submit', { a: '<' })).toBe('_giosg("visitor","submit",{"a":"\\u003c"});');
    expect(jsAssign('window.imsFlowConfig', { siteid: 1 })).toBe('window.imsFlowConfig={"siteid":1};');
    for (const target of ['alert(1);x', 'a[0]', 'a..b', '1a', 'a.b()', '']) {
      expect(() => jsCall(target)).toThrow(/identifier path/);
    }
  });

  it('renders a strict-CSP JSON data block that parses back', () => {
    const value = { name: '</script><!--<script>' };
    const html = renderJsonScript('visitor-context', value, { nonce: 'n0nce' });
    const [script] = elements(html);
    expect(script!.attrs).toEqual([
      { name: 'type', value: 'application/json' },
      { name: 'id', value: 'visitor-context' },
      { name: 'nonce', value: 'n0nce' },
    ]);
    expect(JSON.parse(textOf(script!))).toEqual(value);
  });
});

describe('escapeHtml, against the former one-regular-expression implementation', () => {
  const former = (text: string): string =>
    String(text).replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] as string);
  it('escapes any text exactly as before (property)', () => {
    const unsafeHeavy = fc.string({ unit: fc.constantFrom('&', '<', '>', '"', "'", 'a', ' ', '\u2028', '😀', '\ud800') });
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), unsafeHeavy), (text) => {
        expect(escapeHtml(text)).toBe(former(text));
      }),
      { numRuns: 2_000, seed: 20261202 },
    );
  });
});
