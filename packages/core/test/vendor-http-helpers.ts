import type { VendorHttpOptions, VendorHttpRequest, VendorHttpResult } from '../src/server/index.js';
import { expect } from 'vitest';

/** Tiny bounds so retry and timeout tests take tens of milliseconds. */
export const fast: VendorHttpOptions = { timeoutMs: 2_000, retries: 2, maxRetryDelayMs: 20, totalTimeoutMs: 5_000 };

/** A Genesys-like PATCH of participant attributes against `base`. */
export function patchRequest(base: string, overrides: Partial<VendorHttpRequest> = {}): VendorHttpRequest {
  return {
    vendor: 'genesys',
    operation: 'update participant attributes',
    method: 'PATCH',
    url: `${base}/api/v2/conversations/c1/participants/p1/attributes`,
    headers: { authorization: 'Bearer token-abc-123456' },
    body: JSON.stringify({ attributes: { plan: 'gold' } }),
    secrets: ['token-abc-123456'],
    requestIdHeaders: ['inin-correlation-id'],
    ...overrides,
  };
}

/** The one error of a failed result. */
export function onlyError(result: VendorHttpResult) {
  expect(result.ok).toBe(false);
  expect(result.diagnostics).toHaveLength(1);
  const [diagnostic] = result.diagnostics;
  expect(diagnostic?.severity).toBe('error');
  return diagnostic!;
}

/** A fetch that answers from a list, recording the requests it got; the last answer repeats. */
export function scriptedFetch(...answers: ((request: Request) => Response | Promise<Response>)[]) {
  const requests: Request[] = [];
  const times: number[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    requests.push(request);
    times.push(performance.now());
    const answer = answers[Math.min(requests.length - 1, answers.length - 1)]!;
    return answer(request);
  };
  return { fetch: fetch as typeof globalThis.fetch, requests, times };
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
