import type { HttpStandIn } from '@visitor-context/testkit/http-stand-in';
import { createGenesysPushTarget } from './genesys-push-target.js';
import { createGiosgPushTarget } from './giosg-push-target.js';
import type { PushSettings } from './push-settings.js';
import type { PushDelivery, PushTarget } from './push-target.js';

/**
 * Creates the push targets: each vendor's real API client when its credentials are set, else a local stand-in of
 * its API on 127.0.0.1 (a free port), started here and stopped by `close`.
 */
export async function startPushDelivery(settings: PushSettings): Promise<PushDelivery> {
  const created = await Promise.all([createGenesysPushTarget(settings.genesys), createGiosgPushTarget(settings.giosg)]);
  const standIns: Partial<Record<PushTarget['id'], HttpStandIn>> = {};
  for (const { target, standIn } of created) if (standIn !== undefined) standIns[target.id] = standIn;
  return {
    targets: created.map(({ target }) => target),
    standIns,
    close: async () => {
      await Promise.all(Object.values(standIns).map((standIn) => standIn.close()));
    },
  };
}
