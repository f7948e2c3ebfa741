import { comm100Adapter, handleComm100Webhook, renderComm100Snippet, type Comm100Payload } from '@visitor-context/comm100';
import type { VendorDemo } from '../vendor-demo.js';
import { samples } from './sample.js';

/** The custom variables this demo's (imaginary) Comm100 Control Panel defines. */
const customVariables = ['plan', 'seats', 'vip', 'lastOrder'];
/** The pre-chat fields the adapter fills from a context. */
const prechatTypes = ['name', 'email', 'phone', 'company'] as const;

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
      if (context !== undefined) return adapter.toVendor(context, { customVariables });
      // Logging out: Comm100 keeps a visitor's custom variables and form values, so blank every one the
      // page set rather than leave the last customer's data in the widget.
      const payload: Comm100Payload = {
        customVariables: customVariables.map((name) => ({ name, value: '' })),
        prechatFields: prechatTypes.map((type) => ({ type, value: '' })),
        skipPrechat: false,
      };
      return { ok: true, value: payload, diagnostics: [] };
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
