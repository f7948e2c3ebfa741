import { defineConfig } from 'vitest/config';
import { chromiumBrowser } from '../../vitest.browser.shared.js';

export default defineConfig({ test: { include: ['test/**/*.browser.test.ts'], browser: chromiumBrowser } });
