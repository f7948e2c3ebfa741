import fc from 'fast-check';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import {
  VisitorContextError,
  defineAdapter,
  defineSnippetRenderer,
  inlineScriptTemplate,
  jsCall,
  parseAdapterOptions,
  renderAttributes,
  renderInlineScript,
  toScriptJson,
  translateForRendering,
  withOptionDefaults,
  type VisitorContext,
} from '../src/index.js';

const runs = { numRuns: 300, seed: 20261202 };
const hostileString = fc.string({ unit: fc.constantFrom('<', '</script', '<!--', '<script', '-->', '\u2028', '\u2029', '&', "'", '"', '\\', '\ud800', 'a') });
const hostileJson = fc
  .record({ base: fc.jsonValue({ maxDepth: 3 }), text: hostileString, keyed: fc.dictionary(hostileString, hostileString, { maxKeys: 3 }) })
  .map((value) => JSON.parse(JSON.stringify(value)) as unknown);

type Element = DefaultTreeAdapterMap['element'];
function scripts(html: string): Element[] {
  const found: Element[] = [];
  const walk = (node: DefaultTreeAdapterMap['node']): void => {
    if ('tagName' in node && (node as Element).tagName === 'script') found.push(node as Element);
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
  };
  for (const child of parseFragment(html).childNodes) walk(child);
  return found;
}
const textOf = (element: Element): string =>
  element.childNodes.map((child) => ('value' in child ? (child as DefaultTreeAdapterMap['textNode']).value : '')).join('');

/** An adapter whose payload echoes the context's attributes under `data`, as built plain JSON. */
const EchoOptions = z.strictObject({ strict: z.optional(z.boolean()), label: z.optional(z.string()), tag: z.optional(z.string()) });
const echoAdapter = defineAdapter<{ label: string; tag: string; data: Record<string, unknown> }, z.infer<typeof EchoOptions>>({
  vendor: 'echo',
  capabilities: { directions: ['toVendor'], fields: [{ canonical: 'attributes.*', vendorName: 'data.<key>' }] },
  toVendorOptions: EchoOptions,
  toVendor: (context, options) => ({ label: options.label ?? 'none', tag: options.tag ?? 'none', data: { ...context.attributes } }),
  fromVendor: () => ({}),
});
const context: VisitorContext = { visitor: { id: 'v-1' }, attributes: { plan: '</script><!--', seats: 3 } };

describe('inlineScriptTemplate', () => {
  it('renders what renderInlineScript renders around toScriptJson values, for any data (parse5 oracle)', () => {
    const template = inlineScriptTemplate(['window.f(', ',', ');'], { nonce: 'bm9uY2U=' });
    fc.assert(
      fc.property(hostileJson, hostileJson, (first, second) => {
        const html = template.render(first, second);
        expect(html).toBe(renderInlineScript(jsCall('window.f', first, second), { nonce: 'bm9uY2U=' }));
        const found = scripts(`${html}<p>after</p>`);
        expect(found).toHaveLength(1);
        expect(textOf(found[0] as Element)).toBe(`window.f(${toScriptJson(first)},${toScriptJson(second)});`);
      }),
      runs,
    );
  });

  it.each([
    [['a</script>', ''], 'a part with </script'],
    [['<!--', ''], 'a part with <!--'],
    [['x=1<scrip', ';'], 'a part ending where a value could complete <script'],
    [['x<', ';'], 'a part ending in <'],
  ])('refuses %j (%s)', (parts) => {
    expect(() => inlineScriptTemplate(parts)).toThrow(VisitorContextError);
  });

  it('allows a < well before a value and in the last part', () => {
    expect(inlineScriptTemplate(['if(a<b){}window.f(', ');if(a<b){}']).render(1)).toBe('<script>if(a<b){}window.f(1);if(a<b){}</script>');
  });

  it('refuses a wrong number of values and values that are not plain data', () => {
    const template = inlineScriptTemplate(['f(', ');']);
    expect(() => template.render()).toThrow(VisitorContextError);
    expect(() => template.render(1, 2)).toThrow(VisitorContextError);
    let called = false;
    const getter = Object.defineProperty({}, 'x', { enumerable: true, get: () => ((called = true), 1) });
    expect(() => template.render(getter)).toThrow(VisitorContextError);
    expect(() => template.render({ toJSON: () => '</script>' })).toThrow(VisitorContextError);
    expect(called).toBe(false);
  });
});

describe('renderAttributes', () => {
  it('escapes values and checks names and nonces', () => {
    expect(renderAttributes({ 'data-x': '"<&>\'', async: true, hidden: false, nonce: undefined })).toBe(' data-x="&quot;&lt;&amp;&gt;&#39;" async');
    expect(() => renderAttributes({ 'on load': 'x' })).toThrow(VisitorContextError);
    expect(() => renderAttributes({ nonce: 'a"b' })).toThrow(VisitorContextError);
  });
});

