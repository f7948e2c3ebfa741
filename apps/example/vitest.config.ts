import { defineConfig } from 'vitest/config';
import { ciTimeouts } from '../../vitest.shared.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    ...ciTimeouts(),
    fileParallelism: false,
    // The browser tests run concurrently (describe.concurrent in e2e.test.ts); five pages at once keep a loaded
    // 2-core machine busy without starving any page past its timeout.
    maxConcurrency: 5,
  },
});
