import { giosgAdapter, renderGiosgSnippet } from '@visitor-context/giosg';
import type { VendorAccounts } from '../config.js';
import type { VendorDemo } from '../vendor-demo.js';
import { inboundCode } from './inbound-code.js';
import { readJsonBody } from './read-body.js';
import { samples } from './sample.js';

/**
 * giosg with plain submissions. Signed (JWT) submissions need the account's signing key on the server
 * (`@visitor-context/giosg/server`); the offline stand-in would need that key in the page to verify them, so the
 * demo keeps to plain data and never puts a key anywhere near the browser.
 */
export function createGiosgDemo(account: NonNullable<VendorAccounts['giosg']>): VendorDemo {
  return {
    id: 'giosg',
    label: 'giosg',
    async embed(context, { nonce, vendorScripts }) {
      return renderGiosgSnippet(context, {
        companyId: account.companyId,
        ...(vendorScripts === 'stand-in' ? { scriptUrl: '/stand-ins/giosg.js' } : {}),
        ...(nonce === undefined ? {} : { nonce }),
      });
    },
    async clientPayload(context) {
      return giosgAdapter.toVendor(context ?? {}, { replaceExisting: true });
    },
    async receive(request) {
      const body = await readJsonBody(request);
      return body.ok ? giosgAdapter.fromVendor(body.value) : body;
    },
    fromVendor: (text) => giosgAdapter.fromVendor(text),
    toVendor: (context) => giosgAdapter.toVendor(context),
    sampleInbound: samples.giosg,
    inboundContentType: 'application/json',
    code: {
      embed: `import { renderGiosgSnippet } from '@visitor-context/giosg';

// context: parseVisitorContext(session).value, validated on your server
const snippet = renderGiosgSnippet(context, { companyId: process.env.GIOSG_COMPANY_ID!, nonce });
const html = snippet.ok ? snippet.value : ''; // snippet.diagnostics: every field dropped or changed`,
      browser: `import { applyGiosgPayload, removeGiosgVisitorData } from '@visitor-context/giosg/browser';

// Log in: your server answers with giosgAdapter.toVendor(context, { replaceExisting: true }).
const session = await (await fetch('/api/session')).json();
await applyGiosgPayload(session.value);
// Log out: remove what giosg keeps for this visitor.
await removeGiosgVisitorData();`,
      inbound: inboundCode('giosgAdapter', '@visitor-context/giosg', 'giosg'),
    },
  };
}
