import { defineConfig } from 'vitest/config';
import { ciTimeouts } from '../../vitest.shared.js';

export default defineConfig({
  test: { include: ['test/**/*.test.ts'], ...ciTimeouts(), fileParallelism: false },
});
