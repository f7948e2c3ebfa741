import { defineConfig } from 'vitest/config';

// The process tests spawn the built binary, so they need `pnpm build` first (turbo's test task depends on build).
export default defineConfig({ test: { include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: ['**/node_modules/**'] } });
