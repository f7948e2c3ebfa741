import type { Diagnostic, VisitorContext } from '@visitor-context/core';
import { visitorContextArbitrary } from '@visitor-context/testkit';
import fc from 'fast-check';
import { createGenesysApiRoutes, genesysErrorResponse, startHttpStandIn, type GenesysApiRoutes, type HttpStandIn, type RecordedRequest } from '@visitor-context/testkit/http-stand-in';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { genesysAdapter } from './index.js';
import { createGenesysServerClient, pushGenesysParticipantAttributes, type GenesysServerClient, type GenesysServerClientOptions } from './server.js';

const clientId = '7a1c2e3f-0b4d-4e5f-8a6b-9c0d1e2f3a4b';
const clientSecret = 'genesys-Secret_9f8e7d6c+/=~value';
const basic = btoa(`${clientId}:${clientSecret}`);
const conversationId = 'c5b2a3f0-8c7e-4a57-9f4e-2d7c1e6b9a10';
const customerId = '0f1e2d3c-4b5a-4968-8776-655443322110';
const agentId = 'aa0e2d3c-4b5a-4968-8776-6554433221bb';
const externalConversationId = 'e0000000-8c7e-4a57-9f4e-2d7c1e6b9a10';
const externalId = 'e1111111-4b5a-4968-8776-655443322110';
const twoCustomersConversationId = 'd0000000-8c7e-4a57-9f4e-2d7c1e6b9a10';
const agentsOnlyConversationId = 'a0000000-8c7e-4a57-9f4e-2d7c1e6b9a10';

/** A context whose number becomes text: the push reports that (value_coerced) as toVendor does. */
const contextWithNumber: VisitorContext = {
  visitor: { id: 'C-1001', name: 'Ada Lovelace', email: 'ada@example.com' },
  page: { url: 'https://shop.example.com/checkout', title: 'Checkout' },
  attributes: { plan: 'pro', seats: 12 },
};

/** A context that translates without warnings, so failures show only the failure's own diagnostics. */
const context: VisitorContext = { visitor: { id: 'C-1001', email: 'ada@example.com' }, attributes: { plan: 'pro' } };

/** What `toVendor` makes of the context: the push must send exactly this. */
function translated(value: VisitorContext): { attributes: Record<string, string>; warnings: readonly Diagnostic[] } {
  const result = genesysAdapter.toVendor(value, { channel: 'attributes' });
  if (!result.ok || result.value.channel !== 'attributes') throw new Error('the test context must translate');
  return { attributes: result.value.customAttributes, warnings: result.diagnostics };
}

let routes: GenesysApiRoutes;
let standIn: HttpStandIn;

beforeEach(async () => {
  routes = createGenesysApiRoutes({
    clientId,
    clientSecret,
    conversations: [
      {
        id: conversationId,
        participants: [
          { id: agentId, purpose: 'agent' },
          { id: customerId, purpose: 'customer', attributes: { 'context.firstName': 'Ada', keptFromFlow: 'yes' } },
        ],
      },
      { id: externalConversationId, participants: [{ id: agentId, purpose: 'agent' }, { id: externalId, purpose: 'external' }] },
      {
        id: twoCustomersConversationId,
        participants: [
          { id: customerId, purpose: 'customer' },
          { id: externalId, purpose: 'customer' },
        ],
      },
      { id: agentsOnlyConversationId, participants: [{ id: agentId, purpose: 'agent' }, { id: externalId, purpose: 'acd' }] },
    ],
  });
  standIn = await startHttpStandIn(routes.route);
});

afterEach(async () => {
  vi.useRealTimers();
  await standIn.close();
});

/** A client that sends to the stand-in, with tiny time bounds so retries and timeouts stay fast. */
function client(options: Partial<GenesysServerClientOptions> = {}): GenesysServerClient {
  return createGenesysServerClient({
    clientId,
    clientSecret,
    apiBaseUrl: standIn.url,
    loginBaseUrl: standIn.url,
    timeoutMs: 1000,
    maxRetryDelayMs: 50,
    totalTimeoutMs: 3000,
    ...options,
  });
}

const summary = (request: RecordedRequest): string => `${request.method} ${request.path}`;
const tokenRequest = 'POST /oauth/token';
const conversationRequest = `GET /api/v2/conversations/${conversationId}`;
const patchRequest = (conversation: string, participant: string): string => `PATCH /api/v2/conversations/${conversation}/participants/${participant}/attributes`;

