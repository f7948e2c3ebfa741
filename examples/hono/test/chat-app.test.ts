import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { VisitorContext } from '@visitor-context/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChatApp } from '../src/app.js';
import { readChatAppOptions } from '../src/settings.js';
import chatStarted from './comm100-chat-started.json' with { type: 'json' };

const received: { context: VisitorContext; event: string }[] = [];
const app = createChatApp({ ...readChatAppOptions({}), onVisitorContext: (context, event) => void received.push({ context, event }) });

it('reads a Comm100 webhook into a visitor context (app.request, no server)', async () => {
  const response = await app.request('/webhooks/comm100', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(chatStarted) });
  expect(response.status).toBe(200);
  expect(received.at(-1)?.event).toBe('chat_started');
  expect(received.at(-1)?.context.visitor).toMatchObject({ name: 'testName', email: 'test@email.com' });
  const html = await app.request('/webhooks/comm100', { method: 'POST', headers: { 'content-type': 'text/html' }, body: '<p>' });
  expect(html.status).toBe(415);
});

it('renders the chat page with the signed-in visitor, under a nonce CSP', async () => {
  const signedIn = await app.request('/chat', { headers: { cookie: 'session=demo' } });
  const html = await signedIn.text();
  const nonce = /'nonce-([^']+)'/.exec(signedIn.headers.get('content-security-policy') ?? '')?.[1];
  expect(html).toContain(`nonce="${nonce}"`);
  expect(html).toContain('Ada Lovelace');
  expect(await (await app.request('/chat')).text()).not.toContain('Ada Lovelace');
});

describe('on Node (@hono/node-server)', () => {
  let server: ServerType;
  let base: string;
  beforeAll(async () => {
    server = await new Promise((resolve) => {
      const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses an 8 MiB chunked webhook without Content-Length with 413 while it streams', async () => {
    const answer = await new Promise<{ status: number; sent: number }>((resolve, reject) => {
      let sent = 0;
      let done = false;
      const outgoing = httpRequest(`${base}/webhooks/comm100`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (response) => {
        done = true;
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, sent }));
        outgoing.destroy();
      });
      outgoing.on('error', (error) => done || reject(error));
      const write = (): void => {
        if (done) return;
        if (sent >= 8 * 1024 * 1024) return void outgoing.end();
        sent += 64 * 1024;
        if (outgoing.write(Buffer.alloc(64 * 1024, 32))) setImmediate(write);
        else outgoing.once('drain', write);
      };
      write();
    });
    expect(answer.status).toBe(413);
    expect(answer.sent).toBeLessThan(8 * 1024 * 1024);
  });
});
