import { getRequestListener } from '@hono/node-server';
import express, { type Express } from 'express';
import { handleChatRoutes, type ChatRoutesOptions } from './chat-routes.js';

/** An Express app hosting the chat routes next to your own. */
export function createChatApp(options: ChatRoutesOptions): Express {
  const app = express();
  // @hono/node-server's listener turns Express's request (a Node IncomingMessage) into a web Request with a
  // streamed body, calls the handler, and writes its web Response back. Mount these routes before any body
  // parser such as express.json(): a parser would read the body the webhook handler reads (and limits) itself.
  const chatRoutes = getRequestListener((request) => handleChatRoutes(request, options));
  app.post('/webhooks/comm100', (request, response) => void chatRoutes(request, response));
  app.get('/chat', (request, response) => void chatRoutes(request, response));

  // Your own routes, with their own parsers and limits.
  app.use(express.json({ limit: '100kb' }));
  app.get('/healthz', (_request, response) => void response.json({ ok: true }));
  return app;
}
