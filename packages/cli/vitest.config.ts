import { defineConfig } from 'vitest/config';
import { ciTimeouts } from '../../vitest.shared.js';

// The process tests spawn the built binary, so they need `pnpm build` first (turbo's test task depends on build).
// The adapters' built files are loaded by Node as they are, not re-transformed by vite: the wxcc snippet embeds
// a function's source text, which must be byte-identical to what the binary prints.
export default defineConfig({
  test: {
    ...ciTimeouts(),
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    server: { deps: { external: [/\/packages\/[^/]+\/dist\//] } },
  },
});
