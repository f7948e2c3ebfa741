import { defineConfig } from 'vitest/config';
import { ciTimeouts } from '../../vitest.shared.js';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Packed once for every proof (tarballs provided to the test files), not once per file.
    globalSetup: ['src/packed-packages.global-setup.ts'],
    // Packing, npm installs, tsc and esbuild run in child processes; each test is slow by design, not by bug.
    ...ciTimeouts(120_000, 300_000),
    // The install and registry proofs spend most of their time waiting on npm, the registry and child processes,
    // so their files run side by side instead of one after the other (vitest's default on 2 cores is one worker).
    maxWorkers: 3,
  },
});
