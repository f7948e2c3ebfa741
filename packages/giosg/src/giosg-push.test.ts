import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VisitorContextError, type Diagnostic, type VisitorContext } from '@visitor-context/core';
import { hostileValues } from '@visitor-context/testkit';
import { createGiosgApiRoute, giosgApiResponses, startHttpStandIn, type GiosgApiRoute, type HttpStandIn } from '@visitor-context/testkit/http-stand-in';
import { giosgAdapter } from './index.js';
import { createGiosgServerClient, pushGiosgVisitorVariables, type GiosgServerClientOptions } from './server.js';

const apiToken = 'giosg-api-token-5f0c2d1e9a7b4c3d';
const organizationId = '7f9e9580-095b-42c7-838c-c04e667b26f7';
const roomId = '9926bdfa-56e0-11e5-b98c-6c4008c08dfe';
const visitorId = '8a60b202474547dbb8ce19737e4c166f';
const visitor = { roomId, visitorId };
const variablesPath = `/api/v5/orgs/${organizationId}/rooms/${roomId}/visitors/${visitorId}/variables`;
const customer: VisitorContext = { visitor: { id: 'C-1001', name: 'Ada Lovelace' }, attributes: { plan: 'pro' } };

let api: GiosgApiRoute;
let standIn: HttpStandIn;

beforeEach(async () => {
  api = createGiosgApiRoute({ apiToken, organizationId, roomIds: [roomId], visitorIds: [visitorId] });
  standIn = await startHttpStandIn(api.route);
});
afterEach(async () => {
  await standIn.close();
});

/** A client on the stand-in, with retry waits short enough for tests. */
const clientFor = (options: Partial<GiosgServerClientOptions> = {}) =>
  createGiosgServerClient({ apiToken, organizationId, apiBaseUrl: standIn.url, maxRetryDelayMs: 50, ...options });

const codes = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((item) => item.code);
const httpFacts = (diagnostic: Diagnostic | undefined) => {
  const facts = diagnostic as (Diagnostic & { status?: number; requestId?: string; attempts?: number }) | undefined;
  return { code: facts?.code, status: facts?.status, requestId: facts?.requestId, attempts: facts?.attempts };
};

describe('pushGiosgVisitorVariables', () => {
  it('POSTs one { key, value } per variable to the documented path with Authorization: Token, in order', async () => {
    const pushed = await pushGiosgVisitorVariables(clientFor(), visitor, customer);
    expect(pushed).toEqual({
      ok: true,
      value: {
        organizationId,
        roomId,
        visitorId,
        variables: [
          { key: 'username', status: 201, attempts: 1 },
          { key: 'customer_id', status: 201, attempts: 1 },
          { key: 'plan', status: 201, attempts: 1 },
        ],
      },
      diagnostics: [],
    });
    expect(standIn.requests.map((request) => [request.method, request.path, request.json])).toEqual([
      ['POST', variablesPath, { key: 'username', value: 'Ada Lovelace' }],
      ['POST', variablesPath, { key: 'customer_id', value: 'C-1001' }],
      ['POST', variablesPath, { key: 'plan', value: 'pro' }],
    ]);
    for (const request of standIn.requests) {
      expect(request.headers.authorization).toBe(`Token ${apiToken}`);
      expect(request.headers['content-type']).toBe('application/json');
    }
    expect(api.variables(roomId, visitorId).map(({ key, value }) => [key, value])).toEqual([
      ['username', 'Ada Lovelace'],
      ['customer_id', 'C-1001'],
      ['plan', 'pro'],
    ]);
  });

  it('translates exactly as toVendor does, keeps its diagnostics, and reports values sent as text', async () => {
    const context: VisitorContext = { visitor: { name: 'Ada' }, page: { url: 'https://shop.example/cart' }, attributes: { seats: 12, trial: false } };
    const translated = giosgAdapter.toVendor(context);
    const pushed = await pushGiosgVisitorVariables(clientFor(), visitor, context);
    expect(pushed.ok).toBe(true);
    expect(pushed.diagnostics.slice(0, translated.diagnostics.length)).toEqual(translated.diagnostics);
    expect(pushed.diagnostics.slice(translated.diagnostics.length).map((item) => [item.code, item.path])).toEqual([
      ['value_coerced', ['seats']],
      ['value_coerced', ['trial']],
    ]);
    expect(standIn.requests.map((request) => request.json)).toEqual([
      { key: 'username', value: 'Ada' },
      { key: 'seats', value: '12' },
      { key: 'trial', value: 'false' },
    ]);
  });

  it('under strict, fails on any warning and sends nothing', async () => {
    const pushed = await pushGiosgVisitorVariables(clientFor(), visitor, { visitor: { name: 'Ada' }, attributes: { seats: 12 } }, { strict: true });
    expect(pushed.ok).toBe(false);
    expect(codes(pushed.diagnostics)).toEqual(['value_coerced']);
    expect(standIn.requests).toEqual([]);
  });

  it('reports what the REST API cannot do (replace_existing, JS rooms) instead of silently ignoring it', async () => {
    const context: VisitorContext = { visitor: { name: 'Ada' }, vendor: { giosg: { replaceExisting: true, rooms: [{ name: 'Sales' }] } } };
    const pushed = await pushGiosgVisitorVariables(clientFor(), visitor, context);
    expect(pushed.ok).toBe(true);
    expect(pushed.diagnostics.map((item) => [item.code, item.path.join('.')])).toEqual([
      ['field_dropped', 'vendor.giosg.replaceExisting'],
      ['field_dropped', 'vendor.giosg.rooms'],
    ]);
  });

  it('refuses ids that are not one plain path segment, before sending anything', async () => {
    for (const [ref, path] of [
      [{ roomId: '../../users', visitorId }, 'roomId'],
      [{ roomId, visitorId: 'a/b' }, 'visitorId'],
      [{ roomId, visitorId: 'a%2Fb' }, 'visitorId'],
      [{ roomId: `${roomId}?x=1`, visitorId }, 'roomId'],
      [{ roomId, visitorId: '' }, 'visitorId'],
      [{ roomId: 42, visitorId }, 'roomId'],
    ] as const) {
      const pushed = await pushGiosgVisitorVariables(clientFor(), ref as never, customer);
      expect(pushed.diagnostics.map((item) => [item.code, item.path]), JSON.stringify(ref)).toEqual([['invalid_option', [path]]]);
    }
    expect(standIn.requests).toEqual([]);
  });
});

