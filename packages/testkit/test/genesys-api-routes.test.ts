import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGenesysApiRoutes, genesysErrorResponse, startHttpStandIn, type GenesysApiRoutes, type HttpStandIn } from '../src/http-stand-in.js';

const conversationId = 'c5b2a3f0-8c7e-4a57-9f4e-2d7c1e6b9a10';
const participantId = '0f1e2d3c-4b5a-4968-8776-655443322110';
const basic = `Basic ${btoa('client-id:client-secret')}`;
const form = 'application/x-www-form-urlencoded';

let routes: GenesysApiRoutes;
let standIn: HttpStandIn;

beforeEach(async () => {
  routes = createGenesysApiRoutes({
    clientId: 'client-id',
    clientSecret: 'client-secret',
    tokenLifetimeSeconds: 300,
    conversations: [{ id: conversationId, participants: [{ id: participantId, purpose: 'customer', attributes: { kept: 'yes' } }] }],
  });
  standIn = await startHttpStandIn(routes.route);
});

afterEach(async () => {
  await standIn.close();
});

async function token(): Promise<string> {
  const response = await fetch(`${standIn.url}/oauth/token`, { method: 'POST', headers: { authorization: basic, 'content-type': form }, body: 'grant_type=client_credentials' });
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

describe('createGenesysApiRoutes: the token endpoint', () => {
  it('issues a bearer token for the right client, with expires_in and a correlation id', async () => {
    const response = await fetch(`${standIn.url}/oauth/token`, { method: 'POST', headers: { authorization: basic, 'content-type': form }, body: 'grant_type=client_credentials' });
    expect(response.status).toBe(200);
    expect(response.headers.get('inin-correlation-id')).toMatch(/^stand-in-\d{4}$/);
    expect(await response.json()).toEqual({ access_token: routes.issuedTokens[0], token_type: 'bearer', expires_in: 300 });
  });

  it.each([
    ['no Basic header', {}, 'grant_type=client_credentials', 401, 'invalid_client'],
    ['a wrong secret', { authorization: `Basic ${btoa('client-id:wrong')}` }, 'grant_type=client_credentials', 400, 'invalid_client'],
    ['another grant type', { authorization: basic }, 'grant_type=password', 400, 'unsupported_grant_type'],
  ])('refuses %s', async (_label, headers, body, status, error) => {
    const response = await fetch(`${standIn.url}/oauth/token`, { method: 'POST', headers: { 'content-type': form, ...headers }, body });
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error });
    expect(routes.issuedTokens).toEqual([]);
  });
});

describe('createGenesysApiRoutes: the API', () => {
  it('serves the conversation and merges PATCHed attributes, with a valid bearer token only', async () => {
    const bearer = `Bearer ${await token()}`;
    const conversation = await fetch(`${standIn.url}/api/v2/conversations/${conversationId}`, { headers: { authorization: bearer } });
    expect(await conversation.json()).toEqual({ id: conversationId, participants: [{ id: participantId, purpose: 'customer', attributes: { kept: 'yes' } }] });

    const patch = await fetch(`${standIn.url}/api/v2/conversations/${conversationId}/participants/${participantId}/attributes`, {
      method: 'PATCH',
      headers: { authorization: bearer, 'content-type': 'application/json' },
      body: JSON.stringify({ attributes: { plan: 'pro' } }),
    });
    expect(patch.status).toBe(202);
    expect(await patch.text()).toBe('');
    expect(routes.attributesOf(conversationId, participantId)).toEqual({ kept: 'yes', plan: 'pro' });

    routes.revokeTokens();
    const revoked = await fetch(`${standIn.url}/api/v2/conversations/${conversationId}`, { headers: { authorization: bearer } });
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toMatchObject({ code: 'bad.credentials', status: 401 });
  });

  it('refuses non-string attribute values, unknown participants and unknown paths as Genesys does', async () => {
    const bearer = `Bearer ${await token()}`;
    const patch = (participant: string, body: string) =>
      fetch(`${standIn.url}/api/v2/conversations/${conversationId}/participants/${participant}/attributes`, {
        method: 'PATCH',
        headers: { authorization: bearer, 'content-type': 'application/json' },
        body,
      });
    expect((await patch(participantId, JSON.stringify({ attributes: { seats: 12 } }))).status).toBe(400);
    expect((await patch(participantId, JSON.stringify({ seats: '12' }))).status).toBe(400);
    expect((await patch('00000000-0000-4000-8000-000000000000', JSON.stringify({ attributes: {} }))).status).toBe(404);
    expect((await fetch(`${standIn.url}/api/v2/users/me`, { headers: { authorization: bearer } })).status).toBe(404);
    expect(routes.attributesOf(conversationId, participantId)).toEqual({ kept: 'yes' });
  });

  it('scripts Genesys-shaped errors, 429 with Retry-After', async () => {
    standIn.respondNext(genesysErrorResponse(429, { retryAfterSeconds: 3, correlationId: 'corr-1' }));
    const response = await fetch(`${standIn.url}/api/v2/conversations/${conversationId}`);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(response.headers.get('inin-correlation-id')).toBe('corr-1');
    expect(await response.json()).toMatchObject({ code: 'too.many.requests', status: 429 });
  });
});
