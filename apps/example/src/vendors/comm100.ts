import { comm100Adapter, handleComm100Webhook, renderComm100Snippet } from '@visitor-context/comm100';
import { inboundBodyLimitBytes } from '../body-limit.js';
import type { VendorAccounts } from '../config.js';
import type { VendorDemo } from '../vendor-demo.js';
import { samples } from './sample.js';

/**
 * Comm100 with the custom variables the account's Control Panel defines (`COMM100_CUSTOM_VARIABLES`; the demo
 * account's are plan, seats, vip and lastOrder, and the logout test expects each blanked).
 */
export function createComm100Demo(account: NonNullable<VendorAccounts['comm100']>): VendorDemo {
  const adapter = comm100Adapter;
  const customVariables = [...account.customVariables];
  return {
    id: 'comm100',
    label: 'Comm100',
    async embed(context, { nonce, vendorScripts }) {
      return renderComm100Snippet(context, {
        siteId: account.siteId,
        campaignId: account.campaignId,
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
      const webhook = await handleComm100Webhook(request, { maxBodyBytes: inboundBodyLimitBytes });
      return webhook.ok ? { ok: true, value: webhook.value.context, diagnostics: webhook.diagnostics } : webhook;
    },
    fromVendor: (text) => adapter.fromVendor(text),
    toVendor: (context) => adapter.toVendor(context, { customVariables }),
    sampleInbound: samples.comm100,
    inboundContentType: 'application/json',
    browserSettings: { customVariables },
    code: {
      embed: `import { renderComm100Snippet } from '@visitor-context/comm100';

// context: parseVisitorContext(session).value, validated on your server
const snippet = renderComm100Snippet(context, {
  siteId: Number(process.env.COMM100_SITE_ID),
  campaignId: process.env.COMM100_CAMPAIGN_ID!,
  customVariables: ['plan', 'seats', 'vip', 'lastOrder'], // as defined in your Control Panel
  nonce,
});
const html = snippet.ok ? snippet.value : ''; // snippet.diagnostics: every field dropped or changed`,
      browser: `import { applyComm100Payload, clearComm100VisitorData } from '@visitor-context/comm100/browser';

// Log in: your server answers with comm100Adapter.toVendor(context, { customVariables }).
const session = await (await fetch('/api/session')).json();
await applyComm100Payload(session.value);
// Log out: blank every custom variable and pre-chat field Comm100 keeps for the visitor.
await clearComm100VisitorData({ customVariables: ['plan', 'seats', 'vip', 'lastOrder'] });`,
      inbound: `import { Hono } from 'hono';
import { comm100WebhookStatus, handleComm100Webhook } from '@visitor-context/comm100';

const app = new Hono();
app.post('/inbound/comm100', async (c) => {
  // Checks the content type, streams at most maxBodyBytes, parses and translates the webhook.
  const webhook = await handleComm100Webhook(c.req.raw, { maxBodyBytes: ${inboundBodyLimitBytes} });
  return Response.json(webhook, { status: comm100WebhookStatus(webhook) }); // 200, or 400 / 405 / 413 / 415
});`,
    },
  };
}
