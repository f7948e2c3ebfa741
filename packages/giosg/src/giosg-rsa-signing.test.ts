import { createSign, generateKeyPairSync } from 'node:crypto';
import { SignJWT, base64url, compactVerify, decodeJwt, decodeProtectedHeader, exportJWK, exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { VisitorContext } from '@visitor-context/core';
import { readJwtKey, type GiosgRsaJwk } from './jwt-key.js';
import { fromGiosgToken, renderSignedGiosgSnippet, signGiosgVisitorData, verifyGiosgToken, type GiosgJwtAlgorithm } from './server.js';

const now = new Date('2026-11-23T12:00:00Z');
const customer: VisitorContext = { visitor: { id: 'C-1001', name: 'Ada Lovelace', email: 'ada@example.com' }, attributes: { plan: 'pro' } };

interface RsaKeys {
  readonly privatePem: string;
  readonly publicPem: string;
  readonly privateJwk: GiosgRsaJwk;
  readonly publicJwk: GiosgRsaJwk;
}

async function rsaKeys(): Promise<RsaKeys> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  return {
    privatePem: await exportPKCS8(privateKey),
    publicPem: await exportSPKI(publicKey),
    privateJwk: (await exportJWK(privateKey)) as GiosgRsaJwk,
    publicJwk: (await exportJWK(publicKey)) as GiosgRsaJwk,
  };
}

let keys: RsaKeys;
let otherKeys: RsaKeys;
// node:crypto still makes 1024-bit keys (jose and Web Crypto users could be handed one); they must be refused.
const weak = generateKeyPairSync('rsa', { modulusLength: 1024 });
const weakPrivatePem = weak.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const weakPublicPem = weak.publicKey.export({ type: 'spki', format: 'pem' }).toString();

beforeAll(async () => {
  [keys, otherKeys] = await Promise.all([rsaKeys(), rsaKeys()]);
});

const codes = (result: { diagnostics: readonly { code: string }[] }): string[] => result.diagnostics.map((item) => item.code);

async function signedToken(options: Parameters<typeof signGiosgVisitorData>[1]): Promise<string> {
  const signed = await signGiosgVisitorData(customer, options);
  if (!signed.ok || typeof signed.value.visitorData !== 'string') throw new Error(`expected a token: ${JSON.stringify(signed.diagnostics)}`);
  return signed.value.visitorData;
}

describe('known answers', () => {
  // RFC 7520 §4.1 (RSA v1.5 signature, RS256): the public key of Figure 3 and the compact JWS of Figure 13.
  const rfcPublicJwk: GiosgRsaJwk = {
    kty: 'RSA',
    n: 'n4EPtAOCc9AlkeQHPzHStgAbgs7bTZLwUBZdR8_KuKPEHLd4rHVTeT-O-XV2jRojdNhxJWTDvNd7nqQ0VEiZQHz_AJmSCpMaJMRBSFKrKb2wqVwGU_NsYOYL-QtiWN2lbzcEe6XC0dApr5ydQLrHqkHHig3RBordaZ6Aj-oBHqFEHYpPe7Tpe-OfVfHd1E6cS6M1FZcD1NNLYD5lFHpPI9bTwJlsde3uhGqC0ZCuEHg8lhzwOHrtIQbS0FVbb9k3-tVTU4fg_3L_vniUFAKwuCLqKnS2BYwdq_mzSnbLY7h_qixoR7jig3__kRhuaxwUkRz5iaiQkqgc5gHdrNP5zw',
    e: 'AQAB',
  };
  const rfcJws =
    'eyJhbGciOiJSUzI1NiIsImtpZCI6ImJpbGJvLmJhZ2dpbnNAaG9iYml0b24uZXhhbXBsZSJ9.SXTigJlzIGEgZGFuZ2Vyb3VzIGJ1c2luZXNzLCBGcm9kbywgZ29pbmcgb3V0IHlvdXIgZG9vci4gWW91IHN0ZXAgb250byB0aGUgcm9hZCwgYW5kIGlmIHlvdSBkb24ndCBrZWVwIHlvdXIgZmVldCwgdGhlcmXigJlzIG5vIGtub3dpbmcgd2hlcmUgeW91IG1pZ2h0IGJlIHN3ZXB0IG9mZiB0by4.MRjdkly7_-oTPTS3AXP41iQIGKa80A0ZmTuV5MEaHoxnW2e5CZ5NlKtainoFmKZopdHM1O2U4mwzJdQx996ivp83xuglII7PNDi84wnB-BDkoBwA78185hX-Es4JIwmDLJK3lfWRa-XtL0RnltuYv746iYTh_qHRD68BNt1uSNCrUCTJDt5aAE6x8wW1Kt9eRo4QPocSadnHXFxnt8Is9UzpERV0ePPQdLuW3IS_de3xyIrDaLGdjluPxUAhb6L2aXic1U12podGU0KLUQSE_oI-ZnmKJ3F4uOZDnd6QZWJushZ41Axf_fcIe8u9ipH84ogoree7vjbU5y18kDquDg';

  it('reads the RFC 7520 §4.1 public JWK and verifies its RS256 signature, and not under RS512', async () => {
    const key = await readJwtKey(rfcPublicJwk, 'RS256', 'verify');
    if (!key.ok) throw new Error(JSON.stringify(key.diagnostics));
    const { payload } = await compactVerify(rfcJws, key.value, { algorithms: ['RS256'] });
    expect(new TextDecoder().decode(payload)).toBe(
      'It\u2019s a dangerous business, Frodo, going out your door. You step onto the road, and if you don\'t keep your feet, there\u2019s no knowing where you might be swept off to.',
    );
    const rs512 = await readJwtKey(rfcPublicJwk, 'RS512', 'verify');
    if (!rs512.ok) throw new Error('expected a key');
    await expect(compactVerify(rfcJws, rs512.value)).rejects.toThrow();
  });

  it.each([
    ['RS256', 'sha256'],
    ['RS384', 'sha384'],
    ['RS512', 'sha512'],
  ] as const)('signs %s exactly as node:crypto does (RSASSA-PKCS1-v1_5 is deterministic)', async (algorithm, hash) => {
    const token = await signedToken({ key: keys.privatePem, algorithm, now });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const expected = createSign(hash).update(`${header}.${payload}`).sign(keys.privatePem);
    expect(signature).toBe(base64url.encode(expected));
    expect(decodeProtectedHeader(token)).toEqual({ alg: algorithm, typ: 'JWT' });
  });
});