/** No secret, token or Basic credential anywhere in what a caller can see. */
function expectNoSecrets(value: unknown): void {
  const text = JSON.stringify(value);
  expect(text).not.toContain(clientSecret);
  expect(text).not.toContain(basic);
  for (const token of routes.issuedTokens) expect(text).not.toContain(token);
}

describe('the requests sent', () => {
  it('gets a token, finds the customer participant, and PATCHes exactly the translated attributes', async () => {
    const result = await pushGenesysParticipantAttributes(client(), { conversationId }, contextWithNumber);
    const { attributes, warnings } = translated(contextWithNumber);

    expect(standIn.requests.map(summary)).toEqual([tokenRequest, conversationRequest, patchRequest(conversationId, customerId)]);
    const [token, conversation, patch] = standIn.requests as [RecordedRequest, RecordedRequest, RecordedRequest];
    expect(token.headers).toMatchObject({ authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' });
    expect(token.bodyText).toBe('grant_type=client_credentials');
    const bearer = `Bearer ${routes.issuedTokens[0]}`;
    expect(conversation.headers).toMatchObject({ authorization: bearer, accept: 'application/json' });
    expect(conversation.bodyText).toBe('');
    expect(patch.headers).toMatchObject({ authorization: bearer, 'content-type': 'application/json', accept: 'application/json' });
    expect(patch.bodyText).toBe(JSON.stringify({ attributes }));
    expect(attributes).toEqual({
      customerId: 'C-1001',
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      pageUrl: 'https://shop.example.com/checkout',
      pageTitle: 'Checkout',
      plan: 'pro',
      seats: '12',
    });

    expect(result).toEqual({
      ok: true,
      value: {
        conversationId,
        participantId: customerId,
        participantSource: 'looked-up',
        attributes,
        status: 202,
        requestId: expect.stringMatching(/^stand-in-\d{4}$/),
      },
      diagnostics: warnings,
    });
    expect(warnings.map((item) => [item.code, item.path])).toEqual([['value_coerced', ['attributes', 'seats']]]);
  });

  it('leaves the participant\'s other attributes alone: Genesys merges what is sent', async () => {
    await pushGenesysParticipantAttributes(client(), { conversationId, participantId: customerId }, { attributes: { plan: 'pro' } });
    expect(routes.attributesOf(conversationId, customerId)).toEqual({ 'context.firstName': 'Ada', keptFromFlow: 'yes', plan: 'pro' });
  });

  it('skips the look-up when the participant is given', async () => {
    const result = await pushGenesysParticipantAttributes(client(), { conversationId, participantId: customerId }, context);
    expect(result.ok && result.value.participantSource).toBe('given');
    expect(standIn.requests.map(summary)).toEqual([tokenRequest, patchRequest(conversationId, customerId)]);
  });

  it('sends dotted attribute names as toVendor does, with the same warning', async () => {
    const dotted: VisitorContext = { attributes: { 'order.id': 'A-7' } };
    const result = await pushGenesysParticipantAttributes(client(), { conversationId, participantId: customerId }, dotted);
    expect(result.ok).toBe(true);
    expect(result.diagnostics).toEqual(translated(dotted).warnings);
    expect(result.diagnostics.map((item) => item.code)).toEqual(['dotted_attribute_name']);
    expect(standIn.requests.at(-1)?.json).toEqual({ attributes: { 'order.id': 'A-7' } });
  });
});

describe('the same translation as toVendor', () => {
  it('sends, for any context, exactly what toVendor(context, { channel: "attributes" }) produces, with the same diagnostics', async () => {
    const genesys = client();
    await fc.assert(
      fc.asyncProperty(visitorContextArbitrary(), async (value) => {
        const before = standIn.requests.length;
        const expected = genesysAdapter.toVendor(value, { channel: 'attributes' });
        const result = await pushGenesysParticipantAttributes(genesys, { conversationId, participantId: customerId }, value);
        const patches = standIn.requests.slice(before).filter((request) => request.method === 'PATCH');
        if (!expected.ok || expected.value.channel !== 'attributes' || Object.keys(expected.value.customAttributes).length === 0) {
          expect(result.ok).toBe(false);
          expect(patches).toEqual([]);
          expect(result.diagnostics.slice(0, expected.diagnostics.length)).toEqual(expected.diagnostics);
          return;
        }
        expect(patches.map((request) => request.bodyText)).toEqual([JSON.stringify({ attributes: expected.value.customAttributes })]);
        expect(result).toEqual({ ok: true, value: expect.objectContaining({ attributes: expected.value.customAttributes }), diagnostics: expected.diagnostics });
      }),
      { numRuns: 10 },
    );
  });
});

describe('access tokens', () => {
  it('reuses the token for later pushes', async () => {
    const genesys = client();
    await pushGenesysParticipantAttributes(genesys, { conversationId, participantId: customerId }, context);
    await pushGenesysParticipantAttributes(genesys, { conversationId, participantId: customerId }, context);
    expect(standIn.requests.map(summary)).toEqual([tokenRequest, patchRequest(conversationId, customerId), patchRequest(conversationId, customerId)]);
  });

  it('asks for a new token shortly before the old one expires', async () => {
    await standIn.close();
    routes = createGenesysApiRoutes({ clientId, clientSecret, tokenLifetimeSeconds: 600, conversations: [{ id: conversationId, participants: [{ id: customerId, purpose: 'customer' }] }] });
    standIn = await startHttpStandIn(routes.route);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T10:00:00Z'));
    const genesys = client();
    const target = { conversationId, participantId: customerId };
    await pushGenesysParticipantAttributes(genesys, target, context);
    vi.setSystemTime(new Date('2026-12-01T10:08:59Z')); // 539 s of 600: still more than a minute left
    await pushGenesysParticipantAttributes(genesys, target, context);
    expect(routes.issuedTokens).toHaveLength(1);
    vi.setSystemTime(new Date('2026-12-01T10:09:01Z')); // under a minute left: renew first
    await pushGenesysParticipantAttributes(genesys, target, context);
    expect(routes.issuedTokens).toHaveLength(2);
    expect(standIn.requests.at(-1)?.headers['authorization']).toBe(`Bearer ${routes.issuedTokens[1]}`);
  });

  it('shares one token request among concurrent pushes', async () => {
    const genesys = client();
    standIn.respondNext({ status: 200, body: { access_token: 'shared-token-1', token_type: 'bearer', expires_in: 86_399 }, delayMs: 50 });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => pushGenesysParticipantAttributes(genesys, { conversationId, participantId: customerId }, context)),
    );
    // The scripted token is not one the stand-in issued, so every PATCH is refused once, then all share one renewal.
    expect(results.every((result) => result.ok)).toBe(true);
    const tokens = standIn.requests.filter((request) => summary(request) === tokenRequest);
    expect(tokens).toHaveLength(2);
    expect(routes.issuedTokens).toHaveLength(1);
  });

  it('shares one token request among concurrent pushes that all succeed at once', async () => {
    const genesys = client();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => pushGenesysParticipantAttributes(genesys, { conversationId, participantId: customerId }, context)),
    );
    expect(results.map((result) => result.ok)).toEqual([true, true, true, true, true]);
    expect(standIn.requests.map(summary).filter((line) => line === tokenRequest)).toHaveLength(1);
    expect(standIn.requests.map(summary).filter((line) => line.startsWith('PATCH'))).toHaveLength(5);
  });

  it('renews a token the API refuses (401) once, and sends again', async () => {
    const genesys = client();
    await pushGenesysParticipantAttributes(genesys, { conversationId, participantId: customerId }, context);
    routes.revokeTokens();
    const result = await pushGenesysParticipantAttributes(genesys, { conversationId, participantId: customerId }, context);
    expect(result.ok).toBe(true);
    expect(standIn.requests.map(summary).slice(2)).toEqual([patchRequest(conversationId, customerId), tokenRequest, patchRequest(conversationId, customerId)]);
    expect(standIn.requests.at(-1)?.headers['authorization']).toBe(`Bearer ${routes.issuedTokens[1]}`);
  });

  it('gives up with unauthorized when the new token is refused too', async () => {
    await standIn.close();
    const inner = createGenesysApiRoutes({ clientId, clientSecret });
    routes = inner;
    standIn = await startHttpStandIn((request) => (request.path.startsWith('/api/') ? genesysErrorResponse(401, { correlationId: 'corr-401' }) : inner.route(request)));
    const result = await pushGenesysParticipantAttributes(client(), { conversationId, participantId: customerId }, context);
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'unauthorized', severity: 'error', status: 401, requestId: 'corr-401' })]);
    expect(standIn.requests.map(summary)).toEqual([tokenRequest, patchRequest(conversationId, customerId), tokenRequest, patchRequest(conversationId, customerId)]);
    expectNoSecrets(result);
  });

  it('does not renew on 403 (missing permission): a new token would not help', async () => {
    const genesys = client();
    standIn.respondNext({ status: 200, body: { access_token: 'unused', token_type: 'bearer', expires_in: 86_399 } });
    standIn.respondNext(genesysErrorResponse(403, { correlationId: 'corr-403' }));
    const result = await pushGenesysParticipantAttributes(genesys, { conversationId, participantId: customerId }, context);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'unauthorized', status: 403, requestId: 'corr-403' })]);
    expect(standIn.requests.map(summary)).toEqual([tokenRequest, patchRequest(conversationId, customerId)]);
  });

  it('reports wrong client credentials as unauthorized, with the vendor status, and shows no secret', async () => {
    const wrong = createGenesysServerClient({ clientId, clientSecret: 'not-the-secret-1234', apiBaseUrl: standIn.url, loginBaseUrl: standIn.url, timeoutMs: 1000 });
    const result = await pushGenesysParticipantAttributes(wrong, { conversationId }, context);
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'unauthorized', status: 400 })]);
    expect(result.diagnostics[0]?.message).toContain('client not found');
    expect(JSON.stringify(result)).not.toContain('not-the-secret-1234');
    expect(JSON.stringify(result)).not.toContain(btoa(`${clientId}:not-the-secret-1234`));
    expect(standIn.requests.map(summary)).toEqual([tokenRequest]);
  });

  it('refuses a token answer without a token or lifetime (vendor_error), and tries again on the next push', async () => {
    const genesys = client();
    standIn.respondNext({ status: 200, body: { token_type: 'bearer', expires_in: 60 } });
    const first = await pushGenesysParticipantAttributes(genesys, { conversationId, participantId: customerId }, context);
    expect(first.diagnostics.map((item) => item.code)).toEqual(['vendor_error']);
    standIn.respondNext({ status: 200, body: { access_token: 'x', token_type: 'bearer' } });
    const second = await pushGenesysParticipantAttributes(genesys, { conversationId, participantId: customerId }, context);
    expect(second.diagnostics.map((item) => item.code)).toEqual(['vendor_error']);
    const third = await pushGenesysParticipantAttributes(genesys, { conversationId, participantId: customerId }, context);
    expect(third.ok).toBe(true);
  });
});