describe('translateForRendering', () => {
  it('returns exactly what toVendor returns', () => {
    expect(translateForRendering(echoAdapter, context, { label: 'l' })).toEqual(echoAdapter.toVendor(context, { label: 'l' }));
    expect(translateForRendering(echoAdapter, { visitor: { email: 'not an email' } }).ok).toBe(false);
  });

  it('lets the encoders use a payload a defineAdapter toVendor built, with the same output as the copy', () => {
    const translated = translateForRendering(echoAdapter, context);
    if (!translated.ok) throw new Error('expected a payload');
    const copy = structuredClone(translated.value);
    expect(toScriptJson(translated.value)).toBe(toScriptJson(copy));
    expect(toScriptJson(translated.value.data)).toBe(toScriptJson(copy.data));
  });

  it('still copies, and refuses, a payload from toVendor called directly and changed afterwards', () => {
    const translated = echoAdapter.toVendor(context);
    if (!translated.ok) throw new Error('expected a payload');
    let called = false;
    Object.defineProperty(translated.value.data, 'secret', { enumerable: true, get: () => ((called = true), 'x') });
    expect(() => toScriptJson(translated.value)).toThrow(VisitorContextError);
    expect(called).toBe(false);
  });

  it('still copies, and refuses, the payload of an adapter core did not build', () => {
    let called = false;
    const handMade = {
      toVendor: () => ({ ok: true as const, diagnostics: [], value: Object.defineProperty({}, 'x', { enumerable: true, get: () => ((called = true), 1) }) }),
    };
    const translated = translateForRendering(handMade, context);
    expect(() => toScriptJson(translated.ok ? translated.value : undefined)).toThrow(VisitorContextError);
    expect(called).toBe(false);
  });

  it('records nothing when a defineAdapter translation builds something that is not plain JSON', () => {
    const dated = defineAdapter({
      vendor: 'dated',
      capabilities: { directions: ['toVendor'], fields: [] },
      toVendor: () => ({ when: new Date(0), list: [1, 2] }),
      fromVendor: () => ({}),
    });
    const translated = translateForRendering(dated, context);
    if (!translated.ok) throw new Error('expected a payload');
    expect(() => toScriptJson(translated.value)).toThrow(VisitorContextError);
    // The plain parts were not recorded either: the whole payload is left to the copy, which refuses a getter.
    let called = false;
    Object.defineProperty(translated.value.list, 2, { enumerable: true, get: () => ((called = true), 3) });
    expect(() => toScriptJson(translated.value.list)).toThrow(VisitorContextError);
    expect(called).toBe(false);
  });

  it('uses a recorded payload and its parts as they are, without the copy (so encode it before changing it)', () => {
    const translated = translateForRendering(echoAdapter, context);
    if (!translated.ok) throw new Error('expected a payload');
    let reads = 0;
    Object.defineProperty(translated.value.data, 'late', { enumerable: true, get: () => (reads++, 'x') });
    expect(JSON.parse(toScriptJson(translated.value.data))).toMatchObject({ late: 'x' });
    expect(JSON.parse(toScriptJson(translated.value))).toMatchObject({ data: { late: 'x' } });
    expect(reads).toBe(2);
  });
});

