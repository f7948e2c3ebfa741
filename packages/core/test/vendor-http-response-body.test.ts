import { describe, expect, it } from 'vitest';
import { sendVendorRequest } from '../src/server/index.js';
import { fast, onlyError, patchRequest, scriptedFetch } from './vendor-http-helpers.js';

const url = 'https://api.example.test';

/** A body streamed in 64 KiB chunks, `total` bytes long, that counts how much was pulled. */
function streamedBody(total: number) {
  const pulled = { bytes: 0, cancelled: false };
  const chunk = new Uint8Array(65_536).fill(0x61);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= total) return controller.close();
      pulled.bytes += chunk.length;
      controller.enqueue(chunk);
    },
    cancel() {
      pulled.cancelled = true;
    },
  });
  return { stream, pulled };
}

describe('reading vendor answers safely', () => {
  it('stops reading a huge body at 256 KiB and cancels the rest (success: a too_large warning, no body)', async () => {
    const { stream, pulled } = streamedBody(50 * 1024 * 1024);
    const { fetch } = scriptedFetch(() => new Response(stream, { status: 200, headers: { 'content-type': 'application/json' } }));
    const result = await sendVendorRequest(patchRequest(url), { ...fast, fetch });
    expect(result).toMatchObject({ ok: true, value: { status: 200, body: undefined } });
    expect(result.diagnostics).toMatchObject([{ code: 'too_large', severity: 'warning', attempts: 1, status: 200 }]);
    expect(result.diagnostics[0]?.message).toContain('larger than 262144 bytes');
    expect(pulled.bytes).toBeLessThan(400_000);
    expect(pulled.cancelled).toBe(true);
  });

  it('does not read a body whose content-length is over the limit at all', async () => {
    const { stream, pulled } = streamedBody(1024 * 1024);
    const { fetch } = scriptedFetch(() => new Response(stream, { status: 400, headers: { 'content-length': String(1024 * 1024) } }));
    const error = onlyError(await sendVendorRequest(patchRequest(url), { ...fast, fetch }));
    expect(error).toMatchObject({ code: 'vendor_rejected', status: 400 });
    expect(error.message).not.toContain('The vendor said');
    expect(pulled.bytes).toBeLessThanOrEqual(65_536 * 2);
  });

  it('refuses hostile JSON (prototype keys, deep nesting) without polluting anything', async () => {
    const deep = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    for (const [text, code] of [
      ['{"__proto__":{"polluted":true},"ok":1}', 'forbidden_key'],
      ['{"constructor":{"prototype":{"polluted":true}}}', 'forbidden_key'],
      [deep, 'too_deep'],
    ] as const) {
      const { fetch } = scriptedFetch(() => new Response(text, { status: 200, headers: { 'content-type': 'application/json' } }));
      const result = await sendVendorRequest(patchRequest(url), { ...fast, fetch });
      expect(result).toMatchObject({ ok: true, value: { body: undefined } });
      expect(result.diagnostics.map((item) => [item.code, item.severity])).toEqual([[code, 'warning']]);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    }
  });

  it('keeps non-JSON text, cut to 4,096 characters, and malformed JSON as text', async () => {
    const long = 'é'.repeat(5_000);
    const { fetch } = scriptedFetch(
      () => new Response(long, { status: 200, headers: { 'content-type': 'text/html' } }),
      () => new Response('{"unterminated', { status: 200, headers: { 'content-type': 'application/json' } }),
      () => new Response(null, { status: 204 }),
    );
    const cut = await sendVendorRequest(patchRequest(url), { ...fast, fetch });
    expect(cut.ok && cut.value.body).toBe(`${'é'.repeat(4_096)}…`);
    expect(cut.diagnostics.map((item) => item.code)).toEqual(['value_truncated']);
    const malformed = await sendVendorRequest(patchRequest(url), { ...fast, fetch });
    expect(malformed.ok && malformed.value.body).toBe('{"unterminated');
    expect(malformed.diagnostics.map((item) => item.code)).toEqual(['invalid_json']);
    const empty = await sendVendorRequest(patchRequest(url), { ...fast, fetch });
    expect(empty).toMatchObject({ ok: true, value: { status: 204, body: undefined }, diagnostics: [] });
  });

  it('bounds and cleans the vendor\'s error excerpt (300 characters, one line, no control characters)', async () => {
    const { fetch } = scriptedFetch(() => new Response(JSON.stringify({ message: `line1\nline2\u0000\u2028${'x'.repeat(1_000)}` }), { status: 422 }));
    const error = onlyError(await sendVendorRequest(patchRequest(url), { ...fast, fetch }));
    const excerpt = /The vendor said: "(.*)"\./s.exec(error.message)?.[1];
    expect(excerpt?.startsWith('line1 line2 x')).toBe(true);
    expect(excerpt?.length).toBe(301);
    expect(error.message).not.toMatch(/[\u0000-\u001f\u2028]/);
  });

  it.each([
    [{ error: 'invalid_client', error_description: 'Client authentication failed' }, 'Client authentication failed'],
    [{ detail: 'Authentication credentials were not provided.' }, 'Authentication credentials were not provided.'],
    [{ visitor_id: ['This field is required.'] }, 'visitor_id: This field is required.'],
    [{ errors: [{ message: 'first problem' }, { message: 'second' }] }, 'first problem'],
    [{ message: 'Genesys says no', code: 'bad.request', contextId: 'c' }, 'Genesys says no'],
  ])('quotes the vendor\'s own words from %j', async (body, quoted) => {
    const { fetch } = scriptedFetch(() => new Response(JSON.stringify(body), { status: 400, headers: { 'content-type': 'application/json' } }));
    const error = onlyError(await sendVendorRequest(patchRequest(url), { ...fast, fetch }));
    expect(error.message).toContain(`The vendor said: "${quoted}".`);
  });

  it('a body that stalls after the headers cannot outlast totalTimeoutMs', async () => {
    const stalled = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => undefined) });
    const { fetch } = scriptedFetch(() => new Response(stalled, { status: 200 }));
    const started = performance.now();
    const error = onlyError(await sendVendorRequest(patchRequest(url), { ...fast, fetch, totalTimeoutMs: 80 }));
    expect(error).toMatchObject({ code: 'timeout', status: 200, attempts: 1 });
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('answers from another fetch implementation', () => {
  it('reads a Response-like answer whose class is not the global Response (undici package, another realm)', async () => {
    const foreign = (status: number, text: string) => {
      const real = new Response(text, { status, headers: { 'content-type': 'application/json', 'x-request-id': 'f-1' } });
      // Same shape, different prototype: `instanceof Response` is false, as for undici's own Response class.
      return Object.assign(Object.create(null), {
        status,
        ok: status >= 200 && status < 300,
        statusText: '',
        headers: real.headers,
        body: real.body,
        text: () => real.text(),
        clone: () => real.clone(),
      }) as Response;
    };
    const ok = await sendVendorRequest(patchRequest(url), { ...fast, fetch: async () => foreign(200, '{"a":1}') });
    expect(ok).toMatchObject({ ok: true, value: { status: 200, body: { a: 1 }, requestId: 'f-1' } });
    const missing = await sendVendorRequest(patchRequest(url), { ...fast, fetch: async () => foreign(404, '{"message":"no such participant"}') });
    expect(onlyError(missing)).toMatchObject({ code: 'not_found', status: 404, requestId: 'f-1' });
    expect(onlyError(missing).message).toContain('no such participant');
  });

  it('reads a body that is not a web stream whole, and still refuses it over 256 KiB', async () => {
    const nodeStyle = (text: string) =>
      Object.assign(Object.create(null), { status: 200, ok: true, headers: new Headers(), body: { pipe() {} }, text: async () => text }) as Response;
    const small = await sendVendorRequest(patchRequest(url), { ...fast, fetch: async () => nodeStyle('{"b":2}') });
    expect(small).toMatchObject({ ok: true, value: { body: { b: 2 } } });
    const big = await sendVendorRequest(patchRequest(url), { ...fast, fetch: async () => nodeStyle('x'.repeat(300_000)) });
    expect(big).toMatchObject({ ok: true, value: { body: undefined } });
    expect(big.diagnostics.map((item) => item.code)).toEqual(['too_large']);
  });
});

/** No lone surrogate (String.prototype.isWellFormed is ES2024, beyond this package's lib). */
const wellFormed = (text: string): boolean => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);

describe('cutting text', () => {
  it('never splits a surrogate pair when it cuts a body or an excerpt', async () => {
    const emoji = '😀'.repeat(3_000); // 6,000 UTF-16 units: a cut at 4,096 falls between two pairs…
    const shifted = `x${emoji}`; // …so shift by one unit to put the cut inside a pair.
    const { fetch } = scriptedFetch(
      () => new Response(shifted, { status: 200, headers: { 'content-type': 'text/plain' } }),
      () => new Response(JSON.stringify({ message: `x${'😀'.repeat(400)}` }), { status: 400 }),
    );
    const ok = await sendVendorRequest(patchRequest(url), { ...fast, fetch });
    const body = ok.ok ? String(ok.value.body) : '';
    expect(body.endsWith('😀…')).toBe(true);
    expect(wellFormed(body)).toBe(true);
    const error = onlyError(await sendVendorRequest(patchRequest(url), { ...fast, fetch }));
    expect(wellFormed(error.message)).toBe(true);
    expect(wellFormed(`a\ud800`)).toBe(false);
  });
});