describe('finding the visitor participant', () => {
  it('takes the one external participant when there is no customer, with a warning', async () => {
    const result = await pushGenesysParticipantAttributes(client(), { conversationId: externalConversationId }, { attributes: { plan: 'pro' } });
    expect(result.ok && result.value.participantId).toBe(externalId);
    expect(result.diagnostics.map((item) => [item.code, item.path])).toEqual([['value_guessed', ['participantId']]]);
  });

  it('under strict, a guessed participant stops the push before anything is written', async () => {
    const result = await pushGenesysParticipantAttributes(client(), { conversationId: externalConversationId }, { attributes: { plan: 'pro' } }, { strict: true });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((item) => [item.code, item.severity])).toEqual([['value_guessed', 'error']]);
    expect(standIn.requests.map(summary)).toEqual([tokenRequest, `GET /api/v2/conversations/${externalConversationId}`]);
  });

  it('looks for the purpose asked for', async () => {
    const result = await pushGenesysParticipantAttributes(client(), { conversationId }, { attributes: { plan: 'pro' } }, { participantPurpose: 'agent' });
    expect(result.ok && result.value.participantId).toBe(agentId);
    expect(result.diagnostics).toEqual([]);
  });

  it('fails with participant_ambiguous when several participants could be the visitor', async () => {
    const result = await pushGenesysParticipantAttributes(client(), { conversationId: twoCustomersConversationId }, context);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'participant_ambiguous', path: ['participantId'] })]);
    expect(result.diagnostics[0]?.message).toContain(customerId);
    expect(standIn.requests.some((request) => request.method === 'PATCH')).toBe(false);
  });

  it('fails with participant_not_found when no participant has the purpose', async () => {
    const result = await pushGenesysParticipantAttributes(client(), { conversationId: agentsOnlyConversationId }, context);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'participant_not_found' })]);
    expect(result.diagnostics[0]?.message).toContain('agent, acd');
  });

  it('fails with vendor_error when the conversation has no participants list', async () => {
    const genesys = client();
    standIn.respondNext({ status: 200, body: { access_token: routes.issuedTokens[0] ?? 'x', token_type: 'bearer', expires_in: 86_399 } });
    standIn.respondNext({ status: 200, body: '<html>maintenance</html>', headers: { 'content-type': 'text/html' } });
    const result = await pushGenesysParticipantAttributes(genesys, { conversationId }, context);
    expect(result.diagnostics.map((item) => item.code)).toEqual(['vendor_error']);
  });
});

