// The built app (dist/, from `vite build`) in Debian's Chromium: log in, log out, log in again, and check what
// giosg (the offline stand-in) holds after each step.
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

it('built with VITE_GIOSG_COMPANY_ID, loads giosg\'s own script for that company and leaves the stand-in out', async () => {
  const { build } = await import('vite');
  const outDir = fileURLToPath(new URL('../test-results/real-build/', import.meta.url));
  process.env['VITE_GIOSG_COMPANY_ID'] = 'acme company';
  try {
    await build({ root: fileURLToPath(new URL('..', import.meta.url)), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  } finally {
    delete process.env['VITE_GIOSG_COMPANY_ID'];
  }
  const assets = await readdir(new URL('assets/', pathToFileURL(outDir)));
  expect(assets.filter((file) => file.startsWith('stand-ins-'))).toEqual([]);
  const page = await browser.newPage();
  const requested: string[] = [];
  // No network here: answer giosg's URL with an empty script and record that the page asked for it.
  await page.route('https://service.giosg.com/**', (route) => {
    requested.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/javascript', body: '' });
  });
  await page.route(`${url}**`, async (route) => {
    const pathname = new URL(route.request().url()).pathname;
    const file = pathname === '/' ? 'index.html' : pathname.slice(1);
    const body = await readFile(new URL(file, pathToFileURL(outDir)));
    return route.fulfill({ status: 200, contentType: types[extname(file)] ?? 'text/plain', body });
  });
  await page.goto(url);
  await expect.poll(() => requested, { timeout: 10_000 }).toEqual(['https://service.giosg.com/live2/acme%20company']);
  expect(await page.locator('#agent-panel').isHidden()).toBe(true);
  await page.close();
});