describe('HTTP outcomes', () => {
  it('maps 401 to unauthorized, with the status, request id and no retry', async () => {
    standIn.respondNext({ ...giosgApiResponses.unauthorized(), headers: { 'x-request-id': 'req-401' } });
    const pushed = await pushGiosgVisitorVariables(clientFor(), visitor, customer);
    expect(pushed.ok).toBe(false);
    expect(httpFacts(pushed.diagnostics[0])).toEqual({ code: 'unauthorized', status: 401, requestId: 'req-401', attempts: 1 });
    expect(standIn.requests).toHaveLength(1);
  });

  it('a wrong token is refused by the stand-in as giosg does', async () => {
    const pushed = await pushGiosgVisitorVariables(clientFor({ apiToken: 'another-token' }), visitor, customer);
    expect(httpFacts(pushed.diagnostics[0])).toMatchObject({ code: 'unauthorized', status: 401 });
  });

  it('maps 404 (unknown visitor) to not_found, and a field error to vendor_rejected with giosg\'s words', async () => {
    const unknownVisitor = await pushGiosgVisitorVariables(clientFor(), { roomId, visitorId: 'ffffffffffffffffffffffffffffffff' }, customer);
    expect(httpFacts(unknownVisitor.diagnostics[0])).toMatchObject({ code: 'not_found', status: 404 });
    standIn.respondNext(giosgApiResponses.badRequest('value'));
    const rejected = await pushGiosgVisitorVariables(clientFor(), visitor, customer);
    expect(httpFacts(rejected.diagnostics[0])).toMatchObject({ code: 'vendor_rejected', status: 400 });
    expect(rejected.diagnostics[0]?.message).toContain('value: This field is required.');
  });

  it('retries a 429 after Retry-After and then succeeds; stops with rate_limited when retries run out', async () => {
    standIn.respondNext(giosgApiResponses.rateLimited(0));
    const retried = await pushGiosgVisitorVariables(clientFor(), visitor, { visitor: { name: 'Ada' } });
    expect(retried.ok && retried.value.variables).toEqual([{ key: 'username', status: 201, attempts: 2 }]);
    expect(standIn.requests.map((request) => request.json)).toEqual([
      { key: 'username', value: 'Ada' },
      { key: 'username', value: 'Ada' },
    ]);
    standIn.respondNext(giosgApiResponses.rateLimited(0), giosgApiResponses.rateLimited(0));
    const limited = await pushGiosgVisitorVariables(clientFor({ retries: 1 }), visitor, { visitor: { name: 'Ada' } });
    expect(httpFacts(limited.diagnostics[0])).toMatchObject({ code: 'rate_limited', status: 429, attempts: 2 });
  });

  it('retries a 503 and succeeds', async () => {
    standIn.respondNext(giosgApiResponses.serverError(503));
    const pushed = await pushGiosgVisitorVariables(clientFor(), visitor, { visitor: { name: 'Ada' } });
    expect(pushed.ok && pushed.value.variables[0]?.attempts).toBe(2);
  });

  it('times out a slow answer (timeout) and reports a refused connection (network_error)', async () => {
    standIn.respondNext(giosgApiResponses.slow(2000));
    const slow = await pushGiosgVisitorVariables(clientFor({ timeoutMs: 100 }), visitor, { visitor: { name: 'Ada' } });
    expect(codes(slow.diagnostics)).toEqual(['timeout', 'not_applied']);
    const closed = standIn.url;
    await standIn.close();
    const offline = await pushGiosgVisitorVariables(clientFor({ apiBaseUrl: closed, retries: 0 }), visitor, { visitor: { name: 'Ada' } });
    expect(codes(offline.diagnostics)).toEqual(['network_error', 'not_applied']);
  });

  it('stops at the first failed variable and names every variable not written', async () => {
    standIn.respondNext({ status: 201, body: {} }, giosgApiResponses.notFound());
    const pushed = await pushGiosgVisitorVariables(clientFor(), visitor, customer);
    expect(pushed.ok).toBe(false);
    expect(pushed.diagnostics.map((item) => [item.code, item.path])).toEqual([
      ['not_found', []],
      ['not_applied', ['customer_id']],
      ['not_applied', ['plan']],
    ]);
    expect(pushed.diagnostics[1]?.message).toContain('Already written: "username"');
    expect(standIn.requests).toHaveLength(2);
  });

  it('is cancelled by the caller\'s signal', async () => {
    const pushed = await pushGiosgVisitorVariables(clientFor(), visitor, customer, { signal: AbortSignal.abort() });
    expect(pushed.ok).toBe(false);
    expect(pushed.diagnostics[0]?.code).toBe('aborted');
  });
});

