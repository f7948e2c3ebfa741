import { afterEach, describe, expect, it } from 'vitest';
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
