import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundBodyLimitBytes, inboundBodyLimitText } from '../src/body-limit.js';
import { postChunked, runServerProcess, startServerProcess, type ServerProcess } from './server-process.js';

const megabyte = 1024 * 1024;

let server: ServerProcess;
beforeAll(async () => {
  server = await startServerProcess();
});
afterAll(() => server?.stop());

describe('every request body is limited while it streams', () => {
  // First: a refused body leaves its connection to be drained and closed, so this must not share one with those.
  it('accepts a body just under the limit', async () => {
    const padding = 'x'.repeat(inboundBodyLimitBytes - 1024);
    const response = await fetch(`${server.url}/inbound/giosg`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ visitor_id: 'v-1', api_data: { padding } }),
    });
    expect(response.status).not.toBe(413);
  });

  it.each([
    ['/translate', 'application/x-www-form-urlencoded'],
    ['/inbound/giosg', 'application/json'],
    ['/inbound/comm100', 'application/json'],
    ['/operator/samples/giosg', 'application/x-www-form-urlencoded'],
    ['/push', 'application/x-www-form-urlencoded'],
  ])('%s refuses a chunked 96 MiB body (no Content-Length) with 413, and the server does not grow with it', async (path, type) => {
    // Warm the route up, so the peak before the big body already includes what the route needs anyway.
    const warm = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': type }, body: type.includes('json') ? '{}' : 'payload=' });
    await warm.arrayBuffer();
    const before = server.memory().peak;
    // Same-origin, as a browser sends it: /push refuses other origins (403) before the body would be read.
    const answer = await postChunked(`${server.url}${path}`, type, 96 * megabyte, { origin: server.url });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain(String(inboundBodyLimitBytes));
    // The server stopped the upload early, and its peak memory grew by far less than the body.
    expect(answer.sent).toBeLessThan(96 * megabyte);
    expect(server.memory().peak - before).toBeLessThan(16 * megabyte);
    // And it still serves.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('refuses a declared Content-Length over the limit before reading the body, in the route\'s format', async () => {
    const body = JSON.stringify({ big: 'x'.repeat(inboundBodyLimitBytes) });
    const inbound = await fetch(`${server.url}/inbound/wxcc`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(inbound.status).toBe(413);
    expect(await inbound.json()).toMatchObject({ ok: false, diagnostics: [{ code: 'too_large', severity: 'error' }] });
    const form = await fetch(`${server.url}/translate`, { method: 'POST', body: new URLSearchParams({ payload: 'x'.repeat(inboundBodyLimitBytes) }) });
    expect(form.status).toBe(413);
  });

  it('the root README states the limit every endpoint enforces', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const statements = readme.match(/[Ii]nbound request bod[^.]*\./g) ?? [];
    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain(inboundBodyLimitText);
  });
});

describe('starting up', () => {
  let occupied: Server;
  let port: number;
  beforeAll(async () => {
    occupied = createServer();
    await new Promise<void>((resolve) => occupied.listen(0, '127.0.0.1', resolve));
    port = (occupied.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => occupied.close(() => resolve())));

  it('a port already in use gives one line naming PORT, and exit code 1', async () => {
    const result = await runServerProcess({ PORT: String(port) });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Port ${port}`);
    expect(lines[0]).toMatch(/set PORT/);
  });

  it('a bad setting gives one line naming the variable', async () => {
    const result = await runServerProcess({ PORT: '0', VENDOR_SCRIPTS: 'real' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('GIOSG_COMPANY_ID');
  });
});
