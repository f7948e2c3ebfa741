import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { VisitorContextError, type Result } from '../src/index.js';
import { VendorHttpOptionsSchema, defaultVendorHttpOptions, parseVendorHttpOptions, sendVendorRequest, type VendorHttpResponse } from '../src/server/index.js';
import { reachableImports } from '../../testkit/src/reachable-imports.js';
import { fast, json, onlyError, patchRequest, scriptedFetch } from './vendor-http-helpers.js';

function thrown(run: () => unknown): VisitorContextError {
  try {
    run();
  } catch (error) {
    if (VisitorContextError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a throw');
}

describe('parseVendorHttpOptions', () => {
  it('accepts valid options and undefined', () => {
    const fetch = globalThis.fetch;
    const signal = new AbortController().signal;
    expect(parseVendorHttpOptions(undefined)).toEqual(defaultVendorHttpOptions);
    expect(parseVendorHttpOptions({ fetch, signal, retries: 0, timeoutMs: 1, maxRetryDelayMs: 0, totalTimeoutMs: 100 })).toEqual({
      fetch,
      signal,
      retries: 0,
      timeoutMs: 1,
      maxRetryDelayMs: 0,
      totalTimeoutMs: 100,
    });
  });

  it('throws invalid_option naming each problem, with the closest option name for a typo', () => {
    const error = thrown(() => parseVendorHttpOptions({ timeout: 5, retries: 9, totalTimeoutMs: -1, fetch: 'no' }));
    expect(error.code).toBe('invalid_option');
    const messages = error.diagnostics.map((item) => item.message);
    expect(messages).toContainEqual(expect.stringContaining('Unknown option "timeout". Did you mean "timeoutMs"?'));
    expect(messages).toContainEqual(expect.stringMatching(/^Option retries \(optional\) must be a whole number .*of at most 5; got the number 9\.$/));
    expect(messages).toContainEqual(expect.stringMatching(/^Option totalTimeoutMs \(optional\) must be a whole number greater than 0.*; got the number -1\.$/));
    expect(messages).toContainEqual(expect.stringContaining('Option fetch (optional)'));
    expect(error.diagnostics.every((item) => item.code === 'invalid_option')).toBe(true);
  });

  it('throws invalid_option for options that cannot be read', () => {
    const trap = new Proxy({}, { ownKeys: () => { throw new Error('trap'); }, get: () => { throw new Error('trap'); } });
    expect(thrown(() => parseVendorHttpOptions(trap)).code).toBe('invalid_option');
  });

  it('is embeddable: its shape spreads into an adapter\'s own options schema', () => {
    expect(Object.keys(VendorHttpOptionsSchema.shape).sort()).toEqual(['fetch', 'maxRetryDelayMs', 'retries', 'signal', 'timeoutMs', 'totalTimeoutMs']);
  });
});

describe('sendVendorRequest never throws', () => {
  it.each([
    ['no request', undefined, /^The request must be an object with vendor, operation, method, url and secrets; got nothing\.$/],
    ['a relative URL', { ...patchRequest(''), url: '/relative' }, /Option request\.url \(required\) must be an absolute http: or https: URL/],
    ['a file: URL', { ...patchRequest(''), url: 'file:///etc/passwd' }, /absolute http: or https: URL/],
    ['an unknown method', { ...patchRequest('https://a.test'), method: 'TRACE' }, /Option request\.method/],
    ['secrets missing', { ...patchRequest('https://a.test'), secrets: undefined }, /Option request\.secrets is required: give an array\./],
    ['a typo in a field', { ...patchRequest('https://a.test'), requestIdHeader: ['x'] }, /Did you mean "requestIdHeaders"\?/],
    ['a header value outside Latin-1', { ...patchRequest('https://a.test'), headers: { 'x-name': 'Ω' } }, /headers\.x-name|headers\["x-name"\]/],
  ])('%s → invalid_option, nothing sent', async (_name, request, message) => {
    const { fetch, requests } = scriptedFetch(json(200, {}));
    const result = await sendVendorRequest(request as never, { ...fast, fetch });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics.every((item) => item.code === 'invalid_option' && item.attempts === 0)).toBe(true);
    expect(result.diagnostics.map((item) => item.message).join('\n')).toMatch(message);
    expect(requests).toHaveLength(0);
  });

  it('bad options → invalid_option under options.*', async () => {
    const error = onlyError(await sendVendorRequest(patchRequest('https://a.test'), { retries: 6 }));
    expect(error).toMatchObject({ code: 'invalid_option', path: ['options', 'retries'], attempts: 0 });
  });

  it('a request or options that throw when read → invalid_option, no rejection', async () => {
    const trap = new Proxy({}, { get: () => { throw new Error('boom'); }, ownKeys: () => { throw new Error('boom'); }, getOwnPropertyDescriptor: () => { throw new Error('boom'); } });
    await expect(sendVendorRequest(trap as never)).resolves.toMatchObject({ ok: false, diagnostics: [{ code: 'invalid_option' }] });
    await expect(sendVendorRequest(patchRequest('https://a.test'), trap as never)).resolves.toMatchObject({ ok: false, diagnostics: [{ code: 'invalid_option' }] });
  });

  it('a runtime without fetch → invalid_option', async () => {
    const original = globalThis.fetch;
    // @ts-expect-error: simulating a runtime without fetch
    delete globalThis.fetch;
    try {
      const error = onlyError(await sendVendorRequest(patchRequest('https://a.test'), fast));
      expect(error).toMatchObject({ code: 'invalid_option', attempts: 0 });
      expect(error.message).toContain('pass options.fetch');
    } finally {
      globalThis.fetch = original;
    }
  });
});

describe('the server entry', () => {
  it('is out of reach of the main entry: browser bundles never include it, ky or node: modules', () => {
    const reached = [...reachableImports(new URL('../src/index.ts', import.meta.url))];
    expect(reached.filter((name) => name === 'ky' || name.includes('server') || name.startsWith('node:'))).toEqual([]);
    expect([...reachableImports(new URL('../src/server/index.ts', import.meta.url))]).toContain('ky');
  });

  it('uses no node: modules (it runs on web-standard fetch)', () => {
    const reached = [...reachableImports(new URL('../src/server/index.ts', import.meta.url))];
    expect(reached.filter((name) => name.startsWith('node:'))).toEqual([]);
  });

  it('works from CommonJS (the built server.cjs loads ky with require) against a local server', () => {
    const script = `
      const http = require('node:http');
      const { sendVendorRequest } = require('@visitor-context/core/server');
      const server = http.createServer((request, response) => { response.writeHead(429, { 'x-request-id': 'cjs-1' }); response.end(); });
      server.listen(0, '127.0.0.1', async () => {
        const url = 'http://127.0.0.1:' + server.address().port + '/x';
        const result = await sendVendorRequest({ vendor: 'v', operation: 'op', method: 'PUT', url, secrets: [] }, { retries: 1, maxRetryDelayMs: 5 });
        server.close();
        process.stdout.write(JSON.stringify(result.diagnostics.map((d) => [d.code, d.status, d.requestId, d.attempts])));
      });`;
    const output = execFileSync(process.execPath, ['-e', script], { cwd: fileURLToPath(new URL('..', import.meta.url)), encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual([['rate_limited', 429, 'cjs-1', 2]]);
  });
});

describe('types', () => {
  it('a VendorHttpResult is a core Result<VendorHttpResponse>', async () => {
    const { fetch } = scriptedFetch(json(200, {}));
    const result: Result<VendorHttpResponse> = await sendVendorRequest(patchRequest('https://a.test'), { fetch });
    expect(result.ok).toBe(true);
  });
});
