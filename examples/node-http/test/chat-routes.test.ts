import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { VisitorContext } from '@visitor-context/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createChatServer } from '../src/app.js';
import { readChatRoutesOptions } from '../src/settings.js';
import chatStarted from './comm100-chat-started.json' with { type: 'json' };

const received: { context: VisitorContext; event: string }[] = [];
const server = createChatServer({ ...readChatRoutesOptions({}), onVisitorContext: (context, event) => void received.push({ context, event }) });
let base: string;

beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve())));
beforeAll(() => {
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('reads a Comm100 webhook into a visitor context', async () => {
  const response = await fetch(`${base}/webhooks/comm100`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(chatStarted) });
  expect(response.status).toBe(200);
  expect(received.at(-1)?.event).toBe('chat_started');
  expect(received.at(-1)?.context.visitor).toMatchObject({ name: 'testName', email: 'test@email.com' });
});

it('refuses a non-JSON webhook (415) and an oversize chunked one while it streams (413)', async () => {
  const html = await fetch(`${base}/webhooks/comm100`, { method: 'POST', headers: { 'content-type': 'text/html' }, body: '<p>' });
  expect(html.status).toBe(415);
  // 8 MiB with no Content-Length, one chunk per event-loop turn: the server answers long before it is all sent.
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

it('renders the chat page with the signed-in visitor, under a nonce CSP', async () => {
  const signedIn = await fetch(`${base}/chat`, { headers: { cookie: 'session=demo' } });
  expect(signedIn.status).toBe(200);
  const html = await signedIn.text();
  const nonce = /'nonce-([^']+)'/.exec(signedIn.headers.get('content-security-policy') ?? '')?.[1];
  expect(nonce).toBeTruthy();
  expect(html).toContain(`nonce="${nonce}"`);
  expect(html).toContain('Ada Lovelace');
  expect(html).toContain('10100116');
  const anonymous = await (await fetch(`${base}/chat`)).text();
  expect(anonymous).not.toContain('Ada Lovelace');
  expect((await fetch(`${base}/nowhere`)).status).toBe(404);
});

it('the bridge keeps several Set-Cookie headers apart and passes repeated request headers on', async () => {
  const { createServer: createNodeServer } = await import('node:http');
  const { sendWebResponse, toWebRequest } = await import('../src/web-request.js');
  let seen: string | null = null;
  const bridge = createNodeServer((incoming, outgoing) => {
    seen = toWebRequest(incoming).headers.get('x-tag');
    const response = new Response('ok');
    response.headers.append('set-cookie', 'a=1; Path=/');
    response.headers.append('set-cookie', 'b=2; Path=/');
    void sendWebResponse(response, outgoing);
  });
  await new Promise<void>((resolve) => bridge.listen(0, '127.0.0.1', () => resolve()));
  const port = (bridge.address() as AddressInfo).port;
  const cookies = await new Promise<string[]>((resolve) =>
    httpRequest({ host: '127.0.0.1', port, path: '/', headers: { 'x-tag': ['one', 'two'] } }, (response) => {
      response.resume();
      resolve(response.headers['set-cookie'] ?? []);
    }).end(),
  );
  await new Promise<void>((resolve) => bridge.close(() => resolve()));
  expect(cookies).toEqual(['a=1; Path=/', 'b=2; Path=/']);
  expect(seen).toBe('one, two');
});
