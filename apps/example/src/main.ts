import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { readConfig } from './config.js';
import { createVendorDemos } from './vendors/index.js';

const config = readConfig();
const app = createApp(config, createVendorDemos(config), new URL('./public/', import.meta.url));

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`visitor-context example listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${info.port}`);
  console.log(`vendor scripts: ${config.vendorScripts}; CSP: ${config.contentSecurityPolicy ? 'on' : 'off'}; inbox keeps ${config.inboxSize}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
