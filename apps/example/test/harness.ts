import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { TestContext } from 'vitest';
import { ciTimeouts } from '../../../vitest.shared.js';
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

/**
 * How long a page may take to get where a test waits for it (a navigation, a click, a panel update) on a loaded
 * 2-core machine with several pages open at once; scaled with `VC_TEST_TIMEOUT_SCALE` like every test timeout.
 */
export const pageTimeout = ciTimeouts(30_000).testTimeout;

const screenshots = new URL('../test-results/screenshots/', import.meta.url);

/** Full-page screenshots of passing tests only when asked for: nobody looks at them, and each is a full-page PNG encode. */
const keepPassingScreenshots = process.env['VC_KEEP_SCREENSHOTS'] === '1';

function saveScreenshot(page: Page, name: string): Promise<unknown> {
  mkdirSync(screenshots, { recursive: true });
  return page.screenshot({ path: new URL(`${name}.png`, screenshots).pathname, fullPage: true });
}

/**
 * Keeps a screenshot of a page a test has checked, as an artifact (apps/example/test-results/screenshots), when
 * `VC_KEEP_SCREENSHOTS=1`. A failing test's page is always kept (see {@link openPage}).
 */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  if (keepPassingScreenshots) await saveScreenshot(page, name);
}

/**
 * A new page for one test: closed when the test ends, and screenshotted first if the test failed
 * (`failed-<test name>.png`), so a failure shows what the page looked like without every pass paying for a
 * screenshot. Pages share the caller's browser context: a context per page made Chromium start a renderer and a
 * storage partition each time, about two thirds of its CPU. Sharing is safe here because nothing the app or its
 * stand-ins serve uses cookies or web storage, and every check (dialogs, page errors, CSP violations, the DOM)
 * is made on the test's own page.
 */
export async function openPage(browserContext: BrowserContext, test: TestContext, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await browserContext.newPage();
  if (viewport !== undefined) await page.setViewportSize(viewport);
  page.setDefaultTimeout(pageTimeout);
  test.onTestFinished(async () => {
    if (test.task.result?.state === 'fail') {
      const name = `failed-${test.task.fullName.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').slice(0, 120)}`;
      // The test's own error is the one to report; a page too broken to screenshot must not replace it.
      await saveScreenshot(page, name).catch(() => undefined);
    }
    await page.close();
  });
  return page;
}

/**
 * The app on a server of the test's own, closed when the test ends: for a test that reads back state other tests
 * also write (the operator inbox, what an API stand-in received), so tests can run at the same time.
 */
export async function isolatedExample(test: TestContext, env: Record<string, string> = {}): Promise<RunningExample> {
  const example = await startExample(env);
  test.onTestFinished(() => example.close());
  return example;
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
  await panel.waitFor({ state: 'attached', timeout: pageTimeout });
  await page.waitForFunction(() => {
    const text = document.querySelector('[data-agent-panel]')?.textContent ?? '';
    return text.startsWith('{') || text.startsWith('[');
  }, undefined, { timeout: pageTimeout });
  return JSON.parse((await page.locator('[data-agent-panel]').textContent()) ?? 'null');
}
