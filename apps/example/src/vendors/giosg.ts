import { giosgAdapter, renderGiosgSnippet } from '@visitor-context/giosg';
import type { VendorDemo } from '../vendor-demo.js';
import { readJsonBody } from './read-body.js';
import { samples } from './sample.js';

/**
 * giosg with plain submissions. Signed (JWT) submissions need the account's signing key on the server
 * (`@visitor-context/giosg/server`); the offline stand-in would need that key in the page to verify them, so the
 * demo keeps to plain data and never puts a key anywhere near the browser.
 */
export function createGiosgDemo(): VendorDemo {
  return {
    id: 'giosg',
    label: 'giosg',
    async embed(context, { nonce, vendorScripts }) {
      return renderGiosgSnippet(context, {
        companyId: 'demo-company',
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
  };
}
