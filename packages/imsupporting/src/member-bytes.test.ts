import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memberBytes, objectBytes } from './imsupporting-server-rules.js';

describe('memberBytes', () => {
  const encodedLength = (key: string, value: string): number => new TextEncoder().encode(`${JSON.stringify(key)}:${JSON.stringify(value)}`).length;

  it('is the UTF-8 length of the member as TextEncoder encodes it, for any text (lone surrogates included)', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: fc.constantFrom('a', '"', '\\', '\n', '\u0000', 'é', '€', '😀', '\ud800', '\udc00', '\u2028') }),
    );
    fc.assert(
      fc.property(text, text, (key, value) => {
        expect(memberBytes(key, value)).toBe(encodedLength(key, value));
      }),
      { numRuns: 2_000, seed: 20261202 },
    );
  });

  it('adds up to the length of the whole object text', () => {
    const pairs: [string, string][] = [['ims_username', 'Ada Lovelace'], ['city', 'Zürich'], ['note', '😀 "quoted"']];
    const text = JSON.stringify(Object.fromEntries(pairs));
    expect(objectBytes(pairs.map(([key, value]) => memberBytes(key, value)))).toBe(new TextEncoder().encode(text).length);
  });
});
