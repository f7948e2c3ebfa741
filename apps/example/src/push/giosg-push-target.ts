import { createGiosgServerClient, pushGiosgVisitorVariables } from '@visitor-context/giosg/server';
import { createGiosgApiRoute, startHttpStandIn, type HttpStandIn } from '@visitor-context/testkit/http-stand-in';
import type { PushSettings } from './push-settings.js';
import type { PushField, PushTarget } from './push-target.js';
import { shownRequestsSince } from './shown-requests.js';

/** The room and visitor prefilled with the stand-in (it accepts any ids of giosg's shape). */
export const giosgStandInIds = { roomId: 'demo-room', visitorId: 'demo-visitor' } as const;

/** The code a developer writes for this push, shown next to the form (type-checked by test/code-samples.test.ts). */
export const giosgPushCode = `import { createGiosgServerClient, pushGiosgVisitorVariables } from '@visitor-context/giosg/server';

// Once, at start-up: the API token from the environment, never from the browser.
const giosg = createGiosgServerClient({
  apiToken: process.env.GIOSG_API_TOKEN!,
  organizationId: process.env.GIOSG_ORGANIZATION_ID!,
});

// context: parseVisitorContext(session).value, validated on your server
const pushed = await pushGiosgVisitorVariables(giosg, { roomId, visitorId }, context);
// pushed.ok: pushed.value is the receipt; pushed.diagnostics: every field changed, and why a push failed`;

/**
 * The giosg push target: the real REST API with the environment's API token, or a local stand-in of it (the
 * visitor-variables endpoint) started here, with a demo token.
 */
export async function createGiosgPushTarget(settings: PushSettings['giosg']): Promise<{ target: PushTarget; standIn?: HttpStandIn }> {
  let standIn: HttpStandIn | undefined;
  let client;
  if (settings.mode === 'real') {
    client = createGiosgServerClient(settings.credentials);
  } else {
    // A demo token: the stand-in accepts only this one, as giosg accepts only your organization's.
    const credentials = { apiToken: 'example-app-stand-in-token', organizationId: 'example-organization' };
    standIn = await startHttpStandIn(createGiosgApiRoute(credentials).route);
    client = createGiosgServerClient({ ...credentials, apiBaseUrl: standIn.url });
  }
  const example = (name: keyof typeof giosgStandInIds): { example?: string } => (standIn === undefined ? {} : { example: giosgStandInIds[name] });
  const fields: PushField[] = [
    { name: 'roomId', label: 'Room id', required: true, hint: "The room's id (a UUID from giosg's REST API).", ...example('roomId') },
    { name: 'visitorId', label: 'Visitor id', required: true, hint: 'The visitor\'s id (giosg.unpackedVisitorCid on the page, or from a webhook).', ...example('visitorId') },
  ];
  const target: PushTarget = {
    id: 'giosg',
    label: 'giosg',
    mode: settings.mode,
    fields,
    async push(ids, context) {
      const from = standIn?.requests.length ?? 0;
      const result = await pushGiosgVisitorVariables(client, { roomId: ids['roomId'] ?? '', visitorId: ids['visitorId'] ?? '' }, context);
      return standIn === undefined ? { result } : { result, standInRequests: shownRequestsSince(standIn.requests, from) };
    },
    code: giosgPushCode,
  };
  return standIn === undefined ? { target } : { target, standIn };
}
