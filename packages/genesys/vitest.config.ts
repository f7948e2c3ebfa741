import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    exclude: ['**/*.browser.test.ts', '**/node_modules/**'],
    // The conformance suite runs 1,000 property runs per channel (five channels); it takes about a second
    // alone, but can pass vitest's 5 s default on a loaded 2-core CI runner.
    testTimeout: 30_000,
  },
});
