import { NextRequest } from 'next/server';
import { expect, it } from 'vitest';
import { POST } from '../app/api/webhooks/comm100/route';
import { GET } from '../app/chat/route';
import { receivedContexts } from '../lib/chat-settings';
import chatStarted from './comm100-chat-started.json' with { type: 'json' };

const site = 'http://localhost:3000';

it('POST /api/webhooks/comm100 reads the webhook into a visitor context', async () => {
  const response = await POST(new NextRequest(`${site}/api/webhooks/comm100`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(chatStarted) }));
  expect(response.status).toBe(200);
  expect(receivedContexts.at(-1)?.event).toBe('chat_started');
  expect(receivedContexts.at(-1)?.context.visitor).toMatchObject({ name: 'testName', email: 'test@email.com' });
});

it('POST /api/webhooks/comm100 refuses non-JSON (415) and an oversize streamed body without buffering it (413)', async () => {
  const html = await POST(new NextRequest(`${site}/api/webhooks/comm100`, { method: 'POST', headers: { 'content-type': 'text/html' }, body: '<p>' }));
  expect(html.status).toBe(415);
  // A body that never ends unless read: the handler must stop reading at its limit, or this test would hang.
  let pulled = 0;
  const endless = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += 64 * 1024;
      controller.enqueue(new Uint8Array(64 * 1024).fill(32));
    },
  });
  const request = new NextRequest(`${site}/api/webhooks/comm100`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: endless, duplex: 'half' } as ConstructorParameters<typeof NextRequest>[1]);
  const response = await POST(request);
  expect(response.status).toBe(413);
  expect(pulled).toBeLessThan(2 * 1024 * 1024);
});

it('GET /chat renders the chat page with the signed-in visitor, under a nonce CSP', async () => {
  const signedIn = await GET(new NextRequest(`${site}/chat`, { headers: { cookie: 'session=demo' } }));
  const html = await signedIn.text();
  const nonce = /'nonce-([^']+)'/.exec(signedIn.headers.get('content-security-policy') ?? '')?.[1];
  expect(html).toContain(`nonce="${nonce}"`);
  expect(html).toContain('Ada Lovelace');
  expect(await (await GET(new NextRequest(`${site}/chat`))).text()).not.toContain('Ada Lovelace');
});
