import { renderComm100Snippet } from '@visitor-context/comm100';
import { parseVisitorContext } from '@visitor-context/core';
import { comm100Settings, lookUpSession } from '../../lib/chat-settings';

export const dynamic = 'force-dynamic';

/** `GET /chat`: a page with Comm100's chat, told who the signed-in visitor is. */
export async function GET(request: Request): Promise<Response> {
  const parsed = parseVisitorContext(lookUpSession(request) ?? {});
  const nonce = crypto.randomUUID();
  const snippet = renderComm100Snippet(parsed.ok ? parsed.value : {}, { ...comm100Settings(), nonce });
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Chat</title></head><body><h1>Need help?</h1>${snippet.ok ? snippet.value : ''}</body></html>`;
  return new Response(html, {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `script-src 'nonce-${nonce}' 'strict-dynamic'; object-src 'none'; base-uri 'none'`,
    },
  });
}
