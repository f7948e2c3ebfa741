import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { readConfig, type ExampleConfig } from './config.js';
import type { PushDelivery } from './push/push-target.js';
import { startPushDelivery } from './push/start-push-delivery.js';
import { createVendorDemos } from './vendors/index.js';

/** Says what went wrong in one line and stops: a stack trace would bury the fix. */
function stop(message: string): never {
  console.error(message);
  process.exit(1);
}

let config: ExampleConfig;
try {
  config = readConfig();
} catch (error) {
  stop(`visitor-context example: ${error instanceof Error ? error.message : String(error)}`);
}
// The local stand-ins of the vendors' REST APIs (for vendors without credentials) listen before the app does.
let push: PushDelivery;
try {
  push = await startPushDelivery(config.push);
} catch (error) {
  // A real vendor's settings the adapter refuses (an unknown region, say): its message never shows a credential.
  stop(`visitor-context example: push from the server: ${error instanceof Error ? error.message : String(error)}`);
}
const app = createApp(config, createVendorDemos(config), new URL('./public/', import.meta.url), push);

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`visitor-context example listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${info.port}`);
  const vendors = config.vendorScripts === 'real' ? ` (${config.configuredVendors.join(', ')})` : '';
  console.log(`vendor scripts: ${config.vendorScripts}${vendors}; CSP: ${config.contentSecurityPolicy ? 'on' : 'off'}; inbox keeps ${config.inboxSize} entries, ${config.inboxMaxBytes} bytes`);
  console.log(`push from the server: ${push.targets.map((target) => `${target.label} ${target.mode === 'real' ? 'API (credentials from the environment)' : 'local stand-in'}`).join(', ')}`);
});

server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') {
    stop(`Port ${config.port} on ${config.host} is already in use: set PORT to a free port (e.g. PORT=3001 npm start), or PORT=0 for any free one.`);
  }
  if (error.code === 'EACCES') stop(`Port ${config.port} needs more privileges: set PORT to a number above 1023.`);
  stop(`visitor-context example could not listen on ${config.host}:${config.port}: ${error.message}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => void push.close().finally(() => process.exit(0))));
}