describe('never rejects', () => {
  it('returns a Result for hostile values in every argument and option', async () => {
    const client = clientFor();
    for (const { name, value } of hostileValues()) {
      for (const call of [
        () => pushGiosgVisitorVariables(value as never, visitor, customer),
        () => pushGiosgVisitorVariables(client, value as never, customer),
        () => pushGiosgVisitorVariables(client, visitor, value as never),
        () => pushGiosgVisitorVariables(client, visitor, customer, value as never),
        () => pushGiosgVisitorVariables(client, { roomId: value, visitorId: value } as never, customer),
        () => pushGiosgVisitorVariables(client, visitor, customer, { strict: value, signal: value } as never),
      ]) {
        const result = await call();
        expect(result, name).toMatchObject({ ok: expect.any(Boolean), diagnostics: expect.any(Array) });
        if (!result.ok) expect(result.diagnostics.some((item) => item.severity === 'error'), name).toBe(true);
      }
    }
  });
});

describe('secrets', () => {
  it('never shows the token: not in the client, its JSON or inspect output, nor in any outcome', async () => {
    const client = clientFor();
    expect(JSON.stringify(client)).not.toContain(apiToken);
    expect(inspect(client, { showHidden: true, depth: 5 })).not.toContain(apiToken);
    standIn.respondNext(
      { status: 401, body: { detail: `Invalid token ${apiToken}.` } },
      { status: 400, body: { key: [`bad ${apiToken}`] }, headers: { 'x-request-id': apiToken } },
      giosgApiResponses.slow(2000),
    );
    const outcomes = [
      await pushGiosgVisitorVariables(client, visitor, customer),
      await pushGiosgVisitorVariables(client, visitor, customer),
      await pushGiosgVisitorVariables(clientFor({ timeoutMs: 100 }), visitor, customer),
    ];
    for (const outcome of outcomes) {
      expect(outcome.ok).toBe(false);
      expect(JSON.stringify(outcome)).not.toContain(apiToken);
    }
  });
});

