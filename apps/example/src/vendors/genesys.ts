import { genesysAdapter, renderGenesysSnippet } from '@visitor-context/genesys';
import type { VendorDemo } from '../vendor-demo.js';
import { readJsonBody } from './read-body.js';
import { samples } from './sample.js';

export function createGenesysDemo(): VendorDemo {
  return {
    id: 'genesys',
    label: 'Genesys Cloud',
    async embed(context, { nonce, vendorScripts }) {
      return renderGenesysSnippet(context, {
        channel: 'messenger',
        deploymentId: '00000000-0000-4000-8000-000000000000',
        environment: 'prod-euw1',
        ...(vendorScripts === 'stand-in' ? { scriptUrl: '/stand-ins/genesys.js' } : {}),
        ...(nonce === undefined ? {} : { nonce }),
      });
    },
    async clientPayload(context) {
      return genesysAdapter.toVendor(context ?? {}, { channel: 'messenger' });
    },
    async receive(request) {
      const body = await readJsonBody(request);
      return body.ok ? genesysAdapter.fromVendor(body.value) : body;
    },
    fromVendor: (text) => genesysAdapter.fromVendor(text),
    toVendor: (context) => genesysAdapter.toVendor(context),
    sampleInbound: samples.genesys,
    inboundContentType: 'application/json',
  };
}
