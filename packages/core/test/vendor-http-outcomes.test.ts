import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendVendorRequest } from '../src/server/index.js';
// The stand-in's source, not the testkit package: testkit depends on core, so core cannot depend on it back.
import { startHttpStandIn, type HttpStandIn } from '../../testkit/src/http/start-http-stand-in.js';
import { fast, onlyError, patchRequest } from './vendor-http-helpers.js';

let standIn: HttpStandIn;
beforeEach(async () => {
  standIn = await startHttpStandIn(() => ({ status: 200, headers: { 'inin-correlation-id': 'corr-ok' }, body: { id: 'p1' } }));
});
afterEach(async () => {
  await standIn.close();
});

describe('sendVendorRequest against a local HTTP server', () => {
  it('sends exactly the request asked for and returns the parsed answer', async () => {
    const result = await sendVendorRequest(patchRequest(standIn.url), fast);
    expect(result).toMatchObject({ ok: true, diagnostics: [], value: { status: 200, requestId: 'corr-ok', body: { id: 'p1' }, attempts: 1 } });
    expect(standIn.requests).toHaveLength(1);
    const [sent] = standIn.requests;
    expect(sent?.method).toBe('PATCH');
    expect(sent?.path).toBe('/api/v2/conversations/c1/participants/p1/attributes');
    expect(sent?.bodyText).toBe('{"attributes":{"plan":"gold"}}');
    expect(sent?.headers['authorization']).toBe('Bearer token-abc-123456');
    // A JSON text body without a content type is labelled JSON; the answer is asked for as JSON.
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(sent?.headers['accept']).toBe('application/json');
  });

  it('sends a form body as application/x-www-form-urlencoded, and keeps a content type the caller set', async () => {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    await sendVendorRequest(patchRequest(standIn.url, { method: 'POST', url: `${standIn.url}/oauth/token`, body: form }), fast);
    await sendVendorRequest(patchRequest(standIn.url, { headers: { 'content-type': 'application/merge-patch+json' } }), fast);
    expect(standIn.requests.map((request) => [request.method, request.path, request.headers['content-type'], request.bodyText])).toEqual([
      ['POST', '/oauth/token', 'application/x-www-form-urlencoded;charset=UTF-8', 'grant_type=client_credentials'],
      ['PATCH', '/api/v2/conversations/c1/participants/p1/attributes', 'application/merge-patch+json', '{"attributes":{"plan":"gold"}}'],
    ]);
  });

  it.each([
    [401, 'unauthorized', 'genesys refused to update participant attributes', /Check the credentials/],
    [403, 'unauthorized', 'genesys refused to update participant attributes', /lack permission: check the scopes/],
    [404, 'not_found', 'genesys found nothing at the address used to update participant attributes', /Check the ids/],
    [400, 'vendor_rejected', 'genesys refused to update participant attributes', /Check the data sent/],
    [409, 'vendor_rejected', 'genesys refused to update participant attributes', /Check the data sent/],
    [500, 'vendor_rejected', 'genesys refused to update participant attributes', /try again later/],
  ])('HTTP %i ends with %s at once (never retried), with status, request id and the vendor\'s message', async (status, code, lead, advice) => {
    standIn.respondNext({ status, headers: { 'inin-correlation-id': `corr-${status}` }, body: { message: `Vendor says ${status}`, code: 'x' } });
    const error = onlyError(await sendVendorRequest(patchRequest(standIn.url), fast));
    expect(error).toMatchObject({ code, status, requestId: `corr-${status}`, attempts: 1, path: [] });
    expect(error.message).toContain(`${lead} (HTTP ${status}, request id corr-${status}, 1 attempt).`);
    expect(error.message).toContain(`The vendor said: "Vendor says ${status}".`);
    expect(error.message).toMatch(advice);
    expect(standIn.requests).toHaveLength(1);
  });

  it.each([429, 502, 503, 504])('HTTP %i is retried, and succeeds when a retry does', async (status) => {
    standIn.respondNext({ status }, { status });
    const result = await sendVendorRequest(patchRequest(standIn.url), fast);
    expect(result).toMatchObject({ ok: true, value: { status: 200, attempts: 3 } });
    expect(standIn.requests).toHaveLength(3);
    // Every attempt sends the same request again.
    expect(new Set(standIn.requests.map((request) => `${request.method} ${request.path} ${request.bodyText}`)).size).toBe(1);
  });

  it('429 that persists ends with rate_limited after retries + 1 attempts, with the last request id', async () => {
    standIn.respondNext(...[1, 2, 3, 4].map((n) => ({ status: 429, headers: { 'x-request-id': `r${n}` }, body: { message: 'Rate limit exceeded' } })));
    const error = onlyError(await sendVendorRequest(patchRequest(standIn.url), { ...fast, retries: 3 }));
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, requestId: 'r4', attempts: 4 });
    expect(error.message).toMatch(/^genesys rate-limited the request to update participant attributes \(HTTP 429, request id r4, 4 attempts\)\. The vendor said: "Rate limit exceeded"\. Retries are used up\. Slow down/);
    expect(standIn.requests).toHaveLength(4);
  });

  it('503 that persists ends with vendor_rejected once retries are used up', async () => {
    standIn.respondNext({ status: 503 }, { status: 503 }, { status: 503 });
    const error = onlyError(await sendVendorRequest(patchRequest(standIn.url), fast));
    expect(error).toMatchObject({ code: 'vendor_rejected', status: 503, attempts: 3 });
    expect(error.message).toContain('Retries are used up.');
  });

  it('retries: 0 sends once', async () => {
    standIn.respondNext({ status: 503 });
    const error = onlyError(await sendVendorRequest(patchRequest(standIn.url), { ...fast, retries: 0 }));
    expect(error).toMatchObject({ code: 'vendor_rejected', attempts: 1 });
  });

  it('a request marked not idempotent is never retried', async () => {
    standIn.respondNext({ status: 429 });
    const error = onlyError(await sendVendorRequest(patchRequest(standIn.url, { idempotent: false }), fast));
    expect(error).toMatchObject({ code: 'rate_limited', attempts: 1 });
    expect(error.message).toContain('not idempotent');
  });

  it('honours Retry-After in seconds', async () => {
    standIn.respondNext({ status: 429, headers: { 'retry-after': '0.15' } });
    const started = performance.now();
    const result = await sendVendorRequest(patchRequest(standIn.url), { ...fast, maxRetryDelayMs: 1_000 });
    expect(result).toMatchObject({ ok: true, value: { attempts: 2 } });
    // Timers never fire early by more than a millisecond; the backoff alone (≤ 300 ms step, jittered) could be shorter.
    expect(performance.now() - started).toBeGreaterThanOrEqual(148);
  });

  it('honours Retry-After as an HTTP date', async () => {
    // HTTP dates have whole seconds: name the first whole second at least 300 ms ahead.
    const target = Math.ceil((Date.now() + 300) / 1000) * 1000;
    standIn.respondNext({ status: 503, headers: { 'retry-after': new Date(target).toUTCString() } });
    const result = await sendVendorRequest(patchRequest(standIn.url), { ...fast, maxRetryDelayMs: 2_000 });
    expect(result).toMatchObject({ ok: true, value: { attempts: 2 } });
    expect(Date.now()).toBeGreaterThanOrEqual(target - 5);
  });

  it('does not wait for a Retry-After longer than maxRetryDelayMs: rate_limited at once', async () => {
    standIn.respondNext({ status: 429, headers: { 'retry-after': '120' }, body: { message: 'Too many requests' } });
    const started = performance.now();
    const error = onlyError(await sendVendorRequest(patchRequest(standIn.url), { ...fast, maxRetryDelayMs: 10_000 }));
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, attempts: 1 });
    expect(error.message).toContain('It asked to wait 120 s, longer than maxRetryDelayMs, so it was not retried.');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('does not wait for a Retry-After that would end after totalTimeoutMs: rate_limited at once', async () => {
    standIn.respondNext({ status: 429, headers: { 'retry-after': '3' } });
    const started = performance.now();
    const error = onlyError(await sendVendorRequest(patchRequest(standIn.url), { ...fast, maxRetryDelayMs: 10_000, totalTimeoutMs: 2_000 }));
    expect(error).toMatchObject({ code: 'rate_limited', attempts: 1 });
    expect(error.message).toContain('would end after totalTimeoutMs');
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('times out an attempt whose answer is slower than timeoutMs, and does not retry it', async () => {
    standIn.respondNext({ status: 200, delayMs: 1_000 });
    const started = performance.now();
    const error = onlyError(await sendVendorRequest(patchRequest(standIn.url), { ...fast, timeoutMs: 50 }));
    expect(error).toMatchObject({ code: 'timeout', attempts: 1 });
    expect(error.message).toContain('within timeoutMs (50 ms)');
    expect(performance.now() - started).toBeLessThan(900);
    expect(standIn.requests).toHaveLength(1);
  });

  it('bounds the whole call by totalTimeoutMs, retries and waits included', async () => {
    // The budget leaves room for two quick 503s on a loaded machine; the third answer would take 20 s.
    standIn.respondNext({ status: 503 }, { status: 503 }, { status: 200, delayMs: 20_000 });
    const started = performance.now();
    const error = onlyError(await sendVendorRequest(patchRequest(standIn.url), { ...fast, timeoutMs: 30_000, totalTimeoutMs: 2_000 }));
    expect(error).toMatchObject({ code: 'timeout', attempts: 3, status: 503 });
    expect(error.message).toContain('within totalTimeoutMs (2000 ms), retries included. The last answer was HTTP 503.');
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('ends with aborted when the caller aborts mid-request, and does nothing with an already aborted signal', async () => {
    standIn.respondNext({ status: 200, delayMs: 2_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const error = onlyError(await sendVendorRequest(patchRequest(standIn.url), { ...fast, signal: controller.signal }));
    expect(error).toMatchObject({ code: 'aborted', attempts: 1 });
    expect(error.message).toContain('cancelled by the caller');

    const before = standIn.requests.length;
    const early = onlyError(await sendVendorRequest(patchRequest(standIn.url), { ...fast, signal: AbortSignal.abort() }));
    expect(early).toMatchObject({ code: 'aborted', attempts: 0 });
    expect(early.message).toContain('Nothing was sent.');
    expect(standIn.requests.length).toBe(before);
  });

  it('ends with aborted when the caller aborts during a backoff wait', async () => {
    standIn.respondNext({ status: 429, headers: { 'retry-after': '2' } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = onlyError(await sendVendorRequest(patchRequest(standIn.url), { ...fast, maxRetryDelayMs: 5_000, signal: controller.signal }));
    expect(error).toMatchObject({ code: 'aborted', attempts: 1 });
  });

  it('does not follow a redirect (credentials must not travel): vendor_rejected', async () => {
    standIn.respondNext({ status: 307, headers: { location: 'http://127.0.0.1:9/elsewhere' } });
    const error = onlyError(await sendVendorRequest(patchRequest(standIn.url), fast));
    expect(error).toMatchObject({ code: 'vendor_rejected', status: 307, attempts: 1 });
    expect(error.message).toContain('redirect, which is not followed');
    expect(standIn.requests).toHaveLength(1);
  });
});

describe('sendVendorRequest when the vendor cannot be reached', () => {
  it('a closed port is a network_error, retried up to the limit', async () => {
    const closed = await startHttpStandIn(() => ({ status: 200 }));
    const url = closed.url;
    await closed.close();
    const error = onlyError(await sendVendorRequest(patchRequest(url), fast));
    expect(error).toMatchObject({ code: 'network_error', attempts: 3 });
    expect(error.status).toBeUndefined();
    expect(error.message).toContain(`Could not reach genesys at ${url} to update participant attributes (3 attempts)`);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).toContain('Retries are used up.');
  });
});
