import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/*.browser.test.ts', '**/node_modules/**'],
    // Property tests run 1,000 cases each; leave room on a busy 2-core machine.
    testTimeout: 30_000,
  },
});