describe('HTTP outcomes', () => {
  it('maps 404 to not_found with the status and Genesys\' correlation id', async () => {
    const unknown = 'f0000000-0000-4000-8000-000000000000';
    const result = await pushGenesysParticipantAttributes(client(), { conversationId: unknown }, context);
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'not_found', status: 404, requestId: expect.stringMatching(/^stand-in-/) })]);
    expect(result.diagnostics[0]?.message).toContain(`The conversation ${unknown} was not found.`);
  });

  it('waits as Retry-After says on 429, then succeeds', async () => {
    const genesys = client();
    await pushGenesysParticipantAttributes(genesys, { conversationId, participantId: customerId }, context);
    standIn.respondNext({ ...genesysErrorResponse(429), headers: { 'retry-after': '0', 'inin-correlation-id': 'corr-429' } });
    const result = await pushGenesysParticipantAttributes(genesys, { conversationId, participantId: customerId }, context);
    expect(result.ok).toBe(true);
    expect(standIn.requests.map(summary).slice(2)).toEqual([patchRequest(conversationId, customerId), patchRequest(conversationId, customerId)]);
  });

  it('stops with rate_limited when Genesys asks to wait longer than allowed', async () => {
    const genesys = client();
    await pushGenesysParticipantAttributes(genesys, { conversationId, participantId: customerId }, context);
    standIn.respondNext(genesysErrorResponse(429, { retryAfterSeconds: 30, correlationId: 'corr-429' }));
    const result = await pushGenesysParticipantAttributes(genesys, { conversationId, participantId: customerId }, context);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'rate_limited', status: 429, requestId: 'corr-429' })]);
  });

  it('maps other refusals to vendor_rejected, quoting Genesys\' message', async () => {
    const genesys = client();
    await pushGenesysParticipantAttributes(genesys, { conversationId, participantId: customerId }, context);
    standIn.respondNext({ status: 400, headers: { 'inin-correlation-id': 'corr-400' }, body: { message: 'Attribute value too long', code: 'bad.request', status: 400 } });
    const result = await pushGenesysParticipantAttributes(genesys, { conversationId, participantId: customerId }, context);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'vendor_rejected', status: 400, requestId: 'corr-400' })]);
    expect(result.diagnostics[0]?.message).toContain('Attribute value too long');
  });

  it('times out a slow answer', async () => {
    const genesys = client({ timeoutMs: 100, retries: 0 });
    await pushGenesysParticipantAttributes(genesys, { conversationId, participantId: customerId }, context);
    standIn.respondNext({ status: 202, delayMs: 1000 });
    const result = await pushGenesysParticipantAttributes(genesys, { conversationId, participantId: customerId }, context);
    expect(result.diagnostics.map((item) => item.code)).toEqual(['timeout']);
  });

  it('reports an unreachable host as network_error', async () => {
    const closed = await startHttpStandIn(() => ({ status: 200 }));
    const url = closed.url;
    await closed.close();
    const result = await pushGenesysParticipantAttributes(client({ apiBaseUrl: url, loginBaseUrl: url, retries: 0 }), { conversationId }, context);
    expect(result.diagnostics.map((item) => item.code)).toEqual(['network_error']);
  });

  it('stops when the push\'s signal aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await pushGenesysParticipantAttributes(client(), { conversationId }, context, { signal: controller.signal });
    expect(result.diagnostics.map((item) => item.code)).toEqual(['aborted']);
  });

  it('keeps every secret and token out of every diagnostic', async () => {
    const genesys = client({ retries: 0 });
    const results = [await pushGenesysParticipantAttributes(genesys, { conversationId: 'f0000000-0000-4000-8000-000000000000' }, context)];
    // A vendor that echoes the request back must not leak it either.
    standIn.respondNext({ status: 400, body: { message: `Bad header: ${standIn.requests[0]?.headers['authorization']} and ${clientSecret}` } });
    results.push(await pushGenesysParticipantAttributes(genesys, { conversationId, participantId: customerId }, context));
    standIn.respondNext({ status: 500, body: { message: `Echo: Bearer ${routes.issuedTokens[0]}` } });
    results.push(await pushGenesysParticipantAttributes(genesys, { conversationId, participantId: customerId }, context));
    expect(results.map((result) => result.diagnostics[0]?.code)).toEqual(['not_found', 'vendor_rejected', 'vendor_rejected']);
    for (const result of results) expectNoSecrets(result);
  });
});

