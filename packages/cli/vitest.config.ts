import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { ciTimeouts } from '../../vitest.shared.js';

// The `(built binary)` tests spawn the built binary, so they need `pnpm build` first (turbo's test task depends on
// build); the other command tests call `runCli` in process (test/run-in-process.ts) to skip a Node start each.
// The adapters' built files are loaded by Node as they are, not re-transformed by vite: the wxcc snippet embeds
// a function's source text, which must be byte-identical to what the binary prints.
export default defineConfig({
  test: {
    ...ciTimeouts(),
    // Vitest runs one file at a time on 2 cores (its default is cores - 1). The process and push tests mostly wait
    // on child processes and the HTTP stand-ins, so a second worker overlaps those waits for the same CPU time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    server: { deps: { external: [/\/packages\/[^/]+\/dist\//] } },
  },
});
