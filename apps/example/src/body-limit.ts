import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { Diagnostics } from '@visitor-context/core';

/**
 * The most any request body may hold, for every route that reads one (inbound webhooks, the translation form).
 * The root README states this number; a test reads it back from there, so the two cannot drift apart.
 */
export const inboundBodyLimitBytes = 256 * 1024;

/** `256 KiB`: the limit as the README writes it. */
export const inboundBodyLimitText = `${inboundBodyLimitBytes / 1024} KiB`;

/**
 * Refuses a body over the limit while it streams in: a declared `Content-Length` over it is refused before any
 * byte is read, and a chunked body is counted chunk by chunk and refused at the first byte past the limit, so
 * memory never grows with what a client sends. Answers 413 in the route's own format.
 */
export function limitBody(format: 'json' | 'text'): MiddlewareHandler {
  const message = `The request body is larger than ${inboundBodyLimitText} (${inboundBodyLimitBytes} bytes).`;
  return bodyLimit({
    maxSize: inboundBodyLimitBytes,
    onError: (context) => {
      // No `Connection: close` here: Node would then reset the connection with the rest of the body unread, and a
      // client still sending would see a reset instead of this answer. @hono/node-server drains and closes instead.
      if (format === 'text') return context.text(message, 413);
      const diagnostics = new Diagnostics();
      diagnostics.error('too_large', [], message);
      return context.json(diagnostics.toFailure(), 413);
    },
  });
}
