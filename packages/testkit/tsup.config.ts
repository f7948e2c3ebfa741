import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/stand-ins.ts', 'src/http-stand-in.ts'],
  format: ['esm', 'cjs'],
  dts: { compilerOptions: { rootDir: 'src' } },
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  external: ['vitest'],
});