describe('createGiosgServerClient', () => {
  const thrown = (options: unknown): VisitorContextError => {
    try {
      createGiosgServerClient(options as GiosgServerClientOptions);
    } catch (error) {
      if (VisitorContextError.isInstance(error)) return error;
      throw error;
    }
    throw new Error('expected createGiosgServerClient to throw');
  };

  it('checks its options at construction, naming each and suggesting the closest known name', () => {
    expect(thrown({ apiToken, organizationId, timeout: 5 }).message).toContain('Did you mean "timeoutMs"');
    expect(thrown({ apiKey: apiToken, organizationId }).diagnostics.map((item) => item.path)).toEqual([['apiKey'], ['apiToken']]);
    expect(thrown({ apiToken, organizationId: 'acme/../x' }).diagnostics.map((item) => [item.code, item.path])).toEqual([['invalid_option', ['organizationId']]]);
    expect(thrown({ apiToken, organizationId, apiBaseUrl: 'http://service.giosg.com' }).diagnostics.map((item) => item.path)).toEqual([['apiBaseUrl']]);
    expect(thrown({ apiToken, organizationId, apiBaseUrl: 'https://user:pass@service.giosg.com' }).diagnostics.map((item) => item.path)).toEqual([['apiBaseUrl']]);
    expect(thrown({ apiToken, organizationId, retries: 99 }).diagnostics.map((item) => item.path)).toEqual([['retries']]);
    expect(thrown(null).diagnostics.length).toBeGreaterThan(0);
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('trap'); } });
    expect(thrown(hostile).code).toBe('invalid_option');
  });

  it('never quotes the token, even a malformed one', () => {
    for (const badToken of [`${apiToken}\n`, `${apiToken} extra`, '']) {
      const error = thrown({ apiToken: badToken, organizationId });
      expect(error.diagnostics.map((item) => item.path)).toEqual([['apiToken']]);
      if (badToken !== '') expect(JSON.stringify({ message: error.message, diagnostics: error.diagnostics })).not.toContain(apiToken);
    }
  });

  it('defaults to https://service.giosg.com and keeps a proxy path prefix without its trailing slash', () => {
    expect(createGiosgServerClient({ apiToken, organizationId })).toEqual({ vendor: 'giosg', organizationId, apiBaseUrl: 'https://service.giosg.com' });
    expect(createGiosgServerClient({ apiToken, organizationId, apiBaseUrl: 'https://proxy.example/giosg/' }).apiBaseUrl).toBe('https://proxy.example/giosg');
  });

  it('a look-alike object is not a client', async () => {
    const pushed = await pushGiosgVisitorVariables({ vendor: 'giosg', organizationId, apiBaseUrl: standIn.url }, visitor, customer);
    expect(pushed.diagnostics.map((item) => [item.code, item.path])).toEqual([['invalid_option', ['client']]]);
  });
});

describe('the giosg API stand-in (testkit createGiosgApiRoute)', () => {
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${standIn.url}${path}`, { ...init, headers: { authorization: `Token ${apiToken}`, 'content-type': 'application/json', ...init.headers } });

  it('implements the documented contract: Token auth, POST { key, value } → 201, GET lists giosg-style', async () => {
    const created = await call(variablesPath, { method: 'POST', body: JSON.stringify({ key: 'plan', value: 'pro' }) });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ key: 'plan', value: 'pro' });
    const listed = await call(variablesPath);
    expect(await listed.json()).toMatchObject({ next: null, previous: null, results: [{ key: 'plan', value: 'pro' }] });
  });

  it('answers as giosg does to a bad token, another organization, unknown ids, a missing attribute and other methods', async () => {
    const statusOf = async (path: string, init: RequestInit = {}) => (await call(path, init)).status;
    const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });
    expect(await statusOf(variablesPath, { ...post({ key: 'a', value: 'b' }), headers: { authorization: `Bearer ${apiToken}` } })).toBe(401);
    expect(await statusOf(variablesPath.replace(organizationId, 'another-org'), post({ key: 'a', value: 'b' }))).toBe(403);
    expect(await statusOf(variablesPath.replace(roomId, 'another-room'), post({ key: 'a', value: 'b' }))).toBe(404);
    expect(await statusOf(variablesPath.replace(visitorId, 'another-visitor'), post({ key: 'a', value: 'b' }))).toBe(404);
    expect(await statusOf(`${variablesPath}/extra`, post({ key: 'a', value: 'b' }))).toBe(404);
    expect(await statusOf(variablesPath, post({ value: 'b' }))).toBe(400);
    expect(await statusOf(variablesPath, post({ key: 'a' }))).toBe(400);
    expect(await statusOf(variablesPath, post([]))).toBe(400);
    expect(await statusOf(variablesPath, { method: 'DELETE' })).toBe(405);
    expect(api.variables(roomId, visitorId)).toEqual([]);
  });
});