describe('checks before anything is sent', () => {
  it.each([
    ['a path in the conversation id', { conversationId: '../../users/me' }, ['conversationId']],
    ['a non-UUID participant id', { conversationId, participantId: 'abc/attributes' }, ['participantId']],
    ['a missing conversation id', {}, ['conversationId']],
    ['an encoded slash', { conversationId: 'c5b2a3f0%2F8c7e-4a57-9f4e-2d7c1e6b9a10' }, ['conversationId']],
  ])('refuses %s (invalid_option)', async (_label, target, path) => {
    const result = await pushGenesysParticipantAttributes(client(), target as never, context);
    expect(result.diagnostics.map((item) => [item.code, item.path])).toEqual([['invalid_option', path]]);
    expect(standIn.requests).toEqual([]);
  });

  it('refuses a client not made by createGenesysServerClient', async () => {
    const fake = { region: 'mypurecloud.com', apiBaseUrl: standIn.url, loginBaseUrl: standIn.url, toString: () => '', toJSON: () => ({}) } as unknown as GenesysServerClient;
    const result = await pushGenesysParticipantAttributes(fake, { conversationId }, context);
    expect(result.diagnostics.map((item) => [item.code, item.path])).toEqual([['invalid_option', ['client']]]);
  });

  it('refuses unknown options with a suggestion', async () => {
    const result = await pushGenesysParticipantAttributes(client(), { conversationId }, context, { stric: true } as never);
    expect(result.diagnostics[0]?.message).toContain('Did you mean "strict"?');
    expect(standIn.requests).toEqual([]);
  });

  it('reports an invalid context with the translation\'s diagnostics, sending nothing', async () => {
    const result = await pushGenesysParticipantAttributes(client(), { conversationId }, { visitor: { email: 'not an email' } });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((item) => item.code)).toContain('invalid_email');
    expect(standIn.requests).toEqual([]);
  });

  it('under strict, a translation loss is an error and nothing is sent', async () => {
    const result = await pushGenesysParticipantAttributes(client(), { conversationId }, { attributes: { seats: 12 } }, { strict: true });
    expect(result.diagnostics.map((item) => [item.code, item.severity])).toEqual([['value_coerced', 'error']]);
    expect(standIn.requests).toEqual([]);
  });

  it('sends nothing for a context with nothing Genesys can carry (nothing_to_send)', async () => {
    const result = await pushGenesysParticipantAttributes(client(), { conversationId }, {});
    expect(result.diagnostics.map((item) => item.code)).toEqual(['nothing_to_send']);
    expect(standIn.requests).toEqual([]);
  });

  it('never throws, even for arguments whose reading throws', async () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('trap'); }, has: () => { throw new Error('trap'); }, getOwnPropertyDescriptor: () => { throw new Error('trap'); } });
    for (const args of [
      [client(), hostile, context],
      [client(), { conversationId }, hostile],
      [client(), { conversationId }, context, hostile],
      [hostile, { conversationId }, context],
      [undefined, undefined, undefined],
    ] as const) {
      const result = await pushGenesysParticipantAttributes(...(args as unknown as Parameters<typeof pushGenesysParticipantAttributes>));
      expect(result.ok).toBe(false);
    }
    expect(standIn.requests).toEqual([]);
  });
});
