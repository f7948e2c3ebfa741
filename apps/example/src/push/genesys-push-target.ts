import { createGenesysServerClient, pushGenesysParticipantAttributes } from '@visitor-context/genesys/server';
import { createGenesysApiRoutes, startHttpStandIn, type HttpStandIn } from '@visitor-context/testkit/http-stand-in';
import type { PushSettings } from './push-settings.js';
import type { PushField, PushTarget } from './push-target.js';
import { shownRequestsSince } from './shown-requests.js';

/** The conversation the Genesys stand-in knows, with a customer participant (ids are UUIDs, as in Genesys). */
export const genesysStandInConversation = {
  id: '3f2c9a0e-6a1b-4c8e-9d7f-1a2b3c4d5e6f',
  participants: [
    { id: '0b7e9d10-2f3a-4c5d-8e9f-a0b1c2d3e4f5', purpose: 'agent' },
    { id: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d', purpose: 'customer' },
  ],
} as const;

/** The code a developer writes for this push, shown next to the form (type-checked by test/code-samples.test.ts). */
export const genesysPushCode = `import { createGenesysServerClient, pushGenesysParticipantAttributes } from '@visitor-context/genesys/server';

// Once, at start-up: the OAuth client (client-credentials grant) from the environment, never from the browser.
const genesys = createGenesysServerClient({
  region: process.env.GENESYSCLOUD_REGION!, // e.g. 'mypurecloud.ie' or 'eu-west-1'
  clientId: process.env.GENESYSCLOUD_OAUTHCLIENT_ID!,
  clientSecret: process.env.GENESYSCLOUD_OAUTHCLIENT_SECRET!,
});

// context: parseVisitorContext(session).value, validated on your server
const pushed = await pushGenesysParticipantAttributes(genesys, { conversationId }, context);
// pushed.ok: pushed.value is the receipt; pushed.diagnostics: every field changed, and why a push failed`;

/**
 * The Genesys Cloud push target: the real API with the environment's OAuth client, or a local stand-in of it
 * (token endpoint, conversation, participant attributes) started here, with demo credentials.
 */
export async function createGenesysPushTarget(settings: PushSettings['genesys']): Promise<{ target: PushTarget; standIn?: HttpStandIn }> {
  let standIn: HttpStandIn | undefined;
  let client;
  if (settings.mode === 'real') {
    client = createGenesysServerClient(settings.credentials);
  } else {
    // Demo credentials: the stand-in accepts only these, as Genesys accepts only your client's.
    const credentials = { clientId: 'example-app-client', clientSecret: 'example-app-stand-in-secret' };
    standIn = await startHttpStandIn(createGenesysApiRoutes({ ...credentials, conversations: [genesysStandInConversation] }).route);
    client = createGenesysServerClient({ ...credentials, apiBaseUrl: standIn.url, loginBaseUrl: standIn.url });
  }
  const fields: PushField[] = [
    {
      name: 'conversationId',
      label: 'Conversation id',
      required: true,
      hint: 'The conversation (a UUID), e.g. from the Messenger\'s conversation events.',
      ...(standIn === undefined ? {} : { example: genesysStandInConversation.id }),
    },
    { name: 'participantId', label: 'Participant id', required: false, hint: 'Left empty, the conversation\'s customer participant is used.' },
  ];
  const target: PushTarget = {
    id: 'genesys',
    label: 'Genesys Cloud',
    mode: settings.mode,
    fields,
    async push(ids, context) {
      const from = standIn?.requests.length ?? 0;
      const result = await pushGenesysParticipantAttributes(client, { conversationId: ids['conversationId'] ?? '', participantId: ids['participantId'] }, context);
      return standIn === undefined ? { result } : { result, standInRequests: shownRequestsSince(standIn.requests, from) };
    },
    code: genesysPushCode,
  };
  return standIn === undefined ? { target } : { target, standIn };
}
