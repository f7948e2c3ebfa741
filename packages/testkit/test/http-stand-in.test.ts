import { afterEach, describe, expect, it } from 'vitest';
import { reachableImports } from '../src/reachable-imports.js';
import { startHttpStandIn, type HttpStandIn } from '../src/http-stand-in.js';

let standIn: HttpStandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

describe('startHttpStandIn', () => {
  it('listens on 127.0.0.1, records each request exactly and answers with the route', async () => {
    standIn = await startHttpStandIn((request) => ({ status: 201, headers: { 'x-request-id': 'r1' }, body: { seen: request.path } }));
    expect(standIn.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${standIn.url}/a/b?x=1&x=2`, { method: 'PATCH', headers: { 'content-type': 'application/json', 'x-custom': 'v' }, body: '{"k":[1]}' });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-request-id')).toBe('r1');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ seen: '/a/b' });
    expect(standIn.requests).toHaveLength(1);
    const [recorded] = standIn.requests;
    expect(recorded?.method).toBe('PATCH');
    expect(recorded?.path).toBe('/a/b');
    expect(recorded?.query.getAll('x')).toEqual(['1', '2']);
    expect(recorded?.headers['x-custom']).toBe('v');
    expect(recorded?.bodyText).toBe('{"k":[1]}');
    expect(recorded?.json).toEqual({ k: [1] });
  });
});

describe('startHttpStandIn scripting and edges', () => {
  it('respondNext answers the next calls in order, then the route answers again', async () => {
    standIn = await startHttpStandIn(() => ({ status: 200, body: 'route' }));
    standIn.respondNext({ status: 429, headers: { 'retry-after': '1' } }, { status: 503, body: 'busy' });
    const answers = [];
    for (let index = 0; index < 3; index++) {
      const response = await fetch(`${standIn.url}/x`);
      answers.push([response.status, response.headers.get('retry-after'), await response.text()]);
    }
    expect(answers).toEqual([
      [429, '1', ''],
      [503, null, 'busy'],
      [200, null, 'route'],
    ]);
    expect(standIn.requests.map((request) => request.path)).toEqual(['/x', '/x', '/x']);
  });

  it('sends strings as text, bytes as they are, other values as JSON, and keeps a content type that is given', async () => {
    standIn = await startHttpStandIn((request) => {
      if (request.path === '/text') return { status: 200, body: 'plain' };
      if (request.path === '/bytes') return { status: 200, body: new Uint8Array([1, 2, 3]) };
      if (request.path === '/typed') return { status: 200, headers: { 'Content-Type': 'application/problem+json' }, body: { title: 't' } };
      return { status: 200, body: [1, { a: null }] };
    });
    const text = await fetch(`${standIn.url}/text`);
    expect([text.headers.get('content-type'), await text.text()]).toEqual(['text/plain; charset=utf-8', 'plain']);
    const bytes = await fetch(`${standIn.url}/bytes`);
    expect([...new Uint8Array(await bytes.arrayBuffer())]).toEqual([1, 2, 3]);
    const typed = await fetch(`${standIn.url}/typed`);
    expect([typed.headers.get('content-type'), await typed.json()]).toEqual(['application/problem+json', { title: 't' }]);
    const json = await fetch(`${standIn.url}/json`);
    expect([json.headers.get('content-type'), await json.json()]).toEqual(['application/json', [1, { a: null }]]);
  });

  it('records a form body as text (json undefined) and a request without body as empty', async () => {
    standIn = await startHttpStandIn(() => ({ status: 204 }));
    await fetch(`${standIn.url}/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials' }) });
    await fetch(`${standIn.url}/get`);
    expect(standIn.requests.map((request) => [request.bodyText, request.json, request.headers['content-type']])).toEqual([
      ['grant_type=client_credentials', undefined, 'application/x-www-form-urlencoded;charset=UTF-8'],
      ['', undefined, undefined],
    ]);
  });

  it('delays an answer by delayMs', async () => {
    standIn = await startHttpStandIn(() => ({ status: 200, delayMs: 80 }));
    const started = performance.now();
    await fetch(standIn.url);
    expect(performance.now() - started).toBeGreaterThanOrEqual(78);
  });

  it('answers 413 to a body over 1 MiB without calling the route, and 500 when the route throws', async () => {
    let calls = 0;
    standIn = await startHttpStandIn((request) => {
      calls++;
      throw new Error(`no route for ${request.path}`);
    });
    const big = await fetch(`${standIn.url}/big`, { method: 'POST', body: 'x'.repeat(1_048_577) });
    expect(big.status).toBe(413);
    expect(calls).toBe(0);
    // Recorded, with the body cut at the limit.
    expect(standIn.requests[0]?.bodyText.length).toBeGreaterThan(0);
    expect(standIn.requests[0]?.bodyText.length).toBeLessThanOrEqual(1_048_576);
    const broken = await fetch(`${standIn.url}/nowhere`);
    expect([broken.status, await broken.json()]).toEqual([500, { message: "The stand-in's route threw: no route for /nowhere" }]);
  });

  it('close ends pending (delayed) requests and open connections at once, and can be called twice', async () => {
    standIn = await startHttpStandIn(() => ({ status: 200, delayMs: 60_000 }));
    const pending = fetch(standIn.url).then(
      () => 'answered',
      () => 'connection closed',
    );
    while (standIn.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const started = performance.now();
    await standIn.close();
    await standIn.close();
    expect(await pending).toBe('connection closed');
    expect(performance.now() - started).toBeLessThan(1_000);
    await expect(fetch(standIn.url)).rejects.toThrow();
  });
});

describe('entry boundaries', () => {
  it.each(['../src/index.ts', '../src/stand-ins.ts'])('%s never reaches the Node-only HTTP stand-in', (entry) => {
    const reached = [...reachableImports(new URL(entry, import.meta.url))];
    expect(reached.filter((name) => name.includes('http') || name === 'node:net')).toEqual([]);
  });

  it('the HTTP stand-in entry reaches node:http (so it is not the browser-safe one)', () => {
    expect([...reachableImports(new URL('../src/http-stand-in.ts', import.meta.url))]).toContain('node:http');
  });
});
