import { renderWxccSnippet, wxccAdapter } from '@visitor-context/wxcc';
import type { VendorDemo } from '../vendor-demo.js';
import { readJsonBody } from './read-body.js';
import { samples } from './sample.js';

export function createWxccDemo(): VendorDemo {
  return {
    id: 'wxcc',
    label: 'Webex Contact Center',
    async embed(context, { nonce, vendorScripts }) {
      return renderWxccSnippet(context, {
        widget: {
          bindId: 'demo-bind-id',
          guid: 'demo-guid',
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
  };
}
