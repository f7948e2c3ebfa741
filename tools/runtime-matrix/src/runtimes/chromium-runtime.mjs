// Chromium (Debian's, or CHROMIUM_PATH) through playwright-core: the suite bundled for browsers is served as a
// module on an https origin (a secure context, so Web Crypto is available) by request interception.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { bundleSuite } from '../host/bundle-suite.mjs';

const origin = 'https://runtime-matrix.test';

export const chromiumRuntime = {
  id: 'chromium',
  label: 'Chromium',
  async run() {
    const script = readFileSync(await bundleSuite('browser'), 'utf8');
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const pageErrors = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.route(`${origin}/**`, (route) => {
        const isScript = route.request().url().endsWith('/suite.js');
        route.fulfill({
          contentType: isScript ? 'text/javascript' : 'text/html',
          body: isScript ? script : '<!doctype html><title>runtime matrix</title><script type="module" src="/suite.js"></script>',
        });
      });
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => globalThis.runtimeMatrixResults !== undefined, undefined, { timeout: 60_000 }).catch((error) => {
        throw new Error(`the suite did not start in the page: ${pageErrors.join('; ') || error.message}`);
      });
      const text = await page.evaluate(() => globalThis.runtimeMatrixResults);
      return { version: `Chromium ${browser.version()}`, results: JSON.parse(text) };
    } finally {
      await browser.close();
    }
  },
};
