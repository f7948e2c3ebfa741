import { createServer, type Server } from 'node:http';
import type { ChatRoutesOptions } from './chat-routes.js';
import { handleChatRoutes } from './chat-routes.js';
import { sendWebResponse, toWebRequest } from './web-request.js';

/** A plain node:http server hosting the chat routes. */
export function createChatServer(options: ChatRoutesOptions): Server {
  return createServer((incoming, outgoing) => {
    handleChatRoutes(toWebRequest(incoming), options)
      .then((response) => sendWebResponse(response, outgoing))
      .catch((error: unknown) => {
        console.error(error);
        if (!outgoing.headersSent) outgoing.writeHead(500);
        outgoing.end();
      });
  });
}
