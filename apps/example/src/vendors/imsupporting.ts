import { imsupportingAdapter, renderImsupportingSnippet } from '@visitor-context/imsupporting';
import type { VendorDemo } from '../vendor-demo.js';
import { readJsonBody } from './read-body.js';
import { samples } from './sample.js';

export function createImsupportingDemo(): VendorDemo {
  return {
    id: 'imsupporting',
    label: 'IMSupporting',
    async embed(context, { nonce, vendorScripts }) {
      return renderImsupportingSnippet(context, {
        siteId: 'demo-site',
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
  };
}
