import { createGenesysApiRoutes, createGiosgApiRoute, startHttpStandIn, type HttpStandIn } from '@visitor-context/testkit/http-stand-in';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genesysStandInConversation } from '../src/push/genesys-push-target.js';
import { readPushSettings } from '../src/push/push-settings.js';
import { startPushDelivery } from '../src/push/start-push-delivery.js';
import { demoContext } from './expected-panel.js';

// "Real" vendor APIs for this test: stand-ins the app did not start, reached only through the environment variables.
let genesysApi: HttpStandIn;
let giosgApi: HttpStandIn;
beforeAll(async () => {
  [genesysApi, giosgApi] = await Promise.all([
    startHttpStandIn(createGenesysApiRoutes({ clientId: 'env-client', clientSecret: 'env-client-secret', conversations: [genesysStandInConversation] }).route),
    startHttpStandIn(createGiosgApiRoute({ apiToken: 'env-giosg-token', organizationId: 'env-organization' }).route),
  ]);
});
afterAll(() => Promise.all([genesysApi?.close(), giosgApi?.close()]));

describe('startPushDelivery with credentials from the environment', () => {
  it('uses the configured APIs, starts no stand-in of its own, prefills no ids and shows no requests', async () => {
    // No GENESYSCLOUD_REGION: both base URLs name the hosts.
    const settings = readPushSettings({
      GENESYSCLOUD_OAUTHCLIENT_ID: 'env-client',
      GENESYSCLOUD_OAUTHCLIENT_SECRET: 'env-client-secret',
      GENESYSCLOUD_API_BASE_URL: genesysApi.url,
      GENESYSCLOUD_LOGIN_BASE_URL: genesysApi.url,
      GIOSG_API_TOKEN: 'env-giosg-token',
      GIOSG_ORGANIZATION_ID: 'env-organization',
      GIOSG_API_BASE_URL: giosgApi.url,
    });
    const delivery = await startPushDelivery(settings);
    try {
      expect(delivery.standIns).toEqual({});
      expect(delivery.targets.map((target) => [target.id, target.mode])).toEqual([
        ['genesys', 'real'],
        ['giosg', 'real'],
      ]);
      for (const target of delivery.targets) expect(target.fields.every((field) => field.example === undefined)).toBe(true);
      const [genesys, giosg] = delivery.targets;
      const pushed = await genesys!.push({ conversationId: genesysStandInConversation.id }, demoContext('customer'));
      expect(pushed.result.ok).toBe(true);
      expect(pushed.standInRequests).toBeUndefined();
      expect(genesysApi.requests.map((request) => request.method)).toEqual(['POST', 'GET', 'PATCH']);
      const giosgPushed = await giosg!.push({ roomId: 'room-1', visitorId: 'visitor-1' }, demoContext('customer'));
      expect(giosgPushed.result.ok).toBe(true);
      expect(giosgApi.requests.every((request) => request.headers['authorization'] === 'Token env-giosg-token')).toBe(true);
    } finally {
      await delivery.close();
    }
  });

  it('starts its own stand-ins without credentials, and stops them on close', async () => {
    const delivery = await startPushDelivery(readPushSettings({}));
    const urls = Object.values(delivery.standIns).map((standIn) => standIn.url);
    expect(urls).toHaveLength(2);
    await delivery.close();
    for (const url of urls) await expect(fetch(url)).rejects.toThrow();
  });
});
