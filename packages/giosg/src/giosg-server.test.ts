import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { SignJWT, UnsecuredJWT, base64url, decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import type { VisitorContext } from '@visitor-context/core';
import { runInlineScripts, visitorContextArbitrary } from '@visitor-context/testkit';
import { giosgAdapter } from './index.js';
import {
  fromGiosgToken,
  giosgChecksumInput,
  renderSignedGiosgSnippet,
  signGiosgVisitorData,
  signGiosgVisitorDataWithChecksum,
  verifyGiosgToken,
} from './server.js';
import { signCompactJws } from './sign-giosg-visitor-data.js';

const key = 'giosg-test-api-signing-key-32-by'; // exactly 32 bytes
const key64 = 'giosg-test-api-signing-key-64-bytes-for-hs512-0123456789abcdefgh';
const now = new Date('2026-11-23T12:00:00Z');
const nowSeconds = now.getTime() / 1000;
const customer: VisitorContext = { visitor: { id: 'C-1001', name: 'Ada Lovelace', email: 'ada@example.com' }, attributes: { plan: 'pro', seats: 12 } };

const tamper = (token: string, part: 0 | 1 | 2, change: (text: string) => string): string =>
  token.split('.').map((segment, index) => (index === part ? change(segment) : segment)).join('.');

describe('known-answer tests', () => {
  it('signs the RFC 7520 §4.4 HMAC-SHA256 vector exactly', async () => {
    const rfcKey = base64url.decode('hJtXIZ2uSN5kbQfbtTNWbpdmhkV8FJG-Onbc6mxCcYg');
    const payload =
      'SXTigJlzIGEgZGFuZ2Vyb3VzIGJ1c2luZXNzLCBGcm9kbywgZ29pbmcgb3V0IHlvdXIgZG9vci4gWW91IHN0ZXAgb250byB0aGUgcm9hZCwgYW5kIGlmIHlvdSBkb24ndCBrZWVwIHlvdXIgZmVldCwgdGhlcmXigJlzIG5vIGtub3dpbmcgd2hlcmUgeW91IG1pZ2h0IGJlIHN3ZXB0IG9mZiB0by4';
    const token = await signCompactJws({ alg: 'HS256', kid: '018c0ae5-4d9b-471b-bfd6-eef314bc7037' }, base64url.decode(payload), rfcKey);
    expect(token).toBe(
      `eyJhbGciOiJIUzI1NiIsImtpZCI6IjAxOGMwYWU1LTRkOWItNDcxYi1iZmQ2LWVlZjMxNGJjNzAzNyJ9.${payload}.s0h6KThzkfBBBkLspW1h84VsJZFTsPPqMDA7g1Md7p0`,
    );
  });

  it('verifies the RFC 7515 A.1 HS256 JWT, and refuses it once expired', async () => {
    const rfcKey = base64url.decode('AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow');
    const token =
      'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    const valid = await verifyGiosgToken(token, rfcKey, { now: new Date(1300819300 * 1000) });
    expect(valid).toEqual({ ok: true, value: { iss: 'joe', exp: 1300819380, 'http://example.com/is_root': true }, diagnostics: [] });
    const expired = await verifyGiosgToken(token, rfcKey, { now: new Date(1300819381 * 1000) });
    expect(expired.diagnostics.map((item) => item.code)).toEqual(['token_expired']);
  });

  it('builds the legacy checksum text as giosg documents it (md5 of the docs example)', () => {
    const input = giosgChecksumInput({ username: 'John Doe', age: 29 });
    expect(input).toBe('age:29&username:John Doe&');
    expect(createHash('md5').update(`${input}supersecret`).digest('hex')).toBe('0ea59ee5af5fa0aba76f1a6fd209d396');
    expect(giosgChecksumInput({ Zeta: true, alpha: false, Beta: 1.5 })).toBe('alpha:false&Beta:1.5&Zeta:true&');
  });
});

describe('signGiosgVisitorData', () => {
  it('signs the visitor data plus exp only, and hands the token to giosg in place of the data', async () => {
    const signed = await signGiosgVisitorData(customer, { key, now, rooms: [{ name: 'Sales' }] });
    expect(signed.ok).toBe(true);
    if (!signed.ok || typeof signed.value.visitorData !== 'string') throw new Error('expected a token');
    expect(signed.value).toMatchObject({ signingAlgorithm: 'HS256', replaceExisting: false, rooms: [{ name: 'Sales' }] });
    expect(decodeProtectedHeader(signed.value.visitorData)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = decodeJwt(signed.value.visitorData);
    expect(claims).toEqual({
      username: 'Ada Lovelace',
      customer_id: 'C-1001',
      email: 'ada@example.com',
      plan: 'pro',
      seats: 12,
      exp: nowSeconds + 600,
    });
    const verified = await verifyGiosgToken(signed.value.visitorData, key, { now });
    expect(verified.ok && verified.value).toEqual(claims);
  });

  it('carries no iat, jti or other claim that giosg would show operators as a visitor variable', async () => {
    const signed = await signGiosgVisitorData(customer, { key, now });
    const claims = signed.ok ? decodeJwt(signed.value.visitorData as string) : {};
    for (const claim of ['iat', 'jti', 'nbf', 'iss', 'aud', 'sub']) expect(claims).not.toHaveProperty(claim);
    const withClaims: VisitorContext = { visitor: { name: 'Ada' }, vendor: { giosg: { extraData: { iat: 1, jti: 'x' } } } };
    const dropped = await signGiosgVisitorData(withClaims, { key, now });
    expect(dropped.ok && Object.keys(decodeJwt(dropped.value.visitorData as string)).sort()).toEqual(['exp', 'username']);
    expect(dropped.diagnostics.map((item) => item.path.join('.'))).toEqual(['vendor.giosg.extraData.iat', 'vendor.giosg.extraData.jti']);
  });

  it('signs HS384 and HS512 on request, each needing a key as long as its hash', async () => {
    const hs512 = await signGiosgVisitorData(customer, { key: key64, algorithm: 'HS512', now, expiresInSeconds: 60, keyId: 'giosg-1' });
    expect(hs512.ok && hs512.value.signingAlgorithm).toBe('HS512');
    expect(hs512.ok && decodeProtectedHeader(hs512.value.visitorData as string)).toEqual({ alg: 'HS512', typ: 'JWT', kid: 'giosg-1' });
    expect(hs512.ok && (await verifyGiosgToken(hs512.value.visitorData as string, key64, { algorithm: 'HS512', now })).ok).toBe(true);
    const short = await signGiosgVisitorData(customer, { key, algorithm: 'HS384', now });
    expect(short.diagnostics.map((item) => [item.code, item.path])).toEqual([['weak_key', ['key']]]);
  });

  it('rejects keys shorter than 32 bytes and bad options with a clear error, never throwing', async () => {
    const weak = await signGiosgVisitorData(customer, { key: key.slice(1), now });
    expect(weak.ok).toBe(false);
    expect(weak.diagnostics[0]?.message).toContain('31 bytes; HS256 needs at least 32');
    expect((await signGiosgVisitorData(customer, { key: new TextEncoder().encode(key), now })).ok).toBe(true);
    for (const options of [
      { key, expiresInSeconds: 0 },
      { key, expiresInSeconds: 3601 },
      { key, expiresInSeconds: 1.5 },
      { key, algorithm: 'none' },
      { key, algorithm: 'RS256' },
      { key: 42 },
      { key, now: new Date('nope') },
    ]) {
      const result = await signGiosgVisitorData(customer, options as never);
      expect(result.ok, JSON.stringify(options)).toBe(false);
      expect(result.diagnostics[0]?.severity).toBe('error');
    }
    expect((await signGiosgVisitorData({ visitor: { email: 'nope' } }, { key })).ok).toBe(false);
    expect((await signGiosgVisitorData(customer, null as never)).ok).toBe(false);
  });

  it('keeps translation warnings, and fails under strict', async () => {
    const context = { ...customer, page: { url: 'https://shop.example/' } };
    const relaxed = await signGiosgVisitorData(context, { key, now });
    expect(relaxed.ok && relaxed.diagnostics.map((item) => item.code)).toEqual(['field_dropped']);
    expect((await signGiosgVisitorData(context, { key, now, strict: true })).ok).toBe(false);
  });

  it('never lets extra data override the claims it sets', async () => {
    const context: VisitorContext = { visitor: { name: 'Ada' }, vendor: { giosg: { extraData: { exp: 99999999999 } } } };
    const signed = await signGiosgVisitorData(context, { key, now });
    expect(signed.ok && decodeJwt(signed.value.visitorData as string).exp).toBe(nowSeconds + 600);
    expect(signed.diagnostics.map((item) => [item.code, item.path.join('.')])).toEqual([['field_dropped', 'vendor.giosg.extraData.exp']]);
  });

  it('for any context, the token decodes to the plain visitor data plus a bounded exp', async () => {
    await fc.assert(
      fc.asyncProperty(visitorContextArbitrary(), async (context) => {
        const plain = giosgAdapter.toVendor(context);
        const signed = await signGiosgVisitorData(context, { key, now, expiresInSeconds: 120 });
        expect(signed.ok).toBe(plain.ok);
        if (!signed.ok || !plain.ok) return;
        const { exp, ...data } = decodeJwt(signed.value.visitorData as string);
        expect(data).toEqual(plain.value.visitorData);
        expect(exp).toBe(nowSeconds + 120);
      }),
      { numRuns: 100, seed: 20261123 },
    );
  }, 60_000);
});

describe('verifyGiosgToken', () => {
  const signedToken = async (options: Partial<Parameters<typeof signGiosgVisitorData>[1]> = {}): Promise<string> => {
    const signed = await signGiosgVisitorData(customer, { key, now, ...options });
    if (!signed.ok) throw new Error(JSON.stringify(signed.diagnostics));
    return signed.value.visitorData as string;
  };
  const codes = async (token: string, verifyKey: string | Uint8Array = key, options = {}): Promise<string[]> =>
    (await verifyGiosgToken(token, verifyKey, { now, ...options })).diagnostics.map((item) => item.code);

  it('rejects a tampered payload or signature', async () => {
    const token = await signedToken();
    const forged = base64url.encode(JSON.stringify({ ...decodeJwt(token), username: 'Admin' }));
    expect(await codes(tamper(token, 1, () => forged))).toEqual(['invalid_signature']);
    expect(await codes(tamper(token, 2, (signature) => (signature.startsWith('A') ? 'B' : 'A') + signature.slice(1)))).toEqual(['invalid_signature']);
    expect(await codes(token, 'another-32-byte-api-signing-key!')).toEqual(['invalid_signature']);
  });

  it('rejects expired tokens, within a bounded clock tolerance', async () => {
    const token = await signedToken({ expiresInSeconds: 60 });
    const later = new Date(now.getTime() + 61_000);
    expect(await codes(token, key, { now: later })).toEqual(['token_expired']);
    expect(await codes(token, key, { now: later, clockToleranceSeconds: 5 })).toEqual([]);
    expect(await codes(token, key, { clockToleranceSeconds: 3600 })).toEqual(['invalid_option']);
  });

  it('rejects alg none, and other algorithms than the pinned one', async () => {
    const unsecured = new UnsecuredJWT({ username: 'Admin', exp: nowSeconds + 60 }).encode();
    expect((await verifyGiosgToken(unsecured, key, { now })).ok).toBe(false);
    const hs512 = await signedToken({ key: key64, algorithm: 'HS512' });
    expect(await codes(hs512, key64)).toEqual(['algorithm_not_allowed']);
    const hs256AsNone = tamper(await signedToken(), 0, () => base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' })));
    expect((await verifyGiosgToken(hs256AsNone, key, { now })).ok).toBe(false);
  });

  it('ignores keys embedded in the header, and requires exp', async () => {
    const attackerKey = new TextEncoder().encode('attacker-controlled-key-32-bytes');
    const withJwk = await new SignJWT({ username: 'Admin', exp: nowSeconds + 60 })
      .setProtectedHeader({ alg: 'HS256', jwk: { kty: 'oct', k: base64url.encode(attackerKey) } as never })
      .sign(attackerKey);
    expect((await verifyGiosgToken(withJwk, key, { now })).ok).toBe(false);
    const noExp = await new SignJWT({ username: 'Ada' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(key));
    expect(await codes(noExp)).toEqual(['invalid_claims']);
    expect(await codes('not.a.jwt')).toEqual(['invalid_token']);
    expect(await codes(await signedToken(), key.slice(2))).toEqual(['weak_key']);
  });
});

describe('verifyGiosgToken options: maxTokenAge, audience, issuer, and a future iat', () => {
  const secret = new TextEncoder().encode(key);
  const tokenWith = (claims: Record<string, unknown>): Promise<string> =>
    new SignJWT({ username: 'Ada', exp: nowSeconds + 600, ...claims }).setProtectedHeader({ alg: 'HS256' }).sign(secret);
  const codes = async (token: string, options = {}): Promise<string[]> =>
    (await verifyGiosgToken(token, key, { now, ...options })).diagnostics.map((item) => item.code);

  it('refuses an iat in the future beyond a 5 s leeway (or the clock tolerance, if larger)', async () => {
    expect(await codes(await tokenWith({ iat: nowSeconds + 5 }))).toEqual([]);
    const future = await verifyGiosgToken(await tokenWith({ iat: nowSeconds + 6 }), key, { now });
    expect(future.diagnostics.map((item) => item.code)).toEqual(['invalid_claims']);
    expect(future.diagnostics[0]?.message).toContain('"iat" is 6 s in the future');
    expect(await codes(await tokenWith({ iat: nowSeconds + 30 }), { clockToleranceSeconds: 30 })).toEqual([]);
    expect(await codes(await tokenWith({ iat: 'yesterday' }))).toEqual(['invalid_claims']);
  });

  it('checks maxTokenAge against iat, and says that our own tokens carry none', async () => {
    expect(await codes(await tokenWith({ iat: nowSeconds - 100 }), { maxTokenAge: 120 })).toEqual([]);
    expect(await codes(await tokenWith({ iat: nowSeconds - 130 }), { maxTokenAge: 120 })).toEqual(['token_expired']);
    expect(await codes(await tokenWith({ iat: nowSeconds - 130 }), { maxTokenAge: 120, clockToleranceSeconds: 10 })).toEqual([]);
    const ours = await signGiosgVisitorData(customer, { key, now });
    const missing = await verifyGiosgToken(ours.ok ? (ours.value.visitorData as string) : '', key, { now, maxTokenAge: 120 });
    expect(missing.diagnostics.map((item) => item.code)).toEqual(['invalid_claims']);
    expect(missing.diagnostics[0]?.message).toContain('maxTokenAge needs an "iat" claim');
    for (const maxTokenAge of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, '10m']) {
      expect(await codes(await tokenWith({ iat: nowSeconds }), { maxTokenAge })).toEqual(['invalid_option']);
    }
  });

  it('requires the audience and issuer when given', async () => {
    const token = await tokenWith({ aud: 'giosg', iss: 'shop.example' });
    expect(await codes(token, { audience: 'giosg', issuer: 'shop.example' })).toEqual([]);
    expect(await codes(token, { audience: ['other', 'giosg'], issuer: ['shop.example'] })).toEqual([]);
    expect(await codes(token, { audience: 'other' })).toEqual(['invalid_claims']);
    expect(await codes(token, { issuer: 'evil.example' })).toEqual(['invalid_claims']);
    expect(await codes(await tokenWith({}), { audience: 'giosg' })).toEqual(['invalid_claims']);
    expect(await codes(token, { audience: '' })).toEqual(['invalid_option']);
    expect(await codes(token, { issuer: [42] })).toEqual(['invalid_option']);
  });
});

describe('fromGiosgToken', () => {
  it('verifies, then reads the claims back as a context, keeping the token claims in vendor.giosg', async () => {
    const signed = await signGiosgVisitorData(customer, { key, now });
    const context = await fromGiosgToken(signed.ok ? (signed.value.visitorData as string) : '', key, { now });
    expect(context.ok).toBe(true);
    if (!context.ok) return;
    expect({ ...context.value, vendor: undefined }).toEqual({ ...customer, vendor: undefined });
    expect(context.value.vendor?.['giosg']?.['tokenClaims']).toEqual({ exp: nowSeconds + 600 });
    const refused = await fromGiosgToken('eyJhbGciOiJub25lIn0.eyJ1c2VybmFtZSI6IkFkbWluIn0.', key, { now });
    expect(refused.ok).toBe(false);
  });
});

describe('renderSignedGiosgSnippet', () => {
  it('renders the JWT submission with the algorithm argument, and never the key', async () => {
    const html = await renderSignedGiosgSnippet(customer, { key, now, nonce: 'r4nd0m', replaceExisting: true });
    expect(html.ok).toBe(true);
    if (!html.ok) return;
    expect(html.value).not.toContain(key);
    expect(html.value).toMatch(/^<script nonce="r4nd0m">/);
    const calls: unknown[][] = [];
    runInlineScripts(html.value, { _giosg: (...args: unknown[]) => calls.push(args) });
    expect(calls).toHaveLength(1);
    const [module, method, token, algorithm, replaceExisting, rooms] = calls[0] as unknown[];
    expect([module, method, algorithm, replaceExisting, rooms]).toEqual(['visitor', 'submit', 'HS256', true, undefined]);
    expect((await verifyGiosgToken(token as string, key, { now })).ok).toBe(true);
    expect((await renderSignedGiosgSnippet(customer, { key: 'short', now })).ok).toBe(false);
  });
});

describe('signGiosgVisitorDataWithChecksum (legacy)', () => {
  it('refuses unless the weak checksum is explicitly allowed', async () => {
    const refused = await signGiosgVisitorDataWithChecksum(customer, { key, algorithm: 'md5', allowWeakChecksum: false });
    expect(refused.diagnostics.map((item) => item.code)).toEqual(['weak_signature_not_allowed']);
  });

  it.each(['md5', 'sha1'] as const)('signs with %s: _exp and _checksum in the data, with a weak_signature warning', async (algorithm) => {
    const signed = await signGiosgVisitorDataWithChecksum(customer, { key, algorithm, allowWeakChecksum: true, now, replaceExisting: true });
    expect(signed.ok).toBe(true);
    if (!signed.ok) return;
    expect(signed.diagnostics.map((item) => [item.code, item.severity])).toEqual([['weak_signature', 'warning']]);
    const { _checksum: checksum, ...data } = signed.value.visitorData as Record<string, string | number | boolean>;
    expect(data).toEqual({ username: 'Ada Lovelace', customer_id: 'C-1001', email: 'ada@example.com', plan: 'pro', seats: 12, _exp: nowSeconds + 600 });
    const expected = createHash(algorithm)
      .update(`_exp:${nowSeconds + 600}&customer_id:C-1001&email:ada@example.com&plan:pro&seats:12&username:Ada Lovelace&${key}`)
      .digest('hex');
    expect(checksum).toBe(expected);
    expect(signed.value).toMatchObject({ signingAlgorithm: algorithm, replaceExisting: true });
    expect((await signGiosgVisitorDataWithChecksum(customer, { key, algorithm, allowWeakChecksum: true, strict: true })).ok).toBe(false);
  });

  it('refuses separators that would let one signed value sign pairs that were never sent, naming the field', async () => {
    // The forgery: without escaping, this display name signs a "verified" key the server never set.
    expect(giosgChecksumInput({ username: 'Ada&verified:true' })).toBe(giosgChecksumInput({ username: 'Ada', verified: 'true' }));
    const forged = await signGiosgVisitorDataWithChecksum({ visitor: { name: 'Ada&verified:true' } }, { key, algorithm: 'sha1', allowWeakChecksum: true, now });
    expect(forged.ok).toBe(false);
    expect(forged.diagnostics.filter((item) => item.severity === 'error').map((item) => [item.code, item.path])).toEqual([['unsignable_value', ['visitor', 'name']]]);
    expect(forged.diagnostics.find((item) => item.code === 'unsignable_value')?.message).toContain('"&"');
    const badKeys: VisitorContext = { attributes: { 'a:b': 'x', 'c&d': 'y', plan: 'pro', Plan: 'team' } };
    const refused = await signGiosgVisitorDataWithChecksum(badKeys, { key, algorithm: 'sha1', allowWeakChecksum: true, now });
    expect(refused.diagnostics.filter((item) => item.severity === 'error').map((item) => item.path)).toEqual([
      ['attributes', 'a:b'],
      ['attributes', 'c&d'],
      ['attributes', 'Plan'],
    ]);
    const extra: VisitorContext = { vendor: { giosg: { extraData: { note: 'x&y' } } } };
    const extraRefused = await signGiosgVisitorDataWithChecksum(extra, { key, algorithm: 'sha1', allowWeakChecksum: true, now });
    expect(extraRefused.diagnostics.map((item) => item.path)).toContainEqual(['vendor', 'giosg', 'extraData', 'note']);
    // A ":" in a value is unambiguous once keys have none: URLs stay signable.
    const url = await signGiosgVisitorDataWithChecksum({ attributes: { avatar: 'https://example.com/a.png' } }, { key, algorithm: 'sha1', allowWeakChecksum: true, now });
    expect(url.ok).toBe(true);
  });

  it('refuses values the checksum cannot cover, and short keys', async () => {
    const nested: VisitorContext = { visitor: { name: 'Ada' }, vendor: { giosg: { extraData: { cart: { items: 2 } } } } };
    const refused = await signGiosgVisitorDataWithChecksum(nested, { key, algorithm: 'sha1', allowWeakChecksum: true });
    expect(refused.diagnostics.filter((item) => item.severity === 'error').map((item) => item.code)).toEqual(['unsignable_value']);
    const weak = await signGiosgVisitorDataWithChecksum(customer, { key: 'supersecret', algorithm: 'md5', allowWeakChecksum: true });
    expect(weak.diagnostics.map((item) => item.code)).toEqual(['weak_key']);
  });
});
