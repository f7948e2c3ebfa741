/* Keys named like Object.prototype's members are data: every lookup by such a key finds only own properties. */
import { describe, expect, it } from 'vitest';
import { Diagnostics, defineAdapter, parseJson, parseVisitorContext, readContextField, writeContextField, type MutableVisitorContext } from '../src/index.js';

const prototypeNames = ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty', 'isPrototypeOf', 'prototype'];
/** Keys the canonical model refuses anywhere, because assigning them can change a prototype. */
const refused = new Set(['constructor', '__proto__', 'prototype']);

describe('prototype-named keys', () => {
  it.each(prototypeNames)('%s as an attribute key is kept as data or refused as forbidden_key, never resolved on the prototype', (key) => {
    const result = parseVisitorContext(JSON.parse(`{"attributes":{"${key}":"x"}}`));
    if (refused.has(key)) {
      expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'forbidden_key', path: ['attributes', key] })]);
      return;
    }
    expect(result).toEqual({ ok: true, value: { attributes: { [key]: 'x' } }, diagnostics: [] });
    expect(readContextField({ attributes: {} }, `attributes.${key}`)).toBeUndefined();
    expect(readContextField({}, `${key}.x`)).toBeUndefined();
    expect(readContextField({ visitor: {} }, `visitor.${key}`)).toBeUndefined();
  });

  it.each(prototypeNames)('%s with a wrong value type gets a clear error about that key', (key) => {
    const result = parseVisitorContext(JSON.parse(`{"attributes":{"${key}":{"a":1}}}`));
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]?.code).toBe(refused.has(key) ? 'forbidden_key' : 'nested_value');
  });

  it.each(prototypeNames)('%s as a section or field name is an unknown key, not a prototype member', (key) => {
    const top = parseVisitorContext(JSON.parse(`{"${key}":{"x":"y"}}`));
    expect(top.ok).toBe(false);
    expect(top.diagnostics[0]?.code).toBe(refused.has(key) ? 'forbidden_key' : 'unknown_key');
    const field = parseVisitorContext(JSON.parse(`{"visitor":{"${key}":"y"}}`));
    expect(field.diagnostics[0]?.code).toBe(refused.has(key) ? 'forbidden_key' : 'unknown_key');
  });

  it.each(prototypeNames)('writeContextField stores attributes.%s as an own property and pollutes nothing', (key) => {
    const draft: MutableVisitorContext = {};
    expect(writeContextField(draft, `attributes.${key}`, 'v')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(draft.attributes, key)?.value).toBe('v');
    expect(writeContextField(draft, `${key}.x`, 'v')).toBe(false);
    expect(writeContextField(draft, `visitor.${key}`, 'v')).toBe(false);
    expect(({} as Record<string, unknown>)['v']).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'x')).toBe(false);
  });

  it('parseJson keeps harmless prototype names as data and refuses __proto__ and constructor.prototype', () => {
    expect(parseJson('{"toString":1,"valueOf":{"a":1},"hasOwnProperty":2,"constructor":"c"}')).toMatchObject({ ok: true });
    expect(parseJson('{"__proto__":{"polluted":true}}').diagnostics[0]?.code).toBe('forbidden_key');
    expect(parseJson('{"constructor":{"prototype":{"polluted":true}}}').diagnostics[0]?.code).toBe('forbidden_key');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('a fromVendor draft whose invalid field sits under a prototype-named section never reaches the prototype', () => {
    const adapter = defineAdapter({
      vendor: 'proto',
      capabilities: { directions: ['fromVendor'], fields: [] },
      toVendor: () => ({}),
      fromVendor: (payload, _options, diagnostics: Diagnostics) => {
        void diagnostics;
        const draft: Record<string, unknown> = { visitor: { email: 'not an email' } };
        for (const key of ['toString', 'valueOf', 'hasOwnProperty']) draft[key] = (payload as Record<string, unknown>)['x'];
        return draft as MutableVisitorContext;
      },
    });
    const result = adapter.fromVendor({ x: { name: 'n' } });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((item) => item.code)).toContain('unknown_key');
    expect(typeof Object.prototype.toString).toBe('function');
  });
});
