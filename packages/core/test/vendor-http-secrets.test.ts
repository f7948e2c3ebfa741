import { describe, expect, it } from 'vitest';
import { encodeBase64Text } from '../src/index.js';
import { sendVendorRequest, type VendorHttpResult } from '../src/server/index.js';
import { fast, json, onlyError, patchRequest, scriptedFetch } from './vendor-http-helpers.js';

const clientId = 'client-7f3a9c';
const clientSecret = 'Sup3r/Secret+Value=with spaces&"quotes"';
const token = 'eyJhbGciOiJIUzI1NiJ9.tok-en_VALUE';
const basic = `Basic ${encodeBase64Text(`${clientId}:${clientSecret}`)}`;

/** Every spelling a leak could take. */
const spellings = (secret: string): string[] => [
  secret,
  encodeURIComponent(secret),
  new URLSearchParams({ s: secret }).toString().slice(2),
  JSON.stringify(secret).slice(1, -1),
  encodeBase64Text(secret),
  encodeBase64Text(secret, 'base64url'),
];

function expectNoSecret(result: VendorHttpResult): void {
  const text = JSON.stringify(result.diagnostics);
  for (const secret of [clientSecret, token, basic, encodeBase64Text(`${clientId}:${clientSecret}`)]) {
    for (const spelling of spellings(secret)) expect(text).not.toContain(spelling);
  }
  // The secret part of a Basic credential is also gone from any base64 it is embedded in.
  expect(text).not.toContain(encodeBase64Text(`${clientId}:${clientSecret}`).slice(12, 40));
}

const tokenRequest = (url = 'https://login.example.test/oauth/token') =>
  patchRequest('https://api.example.test', {
    operation: 'get an access token',
    method: 'POST',
    url,
    headers: { authorization: basic },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_secret: clientSecret }),
    secrets: [clientSecret],
  });

describe('secrets never reach a diagnostic', () => {
  it.each([
    ['echoed verbatim in a JSON error message', { message: `invalid client_secret ${clientSecret} for token ${token}` }],
    ['echoed URL-encoded', { error_description: `body was client_secret=${encodeURIComponent(clientSecret)}` }],
    ['echoed form-encoded', { detail: new URLSearchParams({ client_secret: clientSecret }).toString() }],
    ['echoed JSON-escaped inside a string', { message: JSON.stringify({ secret: clientSecret }) }],
    ['echoed as the Basic header', { message: `Authorization: ${basic}` }],
    ['echoed as base64', { message: `saw ${encodeBase64Text(clientSecret)}` }],
    ['echoed as the Bearer token', { errors: [{ message: `token ${token} expired` }] }],
  ])('when the vendor\'s error body has it %s', async (_name, body) => {
    const { fetch } = scriptedFetch(json(400, body));
    const request = { ...tokenRequest(), secrets: [clientSecret, token] };
    const result = await sendVendorRequest(request, { ...fast, fetch });
    expect(onlyError(result).message).toContain('[redacted]');
    expectNoSecret(result);
  });

  it('when the vendor echoes it as plain text and in the request id header', async () => {
    const { fetch } = scriptedFetch(() => new Response(`bad secret ${clientSecret}`, { status: 401, headers: { 'x-request-id': `id-${token}` } }));
    const result = await sendVendorRequest({ ...tokenRequest(), secrets: [clientSecret, token] }, { ...fast, fetch });
    expect(onlyError(result)).toMatchObject({ code: 'unauthorized', requestId: 'id-[redacted]' });
    expectNoSecret(result);
  });

  it('when a thrown fetch error and its cause quote it', async () => {
    const { fetch } = scriptedFetch(() => {
      throw new TypeError(`could not send ${clientSecret}`, { cause: Object.assign(new Error(`socket for ${basic}`), { code: 'ECONNRESET' }) });
    });
    const result = await sendVendorRequest(tokenRequest(), { ...fast, fetch, retries: 0 });
    expect(onlyError(result).code).toBe('network_error');
    expectNoSecret(result);
  });

  it('when it is in the URL and the request times out or is aborted', async () => {
    const url = `https://login.example.test/oauth/token?client_secret=${encodeURIComponent(clientSecret)}`;
    const hang = () => new Promise<Response>(() => undefined);
    const timedOut = await sendVendorRequest(tokenRequest(url), { fetch: hang, timeoutMs: 20 });
    expect(onlyError(timedOut).code).toBe('timeout');
    expectNoSecret(timedOut);
    const aborted = await sendVendorRequest(tokenRequest(url), { fetch: hang, signal: AbortSignal.timeout(20) });
    expect(onlyError(aborted).code).toBe('aborted');
    expectNoSecret(aborted);
  });

  it('request headers never appear, even unlisted ones', async () => {
    const { fetch } = scriptedFetch(json(500, { message: 'no' }));
    const request = patchRequest('https://api.example.test', { headers: { 'x-api-key': 'unlisted-key-998877', 'x-trace': 'trace-value-42' }, secrets: [] });
    const text = JSON.stringify((await sendVendorRequest(request, { ...fast, fetch })).diagnostics);
    expect(text).not.toContain('unlisted-key-998877');
    expect(text).not.toContain('x-api-key');
  });

  it('when a header value is invalid, the message names the header but not its value', async () => {
    const request = patchRequest('https://api.example.test', { headers: { authorization: `Bearer ${token}\r\nX-Injected: 1` }, secrets: [token] });
    const result = await sendVendorRequest(request, fast);
    const error = onlyError(result);
    expect(error).toMatchObject({ code: 'invalid_option', path: ['request', 'headers', 'authorization'], attempts: 0 });
    expect(error.message).toBe('Option request.headers.authorization must be text without line breaks or control characters.');
    expectNoSecret(result);
  });

  it('when the secrets are in the success warnings path too (oversize answer)', async () => {
    const { fetch } = scriptedFetch(() => new Response('x'.repeat(300_000), { status: 200 }));
    const result = await sendVendorRequest(tokenRequest(), { ...fast, fetch });
    expect(result.ok).toBe(true);
    expectNoSecret(result);
  });
});
