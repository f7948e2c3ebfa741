import { serve } from '@hono/node-server';
import { createChatApp } from './app.js';
import { readChatAppOptions } from './settings.js';

const port = Number(process.env['PORT'] ?? 3003);
serve({ fetch: createChatApp(readChatAppOptions()).fetch, port, hostname: '127.0.0.1' }, () =>
  console.log(`Hono recipe on http://127.0.0.1:${port}/chat (POST /webhooks/comm100)`),
).on('error', (error: NodeJS.ErrnoException) => {
  console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: set PORT to a free port.` : error.message);
  process.exit(1);
});
