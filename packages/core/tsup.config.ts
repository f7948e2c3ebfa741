import { defineConfig } from 'tsup';

export default defineConfig({
  // `server` is its own entry so browser bundles of the main entry never include the HTTP code (or ky).
  entry: { index: 'src/index.ts', server: 'src/server/index.ts' },
  format: ['esm', 'cjs'],
  // No shared chunks: the main entry's files stay exactly what browser bundles measured before ./server existed.
  splitting: false,
  dts: { compilerOptions: { rootDir: 'src' } },
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
});
