// The two routes platform teams add, written once against web-standard Request/Response so any Node server
// (this one, Express, Next.js, Hono) can host them.
import { randomBytes } from 'node:crypto';
import { comm100WebhookStatus, handleComm100Webhook, renderComm100Snippet } from '@visitor-context/comm100';
import { escapeHtml, parseVisitorContext, type VisitorContext } from '@visitor-context/core';

/** Your Comm100 installation code's values (Live Chat → Installation), from the environment. */
export interface Comm100Settings {
  readonly siteId: number;
  readonly campaignId: string;
}

export interface ChatRoutesOptions {
  readonly comm100: Comm100Settings;
  /** Where a webhook's visitor context goes: your CRM, your database… */
  readonly onVisitorContext: (context: VisitorContext, event: string) => void | Promise<void>;
  /** Who is signed in for this request: replace with your session lookup. Undefined for an anonymous visitor. */
  readonly lookUpSession: (request: Request) => unknown;
}

/** Comm100 posts webhooks as JSON; 256 KiB is plenty for a chat event (transcripts are left out). */
const maxWebhookBytes = 256 * 1024;

/** `POST /webhooks/comm100`: Comm100's webhook, read into a visitor context. */
export async function receiveComm100Webhook(request: Request, options: ChatRoutesOptions): Promise<Response> {
  // Checks method, content type and size (while streaming), parses safely and translates; never throws.
  const webhook = await handleComm100Webhook(request, { maxBodyBytes: maxWebhookBytes });
  if (webhook.ok) await options.onVisitorContext(webhook.value.context, webhook.value.event.event);
  // Comm100 retries failed deliveries: answer 200 only when it was handled. The diagnostics say what was kept aside.
  return Response.json(webhook, { status: comm100WebhookStatus(webhook) });
}

/** `GET /chat`: a page with Comm100's widget, told who the signed-in visitor is. */
export function renderChatPage(request: Request, options: ChatRoutesOptions): Response {
  const parsed = parseVisitorContext(options.lookUpSession(request) ?? {});
  // An invalid session still gets the chat, just anonymous; the diagnostics name what was wrong.
  const context = parsed.ok ? parsed.value : {};
  const nonce = randomBytes(16).toString('base64');
  const snippet = renderComm100Snippet(context, { ...options.comm100, nonce });
  const embed = snippet.ok ? snippet.value : `<!-- chat unavailable: ${escapeHtml(snippet.diagnostics.map((item) => item.code).join(', '))} -->`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Chat</title></head><body><h1>Need help?</h1>${embed}</body></html>`;
  return new Response(html, {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `script-src 'nonce-${nonce}' 'strict-dynamic'; object-src 'none'; base-uri 'none'`,
    },
  });
}

/** Routes a web `Request` to the two routes (404 otherwise). */
export async function handleChatRoutes(request: Request, options: ChatRoutesOptions): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (pathname === '/webhooks/comm100') return receiveComm100Webhook(request, options);
  if (pathname === '/chat' && request.method === 'GET') return renderChatPage(request, options);
  return new Response('Not found.', { status: 404 });
}
