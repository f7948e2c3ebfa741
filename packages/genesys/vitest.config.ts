import { defineConfig } from 'vitest/config';
import { ciTimeouts } from '../../vitest.shared.js';

export default defineConfig({
  test: {
    ...ciTimeouts(),
    include: ['src/**/*.test.ts'],
    exclude: ['**/*.browser.test.ts', '**/node_modules/**'],
  },
});
