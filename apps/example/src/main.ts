import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { readConfig, type ExampleConfig } from './config.js';
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
const app = createApp(config, createVendorDemos(config), new URL('./public/', import.meta.url));

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`visitor-context example listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${info.port}`);
  const vendors = config.vendorScripts === 'real' ? ` (${config.configuredVendors.join(', ')})` : '';
  console.log(`vendor scripts: ${config.vendorScripts}${vendors}; CSP: ${config.contentSecurityPolicy ? 'on' : 'off'}; inbox keeps ${config.inboxSize} entries, ${config.inboxMaxBytes} bytes`);
});

server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') {
    stop(`Port ${config.port} on ${config.host} is already in use: set PORT to a free port (e.g. PORT=3001 npm start), or PORT=0 for any free one.`);
  }
  if (error.code === 'EACCES') stop(`Port ${config.port} needs more privileges: set PORT to a number above 1023.`);
  stop(`visitor-context example could not listen on ${config.host}:${config.port}: ${error.message}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
