// The real thing: the app `next build` wrote to dist/, served by `next start`, answering HTTP requests.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import chatStarted from './comm100-chat-started.json' with { type: 'json' };

const root = fileURLToPath(new URL('..', import.meta.url));
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
let server: ChildProcess;
let base: string;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`next start exited (${server.exitCode}); run the build first:\n${output}`);
    try {
      await fetch(`${base}/chat`);
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`next start did not answer within 45 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}, 60_000);
afterAll(() => {
  server?.kill('SIGTERM');
});

it('POST /api/webhooks/comm100 answers 200 with the visitor context, 415 for non-JSON', async () => {
  const response = await fetch(`${base}/api/webhooks/comm100`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(chatStarted) });
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ ok: true, value: { context: { visitor: { name: 'testName', email: 'test@email.com' } } } });
  const html = await fetch(`${base}/api/webhooks/comm100`, { method: 'POST', headers: { 'content-type': 'text/html' }, body: '<p>' });
  expect(html.status).toBe(415);
});

it('GET /chat renders the signed-in visitor under a nonce CSP', async () => {
  const response = await fetch(`${base}/chat`, { headers: { cookie: 'session=demo' } });
  expect(response.status).toBe(200);
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
  const html = await response.text();
  expect(html).toContain(`nonce="${nonce}"`);
  expect(html).toContain('Ada Lovelace');
});
