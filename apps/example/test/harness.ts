import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../src/app.js';
import { readConfig, type ExampleConfig } from '../src/config.js';
import type { PushDelivery } from '../src/push/push-target.js';
import { startPushDelivery } from '../src/push/start-push-delivery.js';
import { createVendorDemos } from '../src/vendors/index.js';

export interface RunningExample {
  readonly url: string;
  readonly config: ExampleConfig;
  /** The push targets, with the local API stand-ins and what they received. */
  readonly push: PushDelivery;
  close(): Promise<void>;
}

/** Starts the app on a free loopback port, serving the client bundles the build wrote to dist/public. */
export async function startExample(env: Record<string, string> = {}): Promise<RunningExample> {
  const config = readConfig({ PORT: '0', HOST: '127.0.0.1', ...env });
  const push = await startPushDelivery(config.push);
  const app = createApp(config, createVendorDemos(config), new URL('../dist/public/', import.meta.url), push);
  const server: ServerType = await new Promise((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    config,
    push,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await push.close();
    },
  };
}

/** Debian's Chromium, driven by Playwright (no browser download). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

const screenshots = new URL('../test-results/screenshots/', import.meta.url);

/** Keeps a screenshot as a test artifact (apps/example/test-results/screenshots). */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, screenshots).pathname, fullPage: true });
}

/** Records what must never happen on a page: dialogs (alert), page errors, CSP violations. */
export async function watchPage(page: Page): Promise<{ dialogs: string[]; errors: string[]; violations: () => Promise<string[]> }> {
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  // Awaited: a navigation that starts before the script is registered would run without it.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return {
    dialogs,
    errors,
    violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  };
}

/** The agent panel's JSON once the stand-in has received something. */
export async function agentPanel(page: Page): Promise<unknown> {
  const panel = page.locator('[data-agent-panel][data-updated]');
  await panel.waitFor({ state: 'attached', timeout: 10_000 });
  await page.waitForFunction(() => {
    const text = document.querySelector('[data-agent-panel]')?.textContent ?? '';
    return text.startsWith('{') || text.startsWith('[');
  }, undefined, { timeout: 10_000 });
  return JSON.parse((await page.locator('[data-agent-panel]').textContent()) ?? 'null');
}
