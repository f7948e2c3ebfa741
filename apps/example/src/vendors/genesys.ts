import { genesysAdapter, renderGenesysSnippet } from '@visitor-context/genesys';
import type { VendorAccounts } from '../config.js';
import type { VendorDemo } from '../vendor-demo.js';
import { inboundCode } from './inbound-code.js';
import { readJsonBody } from './read-body.js';
import { samples } from './sample.js';

export function createGenesysDemo(account: NonNullable<VendorAccounts['genesys']>): VendorDemo {
  return {
    id: 'genesys',
    label: 'Genesys Cloud',
    async embed(context, { nonce, vendorScripts }) {
      return renderGenesysSnippet(context, {
        channel: 'messenger',
        deploymentId: account.deploymentId,
        environment: account.environment,
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
    code: {
      embed: `import { renderGenesysSnippet } from '@visitor-context/genesys';

// context: parseVisitorContext(session).value, validated on your server
const snippet = renderGenesysSnippet(context, {
  channel: 'messenger',
  deploymentId: process.env.GENESYS_DEPLOYMENT_ID!,
  environment: process.env.GENESYS_ENVIRONMENT ?? 'prod',
  nonce,
});
const html = snippet.ok ? snippet.value : ''; // snippet.diagnostics: every field dropped or changed`,
      browser: `import { applyGenesysPayload, removeGenesysCustomAttributes } from '@visitor-context/genesys/browser';

// Log in: your server answers with genesysAdapter.toVendor(context, { channel: 'messenger' }).
const session = await (await fetch('/api/session')).json();
await applyGenesysPayload(session.value);
// Log out: remove the custom attributes Messenger keeps.
await removeGenesysCustomAttributes();`,
      inbound: inboundCode('genesysAdapter', '@visitor-context/genesys', 'genesys'),
    },
  };
}
