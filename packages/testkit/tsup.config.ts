import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/stand-ins.ts'],
  format: ['esm', 'cjs'],
  dts: { compilerOptions: { rootDir: 'src' } },
  // Not cleaned: adapter packages build this package while others test against it; a clean would
  // delete files from under a running test. CI always starts from a fresh clone.
  clean: false,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  external: ['vitest'],
});
