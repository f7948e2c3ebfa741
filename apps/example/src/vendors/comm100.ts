import { comm100Adapter, handleComm100Webhook, renderComm100Snippet } from '@visitor-context/comm100';
import type { VendorDemo } from '../vendor-demo.js';
import { samples } from './sample.js';

/** The custom variables this demo's (imaginary) Comm100 Control Panel defines; the logout test expects each blanked. */
export const customVariables = ['plan', 'seats', 'vip', 'lastOrder'];

export function createComm100Demo(): VendorDemo {
  const adapter = comm100Adapter;
  return {
    id: 'comm100',
    label: 'Comm100',
    async embed(context, { nonce, vendorScripts }) {
      return renderComm100Snippet(context, {
        siteId: 10100116,
        campaignId: 'c9e91d04-3774-4470-b84d-6bc00874fe9d',
        customVariables,
        ...(vendorScripts === 'stand-in' ? { scriptUrl: '/stand-ins/comm100.js', standbyScriptUrl: false } : {}),
        ...(nonce === undefined ? {} : { nonce }),
      });
    },
    async clientPayload(context) {
      // Logging out there is nothing to apply: the page blanks what Comm100 keeps for the visitor with
      // clearComm100VisitorData (client/entries/spa.comm100.ts), so the server sends the empty payload.
      return adapter.toVendor(context ?? {}, { customVariables });
    },
    async receive(request) {
      const webhook = await handleComm100Webhook(request);
      return webhook.ok ? { ok: true, value: webhook.value.context, diagnostics: webhook.diagnostics } : webhook;
    },
    fromVendor: (text) => adapter.fromVendor(text),
    toVendor: (context) => adapter.toVendor(context, { customVariables }),
    sampleInbound: samples.comm100,
    inboundContentType: 'application/json',
  };
}
