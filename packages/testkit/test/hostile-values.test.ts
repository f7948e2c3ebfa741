import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileOptionsArbitrary, hostileValueArbitrary, hostileValues } from '../src/index.js';

describe('hostileValues', () => {
  it('has unique names and makes fresh values on every call', () => {
    const first = hostileValues();
    const names = first.map((item) => item.name);
    expect(new Set(names).size).toBe(names.length);
    const second = hostileValues();
    const getterIndex = names.indexOf('object with a throwing getter');
    expect(second[getterIndex]?.value === first[getterIndex]?.value).toBe(false);
  });

  it('really is hostile: the getter, the proxies and toJSON throw', () => {
    const byName = new Map(hostileValues().map((item) => [item.name, item.value]));
    expect(() => (byName.get('object with a throwing getter') as { id: unknown }).id).toThrow();
    expect(() => Object.keys(byName.get('proxy whose every trap throws') as object)).toThrow();
    expect(() => Object.keys(byName.get('revoked proxy') as object)).toThrow();
    expect(() => JSON.stringify(byName.get('object whose toJSON throws'))).toThrow();
    expect(() => JSON.stringify(byName.get('circular object'))).toThrow();
    expect(() => encodeURIComponent(byName.get('lone high surrogate') as string)).toThrow(URIError);
    expect(Object.getPrototypeOf(byName.get('JSON __proto__ key'))).toBe(Object.prototype);
    expect(Object.keys(byName.get('JSON __proto__ key') as object)).toContain('__proto__');
  });
});

describe('hostileOptionsArbitrary', () => {
  it('sets the known keys to hostile values, as own properties', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(hostileOptionsArbitrary(['scriptUrl', 'siteId']), (options) => {
        if (typeof options === 'object' && options !== null && !Array.isArray(options)) {
          try {
            for (const key of Object.keys(options)) seen.add(key);
          } catch {
            // a hostile options value itself (a throwing proxy) may refuse to list its keys
          }
        }
      }),
      { seed: 7, numRuns: 100 },
    );
    expect(seen.has('scriptUrl')).toBe(true);
    expect(seen.has('siteId')).toBe(true);
  });

  it('mixes named hostile values with anything()', () => {
    const values = fc.sample(hostileValueArbitrary(), { seed: 3, numRuns: 200 });
    expect(values.some((value) => typeof value === 'number' && Number.isNaN(value))).toBe(true);
    expect(values.some((value) => typeof value === 'object' && value !== null)).toBe(true);
  });
});