describe('withOptionDefaults', () => {
  const withDefaults = withOptionDefaults(echoAdapter, { toVendor: { label: 'default', tag: undefined } });

  it('merges a call over the defaults: a given option wins, one given as undefined falls back', () => {
    expect(withDefaults.toVendor(context).ok && withDefaults.toVendor(context)).toMatchObject({ value: { label: 'default', tag: 'none' } });
    expect(withDefaults.toVendor(context, { label: 'call', tag: 't' })).toMatchObject({ value: { label: 'call', tag: 't' } });
    expect(withDefaults.toVendor(context, { label: undefined } as never)).toMatchObject({ value: { label: 'default' } });
  });

  it('hands options that are no plain object to the adapter to report, and never throws', () => {
    const result = withDefaults.toVendor(context, 'label' as never);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((item) => item.code)).toContain('invalid_option');
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(withDefaults.toVendor(context, proxy as never).ok).toBe(false);
  });

  it('returns the adapter itself when there are no defaults, and keeps its payloads trusted when there are', () => {
    expect(withOptionDefaults(echoAdapter, { toVendor: { label: undefined } })).toBe(echoAdapter);
    const translated = translateForRendering(withDefaults, context);
    if (!translated.ok) throw new Error('expected a payload');
    expect(toScriptJson(translated.value)).toBe(JSON.stringify(translated.value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e'));
  });
});

describe('defineSnippetRenderer', () => {
  const OptionsSchema = z.strictObject({ label: z.string(), nonce: z.optional(z.string()) });
  let builds = 0;
  const echoSnippet = defineSnippetRenderer<unknown, { nonce: string | undefined; label: string }, ReturnType<typeof inlineScriptTemplate>>({
    name: 'renderEchoSnippet',
    prepare(options, diagnostics) {
      const parsed = parseAdapterOptions(OptionsSchema, options, diagnostics);
      return parsed === undefined ? undefined : { nonce: parsed.nonce, label: parsed.label };
    },
    buildStatic({ label }, nonce) {
      builds++;
      return inlineScriptTemplate([`window.echo(${toScriptJson(label)},`, ');'], { nonce });
    },
    render(settings, snippetContext, staticPart, diagnostics) {
      const translated = translateForRendering(echoAdapter, snippetContext, { label: settings.label });
      diagnostics.add(translated.diagnostics);
      return translated.ok ? staticPart().render(translated.value) : undefined;
    },
  });

  it('renders the same as the one-call form, building the static part once per nonce', () => {
    builds = 0;
    const renderer = echoSnippet.create({ label: 'L', nonce: 'Zmlyc3Q=' });
    expect(builds).toBe(1);
    const once = echoSnippet.renderOnce(context, { label: 'L', nonce: 'Zmlyc3Q=' });
    builds = 0;
    expect(once.ok).toBe(true);
    expect(renderer.render(context)).toEqual(once);
    expect(renderer.render(context)).toEqual(once);
    expect(builds).toBe(0);
    const other = renderer.render(context, { nonce: 'b3RoZXI=' });
    expect(other).toEqual(echoSnippet.renderOnce(context, { label: 'L', nonce: 'b3RoZXI=' }));
    renderer.render(context, { nonce: 'b3RoZXI=' });
    expect(builds).toBe(2);
    expect(renderer.render(context, { nonce: undefined })).toEqual(once);
  });

  it('throws a VisitorContextError for bad options at creation; the one-call form returns them', () => {
    expect(() => echoSnippet.create({ labl: 'L' })).toThrow(VisitorContextError);
    expect(() => echoSnippet.create({ label: 'L', nonce: '"><script>' })).toThrow(/nonce/);
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(() => echoSnippet.create(proxy)).toThrow(VisitorContextError);
    const once = echoSnippet.renderOnce(context, { labl: 'L' });
    expect(once.ok).toBe(false);
    expect(new Set(once.diagnostics.map((item) => item.code))).toEqual(new Set(['invalid_option']));
  });

  it('reports bad per-call options and contexts as failures, never throwing', () => {
    const renderer = echoSnippet.create({ label: 'L' });
    expect(renderer.render(context, { label: 'other' } as never)).toMatchObject({ ok: false, diagnostics: [{ code: 'invalid_option' }] });
    expect(renderer.render(context, { nonce: '"><script>' })).toMatchObject({ ok: false, diagnostics: [{ code: 'invalid_html_input' }] });
    expect(renderer.render({ visitor: { email: 'not an email' } }).ok).toBe(false);
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(renderer.render(proxy as never)).toMatchObject({ ok: false, diagnostics: [{ code: 'not_plain_data' }] });
    expect(renderer.render.length).toBe(2);
  });

  it('keeps one script and the page after it for hostile attribute values', () => {
    const renderer = echoSnippet.create({ label: '</script><script>alert(1)</script>' });
    fc.assert(
      fc.property(hostileString, (text) => {
        const rendered = renderer.render({ attributes: { note: text } });
        if (!rendered.ok) return;
        const found = scripts(`${rendered.value}<p>after</p>`);
        expect(found).toHaveLength(1);
      }),
      runs,
    );
  });
});

describe('defineSnippetRenderer one-call form, static part', () => {
  let builds = 0;
  const counted = defineSnippetRenderer<{ label?: string; nonce?: string }, { nonce: string | undefined; label: string }, string>({
    name: 'countedSnippet',
    prepare: (options) => ({ nonce: options.nonce, label: options.label ?? 'none' }),
    buildStatic: (settings, nonce) => {
      builds++;
      return `<b${renderAttributes({ title: settings.label, nonce })}>`;
    },
    render: (_settings, _context, staticPart) => staticPart(),
  });

  it('builds the static part once for repeated calls with the same options, and again for any change', () => {
    builds = 0;
    const first = counted.renderOnce(context, { label: 'a', nonce: 'Zmlyc3Q=' });
    expect(counted.renderOnce(context, { label: 'a', nonce: 'Zmlyc3Q=' })).toEqual(first);
    expect(builds).toBe(1);
    expect(counted.renderOnce(context, { label: 'b', nonce: 'Zmlyc3Q=' })).toEqual({ ok: true, value: '<b title="b" nonce="Zmlyc3Q=">', diagnostics: [] });
    expect(counted.renderOnce(context, { label: 'b', nonce: 'b3RoZXI=' })).toEqual({ ok: true, value: '<b title="b" nonce="b3RoZXI=">', diagnostics: [] });
    expect(counted.renderOnce(context, { label: 'a', nonce: 'Zmlyc3Q=' })).toEqual(first);
    expect(builds).toBe(4);
  });

  it('keeps no static part that failed to build', () => {
    builds = 0;
    expect(counted.renderOnce(context, { nonce: '"><script>' })).toMatchObject({ ok: false, diagnostics: [{ code: 'invalid_html_input' }] });
    expect(counted.renderOnce(context, { nonce: '"><script>' })).toMatchObject({ ok: false, diagnostics: [{ code: 'invalid_html_input' }] });
    expect(builds).toBe(2);
  });
});
