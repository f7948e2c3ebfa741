import { createChatServer } from './app.js';
import { readChatRoutesOptions } from './settings.js';

const port = Number(process.env['PORT'] ?? 3001);
createChatServer(readChatRoutesOptions())
  .on('error', (error: NodeJS.ErrnoException) => {
    console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: set PORT to a free port.` : error.message);
    process.exit(1);
  })
  .listen(port, '127.0.0.1', () => console.log(`node:http recipe on http://127.0.0.1:${port}/chat (POST /webhooks/comm100)`));
