// Server-side signing through whichever entry exports the giosg signer and verifier (`./server`): sign a JWT
// with WebCrypto, verify it here, verify the token the Node reference signed, refuse tampered and unsigned
// tokens, and the legacy checksums (MD5 exists only where Node's crypto does: elsewhere the documented
// `unsupported_runtime` diagnostic is the right answer).
import { problemsOf } from './check-core.mjs';
import { recordOutcome } from './record-outcome.mjs';

/** Error codes a runtime without MD5 must answer with, as `signGiosgVisitorDataWithChecksum` documents. */
export const md5UnsupportedCodes = ['unsupported_runtime'];

export async function checkSigning(suite, modules) {
  for (const [specifier, server] of Object.entries(modules)) {
    if (typeof server.signGiosgVisitorData !== 'function' || typeof server.verifyGiosgToken !== 'function') continue;
    const { key, now: nowText, referenceToken } = suite.plan.signing;
    const now = new Date(nowText);
    const context = suite.contexts['every-section'];
    const add = async (id, subject, call, expect, extra = {}) => {
      const outcome = await recordOutcome(call);
      suite.add({ id: `giosg signing ${id}`, entry: specifier, subject, outcome, problems: [...problemsOf(outcome, expect), ...(extra.problems?.(outcome) ?? [])], ...extra.check });
      return outcome.returned;
    };

    let token;
    await add('sign JWT', 'signGiosgVisitorData', async () => {
      const signed = await server.signGiosgVisitorData(context, { key, now });
      if (!signed.ok) return signed;
      token = signed.value.visitorData;
      return { ...signed, value: { ...signed.value, visitorData: describeToken(token) } };
    }, { ok: true });
    // The token itself differs per run (a random jti); the host verifies it with Node, see compare-runs.
    suite.add({ id: 'giosg signing token for the host to verify', entry: specifier, subject: 'signGiosgVisitorData', outcome: { returned: null }, problems: token === undefined ? ['no token was signed'] : [], artifact: token ?? null });

    await add('verify own JWT', 'verifyGiosgToken', async () => withoutJti(await server.verifyGiosgToken(token, key, { now })), { ok: true });
    await add('fromGiosgToken own JWT', 'fromGiosgToken', async () => withoutJtiBag(await server.fromGiosgToken(token, key, { now })), { ok: true });
    // The reference run itself has no reference token yet: it verifies its own, the very token the others get.
    await add('verify the Node reference JWT', 'verifyGiosgToken', () => server.verifyGiosgToken(referenceToken ?? token, key, { now }), { ok: true });
    await add('refuse a tampered JWT', 'verifyGiosgToken', () => server.verifyGiosgToken(tamper(token), key, { now }), { result: true }, {
      problems: (outcome) => (outcome.returned?.ok === false ? [] : ['a tampered token verified']),
    });
    await add('refuse an unsigned JWT', 'verifyGiosgToken', () => server.verifyGiosgToken(unsigned(token), key, { now }), { result: true }, {
      problems: (outcome) => (outcome.returned?.ok === false ? [] : ['an alg:none token verified']),
    });
    await add('refuse a short key', 'signGiosgVisitorData', () => server.signGiosgVisitorData(context, { key: 'short', now }), { result: true });
    if (typeof server.renderSignedGiosgSnippet === 'function') {
      await add('renderSignedGiosgSnippet', 'renderSignedGiosgSnippet', async () => {
        const rendered = await server.renderSignedGiosgSnippet(context, { key, now, nonce: 'n0nce' });
        return rendered.ok ? { ...rendered, value: rendered.value.replace(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g, '<jwt>') } : rendered;
      }, { ok: true });
    }
    if (typeof server.signGiosgVisitorDataWithChecksum === 'function') {
      const checksumContext = { visitor: { name: 'Django signed', email: 'django@giosg.com' }, attributes: { plan: 'pro', seats: 3, trial: false } };
      await add('sha1 checksum', 'signGiosgVisitorDataWithChecksum', () => server.signGiosgVisitorDataWithChecksum(checksumContext, { key, now, algorithm: 'sha1', allowWeakChecksum: true }), { ok: true });
      await add('md5 checksum', 'signGiosgVisitorDataWithChecksum', () => server.signGiosgVisitorDataWithChecksum(checksumContext, { key, now, algorithm: 'md5', allowWeakChecksum: true }), { result: true }, {
        check: { documented: { codes: md5UnsupportedCodes, note: 'no MD5 in this runtime, so `signGiosgVisitorDataWithChecksum` with `md5` returns its documented `unsupported_runtime` error (sha1 and JWT work)' } },
      });
      await add('checksum refused without allowWeakChecksum', 'signGiosgVisitorDataWithChecksum', () => server.signGiosgVisitorDataWithChecksum(checksumContext, { key, now, algorithm: 'sha1' }), { result: true });
    }
  }
}

/** A token's decoded header and claims, without the random `jti`, so runs compare. */
function describeToken(token) {
  if (typeof token !== 'string') return { notAToken: typeof token };
  const [header, payload, signature] = token.split('.');
  const { jti, ...claims } = JSON.parse(decodeBase64Url(payload));
  return { header: JSON.parse(decodeBase64Url(header)), claims, hasJti: typeof jti === 'string', signatureLength: signature.length };
}

function decodeBase64Url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (character) => character.charCodeAt(0)));
}

function encodeBase64Url(text) {
  const binary = Array.from(new TextEncoder().encode(text), (byte) => String.fromCharCode(byte)).join('');
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function withoutJti(result) {
  if (!result.ok) return result;
  const { jti, ...claims } = result.value;
  return { ...result, value: { ...claims, hasJti: typeof jti === 'string' } };
}

function withoutJtiBag(result) {
  if (!result.ok) return result;
  return JSON.parse(JSON.stringify(result).replace(/"jti":"[^"]*"/g, '"jti":"<random>"'));
}

/** The same token with one claim changed and the old signature kept. */
function tamper(token) {
  const [header, payload, signature] = String(token).split('.');
  const claims = JSON.parse(decodeBase64Url(payload ?? 'e30'));
  return [header, encodeBase64Url(JSON.stringify({ ...claims, email: 'attacker@example.com' })), signature].join('.');
}

/** The same claims under `alg: none` and no signature. */
function unsigned(token) {
  const [, payload] = String(token).split('.');
  return [encodeBase64Url(JSON.stringify({ alg: 'none', typ: 'JWT' })), payload, ''].join('.');
}