describe('RS256/RS384/RS512 signing and verifying', () => {
  it('signs with a PKCS#8 PEM (RS256 by default for an RSA key) and verifies with the SPKI PEM or the public JWK', async () => {
    const signed = await signGiosgVisitorData(customer, { key: keys.privatePem, now, rooms: [{ name: 'Sales' }] });
    expect(signed.ok && signed.value.signingAlgorithm).toBe('RS256');
    const token = signed.ok ? (signed.value.visitorData as string) : '';
    expect(decodeJwt(token)).toEqual({ username: 'Ada Lovelace', customer_id: 'C-1001', email: 'ada@example.com', plan: 'pro', exp: now.getTime() / 1000 + 600 });
    for (const publicKey of [keys.publicPem, keys.publicJwk]) {
      const verified = await verifyGiosgToken(token, publicKey, { now });
      expect(verified.ok && verified.value).toEqual(decodeJwt(token));
    }
    const context = await fromGiosgToken(token, keys.publicPem, { now });
    expect(context.ok && context.value.visitor).toEqual(customer.visitor);
  });

  it('accepts a PEM as environment variables and CLI flags carry it: one line with \\n escapes, or CRLF line ends', async () => {
    const oneLine = keys.privatePem.trim().replaceAll('\n', '\\n');
    expect(oneLine).not.toContain('\n');
    const token = await signedToken({ key: oneLine, now });
    expect((await verifyGiosgToken(token, keys.publicPem.replaceAll('\n', '\r\n'), { now })).ok).toBe(true);
  });

  it('signs with a private JWK under RS384 and RS512, verified only under the same algorithm', async () => {
    for (const algorithm of ['RS384', 'RS512'] as const) {
      const token = await signedToken({ key: keys.privateJwk, algorithm, now, keyId: 'rsa-1' });
      expect(decodeProtectedHeader(token)).toEqual({ alg: algorithm, typ: 'JWT', kid: 'rsa-1' });
      expect((await verifyGiosgToken(token, keys.publicPem, { algorithm, now })).ok).toBe(true);
      expect(codes(await verifyGiosgToken(token, keys.publicPem, { now }))).toEqual(['algorithm_not_allowed']);
    }
  });

  it('refuses a tampered payload or signature, another key pair, and an expired token', async () => {
    const token = await signedToken({ key: keys.privatePem, now, expiresInSeconds: 60 });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const forgedPayload = base64url.encode(JSON.stringify({ ...decodeJwt(token), plan: 'enterprise' }));
    expect(codes(await verifyGiosgToken(`${header}.${forgedPayload}.${signature}`, keys.publicPem, { now }))).toEqual(['invalid_signature']);
    const flipped = signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
    expect(codes(await verifyGiosgToken(`${header}.${payload}.${flipped}`, keys.publicPem, { now }))).toEqual(['invalid_signature']);
    expect(codes(await verifyGiosgToken(token, otherKeys.publicPem, { now }))).toEqual(['invalid_signature']);
    expect(codes(await verifyGiosgToken(token, keys.publicPem, { now: new Date(now.getTime() + 61_000) }))).toEqual(['token_expired']);
  });
});

