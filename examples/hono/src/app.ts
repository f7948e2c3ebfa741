import { randomBytes } from 'node:crypto';
import { comm100WebhookStatus, handleComm100Webhook, renderComm100Snippet } from '@visitor-context/comm100';
import { parseVisitorContext, type VisitorContext } from '@visitor-context/core';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** A chat event is small; 256 KiB leaves room (transcripts are left out of the context). */
const maxBodyBytes = 256 * 1024;

export interface ChatAppOptions {
  /** Your Comm100 installation code's values. */
  readonly comm100: { readonly siteId: number; readonly campaignId: string };
  /** Where a webhook's visitor context goes: your CRM, your database… */
  readonly onVisitorContext: (context: VisitorContext, event: string) => void | Promise<void>;
  /** Who is signed in for this request: replace with your session lookup. Undefined for an anonymous visitor. */
  readonly lookUpSession: (request: Request) => unknown;
}

/** A Hono app with the two chat routes; `app.fetch` runs on Node (@hono/node-server), Bun, Deno and Workers. */
export function createChatApp(options: ChatAppOptions): Hono {
  const app = new Hono();

  // Every body is limited while it streams, chunked or not: 413 before anything big is buffered.
  app.use('/webhooks/*', bodyLimit({ maxSize: maxBodyBytes, onError: (c) => c.json({ ok: false, error: 'too_large' }, 413) }));

  app.post('/webhooks/comm100', async (c) => {
    // c.req.raw is the web Request the adapters read: content type, size, safe JSON, schema; never throws.
    const webhook = await handleComm100Webhook(c.req.raw, { maxBodyBytes });
    if (webhook.ok) await options.onVisitorContext(webhook.value.context, webhook.value.event.event);
    return Response.json(webhook, { status: comm100WebhookStatus(webhook) }); // Comm100 retries anything but 200
  });

  app.get('/chat', (c) => {
    const parsed = parseVisitorContext(options.lookUpSession(c.req.raw) ?? {});
    const nonce = randomBytes(16).toString('base64');
    const snippet = renderComm100Snippet(parsed.ok ? parsed.value : {}, { ...options.comm100, nonce });
    c.header('content-security-policy', `script-src 'nonce-${nonce}' 'strict-dynamic'; object-src 'none'; base-uri 'none'`);
    return c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Chat</title></head><body><h1>Need help?</h1>${snippet.ok ? snippet.value : ''}</body></html>`);
  });

  return app;
}
