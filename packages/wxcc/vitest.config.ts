import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    exclude: ['**/*.browser.test.ts', '**/node_modules/**'],
    // The conformance suite's 1,000-run round trip takes about a second alone, but several times that on a
    // busy 2-core CI machine; the default 5 s would make it flaky.
    testTimeout: 30_000,
  },
});