describe('no algorithm confusion', () => {
  it('refuses an HS256 token made with the public key as HMAC secret, whatever algorithm the verifier asks for', async () => {
    // The 2015 RS/HS attack: the attacker knows the public key and uses its PEM text as an HMAC secret.
    const forged = await new SignJWT({ username: 'Mallory', exp: now.getTime() / 1000 + 60 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(keys.publicPem));
    expect(codes(await verifyGiosgToken(forged, keys.publicPem, { now }))).toEqual(['algorithm_not_allowed']);
    expect(codes(await verifyGiosgToken(forged, keys.publicPem, { algorithm: 'HS256', now }))).toEqual(['key_type_mismatch']);
    expect(codes(await verifyGiosgToken(forged, keys.publicJwk, { algorithm: 'HS256', now }))).toEqual(['key_type_mismatch']);
  });

  it('never signs HS* with an RSA key nor RS* with a shared secret', async () => {
    const secret = 'giosg-test-api-signing-key-32-by';
    for (const [key, algorithm] of [
      [keys.privatePem, 'HS256'],
      [keys.privateJwk, 'HS512'],
      [secret, 'RS256'],
      [new TextEncoder().encode(secret), 'RS384'],
      [{ kty: 'oct', k: base64url.encode(secret) }, 'RS256'],
      [{ ...keys.privateJwk, alg: 'RS384' }, 'RS256'],
    ] as const) {
      const result = await signGiosgVisitorData(customer, { key: key as never, algorithm: algorithm as GiosgJwtAlgorithm, now });
      expect(codes(result), `${algorithm} with ${typeof key}`).toEqual(['key_type_mismatch']);
    }
    const verified = await verifyGiosgToken(await signedToken({ key: secret, now }), keys.publicPem, { now });
    expect(codes(verified)).toEqual(['algorithm_not_allowed']);
  });
});

describe('key checks', () => {
  it('refuses RSA keys under 2048 bits with a clear diagnostic, for signing and verifying', async () => {
    const signed = await signGiosgVisitorData(customer, { key: weakPrivatePem, now });
    expect(signed.diagnostics.map((item) => [item.code, item.path])).toEqual([['weak_key', ['key']]]);
    expect(signed.diagnostics[0]?.message).toContain('1024 bits; RS256 needs at least 2048');
    const token = createSign('sha256').update('e30.e30').sign(weakPrivatePem);
    expect(codes(await verifyGiosgToken(`e30.e30.${base64url.encode(token)}`, weakPublicPem, { now }))).toEqual(['weak_key']);
  });

  it('asks for the right half of the pair and the right PEM form', async () => {
    const cases: [unknown, 'sign' | 'verify', string][] = [
      [keys.publicPem, 'sign', 'private key as PKCS#8'],
      [keys.publicJwk, 'sign', 'private JWK'],
      [keys.privatePem, 'verify', 'public key as SPKI'],
      [keys.privateJwk, 'verify', 'public JWK'],
      [keys.privatePem.replaceAll('PRIVATE KEY', 'RSA PRIVATE KEY'), 'sign', 'openssl pkcs8'],
      [keys.privatePem.replaceAll('PRIVATE KEY', 'ENCRYPTED PRIVATE KEY'), 'sign', 'encrypted'],
      ['-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----', 'sign', 'could not be read'],
    ];
    for (const [key, use, hint] of cases) {
      const result = await readJwtKey(key, 'RS256', use);
      expect(result.ok, hint).toBe(false);
      expect(result.diagnostics.map((item) => item.code), hint).toEqual(['invalid_key']);
      expect(result.diagnostics[0]?.message, hint).toContain(hint);
    }
  });

  it('never puts key material in a diagnostic', async () => {
    const privateParts = [keys.privatePem.split('\n')[1] as string, keys.privateJwk.d as string, keys.privateJwk.p as string];
    const outcomes = [
      await signGiosgVisitorData(customer, { key: keys.privatePem, algorithm: 'HS256', now }),
      await signGiosgVisitorData(customer, { key: keys.privateJwk, algorithm: 'RS256', expiresInSeconds: 0, now }),
      await signGiosgVisitorData({ visitor: { email: 'not an email' } }, { key: keys.privatePem, now }),
      await verifyGiosgToken('a.b.c', keys.privatePem, { now }),
      await readJwtKey({ ...keys.privateJwk, alg: 'RS512' }, 'RS256', 'sign'),
      await readJwtKey(keys.privatePem.slice(0, 200) + keys.privatePem.slice(260), 'RS256', 'sign'),
    ];
    for (const outcome of outcomes) {
      expect(outcome.ok).toBe(false);
      const text = JSON.stringify(outcome);
      for (const part of privateParts) expect(text).not.toContain(part.slice(0, 24));
    }
  });
});

describe('renderSignedGiosgSnippet with RS256', () => {
  it('puts only the token and the algorithm in the page, never the key', async () => {
    const rendered = await renderSignedGiosgSnippet(customer, { key: keys.privatePem, now, nonce: 'n0nce' });
    expect(rendered.ok).toBe(true);
    const html = rendered.ok ? rendered.value : '';
    expect(html).toContain('"RS256"');
    expect(html).not.toContain(keys.privatePem.split('\n')[1] as string);
    const token = /"(eyJ[^"]+)"/.exec(html)?.[1] ?? '';
    expect((await verifyGiosgToken(token, keys.publicPem, { now })).ok).toBe(true);
  });
});
