import { renderWxccSnippet, wxccAdapter } from '@visitor-context/wxcc';
import type { VendorAccounts } from '../config.js';
import type { VendorDemo } from '../vendor-demo.js';
import { inboundCode } from './inbound-code.js';
import { readJsonBody } from './read-body.js';
import { samples } from './sample.js';

export function createWxccDemo(account: NonNullable<VendorAccounts['wxcc']>): VendorDemo {
  return {
    id: 'wxcc',
    label: 'Webex Contact Center',
    async embed(context, { nonce, vendorScripts }) {
      return renderWxccSnippet(context, {
        widget: {
          bindId: account.bindId,
          guid: account.guid,
          ...(account.org === undefined ? {} : { org: account.org }),
          ...(vendorScripts === 'stand-in' ? { scriptUrl: '/stand-ins/wxcc.js' } : {}),
        },
        ...(nonce === undefined ? {} : { nonce }),
      });
    },
    async clientPayload(context) {
      return wxccAdapter.toVendor(context ?? {});
    },
    async receive(request) {
      const body = await readJsonBody(request);
      return body.ok ? wxccAdapter.fromVendor(body.value) : body;
    },
    fromVendor: (text) => wxccAdapter.fromVendor(text),
    toVendor: (context) => wxccAdapter.toVendor(context),
    sampleInbound: samples.wxcc,
    inboundContentType: 'application/json',
    code: {
      embed: `import { renderWxccSnippet } from '@visitor-context/wxcc';

// context: parseVisitorContext(session).value, validated on your server
const snippet = renderWxccSnippet(context, {
  widget: { bindId: process.env.WXCC_BIND_ID!, guid: process.env.WXCC_GUID! },
  nonce,
});
const html = snippet.ok ? snippet.value : ''; // snippet.diagnostics: every field dropped or changed`,
      browser: `import { applyWxccPayload } from '@visitor-context/wxcc/browser';

// Log in and log out alike: your server answers with wxccAdapter.toVendor(context), or of {} when
// nobody is signed in; each update replaces the whole set of custom chat fields.
const session = await (await fetch('/api/session')).json();
await applyWxccPayload(session.value);`,
      inbound: inboundCode('wxccAdapter', '@visitor-context/wxcc', 'wxcc'),
    },
  };
}
