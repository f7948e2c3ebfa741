import { imsupportingAdapter, renderImsupportingSnippet } from '@visitor-context/imsupporting';
import type { VendorAccounts } from '../config.js';
import type { VendorDemo } from '../vendor-demo.js';
import { inboundCode } from './inbound-code.js';
import { readJsonBody } from './read-body.js';
import { samples } from './sample.js';

export function createImsupportingDemo(account: NonNullable<VendorAccounts['imsupporting']>): VendorDemo {
  return {
    id: 'imsupporting',
    label: 'IMSupporting',
    async embed(context, { nonce, vendorScripts }) {
      return renderImsupportingSnippet(context, {
        siteId: account.siteId,
        form: 'attribute',
        ...(vendorScripts === 'stand-in' ? { scriptUrl: '/stand-ins/imsupporting.js' } : {}),
        ...(nonce === undefined ? {} : { nonce }),
      });
    },
    async clientPayload(context) {
      return imsupportingAdapter.toVendor(context ?? {});
    },
    async receive(request) {
      const body = await readJsonBody(request);
      return body.ok ? imsupportingAdapter.fromVendor(body.value) : body;
    },
    fromVendor: (text) => imsupportingAdapter.fromVendor(text),
    toVendor: (context) => imsupportingAdapter.toVendor(context),
    sampleInbound: samples.imsupporting,
    inboundContentType: 'application/json',
    code: {
      embed: `import { renderImsupportingSnippet } from '@visitor-context/imsupporting';

// context: parseVisitorContext(session).value, validated on your server
const snippet = renderImsupportingSnippet(context, { siteId: process.env.IMSUPPORTING_SITE_ID!, nonce });
const html = snippet.ok ? snippet.value : ''; // snippet.diagnostics: every field dropped or changed`,
      browser: `import { applyImsupportingPayload } from '@visitor-context/imsupporting/browser';

// Log in and log out alike: your server answers with imsupportingAdapter.toVendor(context), or of {}
// when nobody is signed in; each update replaces the whole set.
const session = await (await fetch('/api/session')).json();
await applyImsupportingPayload(session.value);`,
      inbound: inboundCode('imsupportingAdapter', '@visitor-context/imsupporting', 'imsupporting'),
    },
  };
}
