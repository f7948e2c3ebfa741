import { createChatApp } from './app.js';
import { readChatRoutesOptions } from './settings.js';

const port = Number(process.env['PORT'] ?? 3002);
createChatApp(readChatRoutesOptions())
  .listen(port, '127.0.0.1', (error?: Error) => {
    if (error !== undefined) {
      console.error((error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? `Port ${port} is in use: set PORT to a free port.` : error.message);
      process.exit(1);
    }
    console.log(`Express recipe on http://127.0.0.1:${port}/chat (POST /webhooks/comm100)`);
  });
