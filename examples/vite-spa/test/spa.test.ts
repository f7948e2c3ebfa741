// The built app (dist/, from `vite build`) in Debian's Chromium: log in, log out, log in again, and check what
// giosg (the offline stand-in) holds after each step.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';

const dist = new URL('../dist/', import.meta.url);
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

let server: Server;
let browser: Browser;
let url: string;

beforeAll(async () => {
  // A static file server for dist/, like any host would serve the built app.
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const file = path === '/' ? 'index.html' : path.slice(1);
    if (file.includes('..')) return void response.writeHead(400).end();
    readFile(new URL(file, dist)).then(
      (body) => response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function agentSees(page: Page): Promise<unknown> {
  return JSON.parse((await page.locator('[data-agent-panel]').textContent()) ?? 'null');
}

it('tells giosg who logged in, forgets them on logout, and takes the next login, without a reload', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  const marker = await page.evaluate(() => ((window as unknown as { marker: number }).marker = Math.random()));

  await page.click('#login');
  await page.locator('#status[data-step="login:ok"]').waitFor({ timeout: 15_000 });
  await expect.poll(() => agentSees(page), { timeout: 10_000 }).toMatchObject({ username: 'Ada Lovelace', email: 'ada@example.com', plan: 'pro' });
  expect(await page.locator('#signed-in-as').textContent()).toBe('Ada Lovelace');

  await page.click('#logout');
  await page.locator('#status[data-step="logout:ok"]').waitFor({ timeout: 15_000 });
  await expect.poll(() => agentSees(page), { timeout: 10_000 }).toEqual({});
  expect(await page.locator('#signed-in-as').textContent()).toBe('nobody');

  await page.click('#login');
  await page.locator('#status[data-step="login:ok"]').waitFor({ timeout: 15_000 });
  await expect.poll(() => agentSees(page), { timeout: 10_000 }).toMatchObject({ username: 'Ada Lovelace' });

  expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(marker);
  expect(errors).toEqual([]);
  await page.close();
});
