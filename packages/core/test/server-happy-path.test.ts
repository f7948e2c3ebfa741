import { afterEach, describe, expect, it } from 'vitest';
import { sendVendorRequest } from '../src/server/index.js';
// The stand-in's source, not the testkit package: testkit depends on core, so core cannot depend on it back.
import { startHttpStandIn, type HttpStandIn } from '../../testkit/src/http/start-http-stand-in.js';

let standIn: HttpStandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

describe('sendVendorRequest happy path', () => {
  it('PATCHes JSON to a local stand-in and returns its parsed answer and request id', async () => {
    standIn = await startHttpStandIn(() => ({ status: 200, headers: { 'inin-correlation-id': 'corr-1' }, body: { id: 'p1' } }));
    const result = await sendVendorRequest({
      vendor: 'genesys',
      operation: 'update participant attributes',
      method: 'PATCH',
      url: `${standIn.url}/api/v2/conversations/c1/participants/p1/attributes`,
      headers: { authorization: 'Bearer token-123', 'content-type': 'application/json' },
      body: JSON.stringify({ attributes: { a: '1' } }),
      secrets: ['token-123'],
      requestIdHeaders: ['inin-correlation-id'],
    });
    expect(result).toMatchObject({ ok: true, diagnostics: [], value: { status: 200, requestId: 'corr-1', body: { id: 'p1' }, attempts: 1 } });
    expect(standIn.requests).toHaveLength(1);
    expect(standIn.requests[0]).toMatchObject({
      method: 'PATCH',
      path: '/api/v2/conversations/c1/participants/p1/attributes',
      json: { attributes: { a: '1' } },
      headers: { authorization: 'Bearer token-123', 'content-type': 'application/json' },
    });
  });
});
