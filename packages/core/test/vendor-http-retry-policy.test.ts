import { describe, expect, it, vi } from 'vitest';
import { sendVendorRequest } from '../src/server/index.js';
import { backoffMs, firstBackoffMs } from '../src/server/send-vendor-request.js';
import { retryAfterMs } from '../src/server/retry-after.js';
import { fast, json, onlyError, patchRequest, scriptedFetch } from './vendor-http-helpers.js';

describe('retryAfterMs', () => {
  const now = Date.parse('2026-12-02T10:00:00Z');
  it.each([
    ['3', 3_000],
    ['0', 0],
    ['0.5', 500],
    ['-4', 0],
    ['Wed, 02 Dec 2026 10:00:07 GMT', 7_000],
    ['Wed, 02 Dec 2026 09:59:00 GMT', 0],
    [String(now / 1000 + 9), 9_000],
    ['soon', undefined],
    ['Infinity', undefined],
    ['', undefined],
  ])('reads %j as %j ms', (value, expected) => {
    expect(retryAfterMs(new Headers(value === '' ? {} : { 'retry-after': value }), now)).toBe(expected);
  });

  it('falls back to the RateLimit-Reset family, as ky does', () => {
    expect(retryAfterMs(new Headers({ 'ratelimit-reset': '2' }), now)).toBe(2_000);
    expect(retryAfterMs(new Headers({ 'x-ratelimit-reset': String(now / 1000 + 4) }), now)).toBe(4_000);
  });
});

describe('backoff', () => {
  it('doubles from 300 ms, is capped, and its jitter stays between half and all of the step', () => {
    expect([1, 2, 3].map((retry) => backoffMs(retry, 10_000, 1))).toEqual([firstBackoffMs, 600, 1_200]);
    expect([1, 2, 3].map((retry) => backoffMs(retry, 10_000, 0))).toEqual([150, 300, 600]);
    expect(backoffMs(10, 1_000, 1)).toBe(1_000);
    expect(backoffMs(10, 1_000, 0)).toBe(500);
    for (let index = 0; index < 200; index++) {
      const wait = backoffMs(3, 1_000);
      expect(wait).toBeGreaterThanOrEqual(500);
      expect(wait).toBeLessThanOrEqual(1_000);
    }
  });

  it('waits the jittered backoff between attempts (Math.random pinned), never longer than maxRetryDelayMs', async () => {
    const random = vi.spyOn(Math, 'random').mockReturnValue(1);
    try {
      const { fetch, times } = scriptedFetch(json(503, {}), json(503, {}), json(200, {}));
      const result = await sendVendorRequest(patchRequest('https://api.example.test'), { ...fast, fetch, maxRetryDelayMs: 60 });
      expect(result).toMatchObject({ ok: true, value: { attempts: 3 } });
      const gaps = [times[1]! - times[0]!, times[2]! - times[1]!];
      // Both steps (300, 600 ms) are capped at 60 ms; with Math.random() = 1 the wait is the whole step.
      for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(58);
    } finally {
      random.mockRestore();
    }
  });

  it('stops at once, without sleeping, when the next backoff would end after totalTimeoutMs', async () => {
    const { fetch, requests } = scriptedFetch(json(502, { message: 'Bad gateway' }));
    const started = performance.now();
    const error = onlyError(await sendVendorRequest(patchRequest('https://api.example.test'), { fetch, maxRetryDelayMs: 10_000, totalTimeoutMs: 100 }));
    expect(error).toMatchObject({ code: 'vendor_rejected', status: 502, attempts: 1 });
    expect(error.message).toMatch(/The next retry \(in \d+ ms\) would end after totalTimeoutMs/);
    // Had it slept the backoff (at least 150 ms), the 100 ms budget would have ended the call as a `timeout`: the
    // code above is the proof. The clock only guards against a sleep that ignores the budget, with room for a busy machine.
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(requests).toHaveLength(1);
  });

  it('never makes more than retries + 1 attempts, whatever the vendor answers', async () => {
    for (const retries of [0, 1, 5]) {
      const { fetch, requests } = scriptedFetch(json(503, {}));
      const error = onlyError(await sendVendorRequest(patchRequest('https://api.example.test'), { ...fast, fetch, maxRetryDelayMs: 1, retries }));
      expect(error.attempts).toBe(retries + 1);
      expect(requests).toHaveLength(retries + 1);
    }
  });

  it('retries a network error (fetch rejects) and reports the last one', async () => {
    const { fetch, requests } = scriptedFetch(
      () => Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND api.example.test'), { code: 'ENOTFOUND' }) })),
    );
    const error = onlyError(await sendVendorRequest(patchRequest('https://api.example.test'), { ...fast, fetch }));
    expect(error).toMatchObject({ code: 'network_error', attempts: 3 });
    expect(error.message).toContain('TypeError: fetch failed (ENOTFOUND: getaddrinfo ENOTFOUND api.example.test)');
    expect(requests).toHaveLength(3);
  });

  it('does not retry a fetch that resolves to something other than a Response', async () => {
    const fetch = vi.fn(async () => ({ status: 200 }) as unknown as Response);
    const error = onlyError(await sendVendorRequest(patchRequest('https://api.example.test'), { ...fast, fetch }));
    expect(error).toMatchObject({ code: 'network_error', attempts: 1 });
    expect(error.message).toContain('not a Response');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('bounds the call by totalTimeoutMs even when the injected fetch ignores its signal', async () => {
    const fetch = vi.fn(() => new Promise<Response>(() => undefined));
    const started = performance.now();
    const error = onlyError(await sendVendorRequest(patchRequest('https://api.example.test'), { fetch, timeoutMs: 10_000, totalTimeoutMs: 60 }));
    expect(error).toMatchObject({ code: 'timeout', attempts: 1 });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('uses globalThis.fetch as it is at call time', async () => {
    const { fetch, requests } = scriptedFetch(json(200, { ok: 1 }));
    vi.stubGlobal('fetch', fetch);
    try {
      const result = await sendVendorRequest(patchRequest('https://api.example.test'), fast);
      expect(result).toMatchObject({ ok: true, value: { body: { ok: 1 } } });
      expect(requests).toHaveLength(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
