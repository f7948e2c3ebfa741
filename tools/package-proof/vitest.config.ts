import { defineConfig } from 'vitest/config';
import { ciTimeouts } from '../../vitest.shared.js';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Packing, npm installs, tsc and esbuild run in child processes; each test is slow by design, not by bug.
    ...ciTimeouts(120_000, 300_000),
  },
});
