import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Packing, npm installs, tsc and esbuild run in child processes; each test is slow by design, not by bug.
    testTimeout: 60_000,
    hookTimeout: 150_000,
  },
});
