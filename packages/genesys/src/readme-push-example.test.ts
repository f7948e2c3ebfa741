/*
 * The README's "Push from the server" example, run as written: the region's real hosts are kept, and the global
 * `fetch` (which core looks up at call time) is replaced by one that records each URL and forwards it to the
 * Genesys stand-in. So the example stays true to the API, and the hosts it reaches are the region's.
 */
import { createGenesysApiRoutes, startHttpStandIn, type HttpStandIn } from '@visitor-context/testkit/http-stand-in';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGenesysServerClient, pushGenesysParticipantAttributes } from './server.js';

const conversationId = 'c5b2a3f0-8c7e-4a57-9f4e-2d7c1e6b9a10';
const customerId = '0f1e2d3c-4b5a-4968-8776-655443322110';
const env = { GENESYS_CLIENT_ID: 'readme-client-id', GENESYS_CLIENT_SECRET: 'readme-client-secret' };

let standIn: HttpStandIn;
const urls: string[] = [];

beforeEach(async () => {
  const routes = createGenesysApiRoutes({
    clientId: env.GENESYS_CLIENT_ID,
    clientSecret: env.GENESYS_CLIENT_SECRET,
    conversations: [{ id: conversationId, participants: [{ id: customerId, purpose: 'customer' }] }],
  });
  standIn = await startHttpStandIn(routes.route);
  const realFetch = globalThis.fetch;
  urls.length = 0;
  vi.stubGlobal('fetch', (input: Request | string | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    urls.push(`${request.method} ${request.url}`);
    const url = new URL(request.url);
    return realFetch(new Request(`${standIn.url}${url.pathname}${url.search}`, request));
  });
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await standIn.close();
});

describe('README: Push from the server', () => {
  it('runs as written, against the region\'s hosts', async () => {
    const logged: unknown[][] = [];
    const log = (...items: unknown[]): void => void logged.push(items);
    const process = { env };

    // Once, at start-up: an OAuth client with the "Client Credentials" grant (Admin › Integrations › OAuth).
    const genesys = createGenesysServerClient({
      region: 'eu-west-1', // or its domain, 'mypurecloud.ie'
      clientId: process.env.GENESYS_CLIENT_ID!,
      clientSecret: process.env.GENESYS_CLIENT_SECRET!,
    });

    // Per conversation, e.g. when your webhook or the Messenger reports a new conversation id:
    const pushed = await pushGenesysParticipantAttributes(
      genesys,
      { conversationId }, // add participantId when you know it; otherwise the customer participant is looked up
      { visitor: { id: 'CRM-12345', email: 'jane@example.com' }, attributes: { plan: 'pro', seats: 12 } },
    );
    if (pushed.ok) log('sent', pushed.value.attributes, 'Genesys request id', pushed.value.requestId);
    else log(pushed.diagnostics); // stable codes, Genesys' status and request id; never a secret

    expect(urls).toEqual([
      'POST https://login.mypurecloud.ie/oauth/token',
      `GET https://api.mypurecloud.ie/api/v2/conversations/${conversationId}`,
      `PATCH https://api.mypurecloud.ie/api/v2/conversations/${conversationId}/participants/${customerId}/attributes`,
    ]);
    expect(logged).toEqual([
      ['sent', { customerId: 'CRM-12345', email: 'jane@example.com', plan: 'pro', seats: '12' }, 'Genesys request id', expect.stringMatching(/^stand-in-/)],
    ]);
    // Warnings (e.g. value_coerced for seats: 12 sent as "12") come with the success in pushed.diagnostics.
    expect(pushed.diagnostics.map((item) => item.code)).toEqual(['value_coerced']);
  });
});
