import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createImsupportingAdapter } from './index.js';

/** The base64 length of a JSON object text, as the server measures the wire payload. */
const base64LengthOf = (entries: readonly (readonly [string, string])[]): number =>
  Math.ceil(new TextEncoder().encode(JSON.stringify(Object.fromEntries(entries))).length / 3) * 4;

describe('toVendor under maxPayloadLength', () => {
  const unlimited = createImsupportingAdapter({ limits: { maxPayloadLength: 1_000_000 } });

  it('keeps the longest run of pairs, in order, whose base64 payload fits, and reports each pair it leaves out', () => {
    const value = fc.string({ unit: fc.constantFrom('a', 'é', '€', '😀', '"', ' '), maxLength: 30 });
    const attributes = fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/), value, { maxKeys: 12 });
    fc.assert(
      fc.property(attributes, fc.integer({ min: 1, max: 600 }), (generated, maxPayloadLength) => {
        const context = { visitor: { name: 'Ada Lovelace' }, attributes: generated };
        const all = unlimited.toVendor(context);
        if (!all.ok) throw new Error('the unlimited translation failed');
        const entries = Object.entries(all.value);
        let fitting = entries.length;
        while (fitting > 0 && base64LengthOf(entries.slice(0, fitting)) > maxPayloadLength) fitting--;
        const limited = createImsupportingAdapter({ limits: { maxPayloadLength } }).toVendor(context);
        expect(limited.ok && Object.entries(limited.value)).toEqual(entries.slice(0, fitting));
        const dropped = limited.diagnostics.filter((item) => item.message.includes(`would exceed ${maxPayloadLength} characters`));
        expect(dropped).toHaveLength(entries.length - fitting);
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });
});
