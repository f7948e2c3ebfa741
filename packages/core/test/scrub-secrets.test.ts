import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeBase64Text } from '../src/index.js';
import { SecretScrubber } from '../src/server/scrub-secrets.js';

/** Secrets as they come: tokens, client secrets with symbols, non-ASCII passwords. At least 8 characters. */
const secretArbitrary = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9._~+/=-]{8,64}$/),
  fc.string({ unit: 'grapheme', minLength: 8, maxLength: 40 }),
);

/** The ways a secret reaches text: raw, URL- and form-encoded, JSON-escaped, base64 alone or inside Basic auth. */
const leaks: readonly ((secret: string, id: string) => string)[] = [
  (secret) => secret,
  (secret) => encodeURIComponent(secret),
  (secret) => new URLSearchParams({ client_secret: secret }).toString(),
  (secret) => JSON.stringify({ secret }),
  (secret) => encodeBase64Text(secret),
  (secret) => encodeBase64Text(secret, 'base64url'),
  (secret, id) => `Basic ${encodeBase64Text(`${id}:${secret}`)}`,
];

describe('SecretScrubber', () => {
  it('removes a secret from every spelling it leaks in, wherever it sits in the text', () => {
    fc.assert(
      fc.property(
        secretArbitrary,
        fc.string({ maxLength: 12 }),
        fc.string({ maxLength: 30 }),
        fc.string({ maxLength: 30 }),
        fc.integer({ min: 0, max: leaks.length - 1 }),
        (secret, id, before, after, leakIndex) => {
          const leaked = leaks[leakIndex]!(secret, id);
          const scrubbed = new SecretScrubber([secret]).scrub(`${before}${leaked}${after}`);
          expect(scrubbed).not.toContain(secret);
          expect(scrubbed).toContain('[redacted]');
          if (leakIndex === leaks.length - 1) {
            // Inside Basic auth, the base64 characters that depend on the secret alone are gone; at most one
            // character at each end mixes secret bits with the id's or the padding's, and may stay.
            const prefix = new TextEncoder().encode(`${id}:`).length;
            const length = new TextEncoder().encode(secret).length;
            const core = encodeBase64Text(`${id}:${secret}`).slice(Math.ceil((8 * prefix) / 6), Math.floor((8 * (prefix + length)) / 6));
            expect(core.length).toBeGreaterThanOrEqual(8);
            expect(scrubbed).not.toContain(core);
          }
        },
      ),
      { numRuns: 300, seed: 20261202 },
    );
  });

  it('scrubs the credentials of authorization-like headers even when they are not listed', () => {
    const scrubber = new SecretScrubber([], { Authorization: 'Bearer abcdefgh12345678', 'X-Api-Key': 'key-0987654321', accept: 'application/json' });
    expect(scrubber.scrub('token abcdefgh12345678 key key-0987654321 accept application/json')).toBe('token [redacted] key [redacted] accept application/json');
  });

  it('removes the longer of two overlapping secrets whole', () => {
    expect(new SecretScrubber(['secret-1', 'secret-1-and-more']).scrub('x secret-1-and-more y')).toBe('x [redacted] y');
  });
});
