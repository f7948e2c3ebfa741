import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/browser.ts', 'src/server.ts'],
  format: ['esm', 'cjs'],
  dts: { compilerOptions: { rootDir: 'src' } },
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
});
