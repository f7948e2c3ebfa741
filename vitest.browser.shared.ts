import { playwright } from '@vitest/browser-playwright';

/**
 * Vitest browser mode on Debian's Chromium (browser downloads do not work here), shared by every package's
 * vitest.browser.config.ts. Set CHROMIUM_PATH to use another Chromium.
 */
export const chromiumBrowser = {
  enabled: true,
  headless: true,
  screenshotFailures: false,
  provider: playwright({
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      // Without the background-networking flags Chromium keeps trying hosts this closed network refuses.
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  }),
  instances: [{ browser: 'chromium' as const }],
};
