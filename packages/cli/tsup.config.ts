import { defineConfig } from 'tsup';

// ESM only: the command runs on Node 20.19+, and `runCli` loads adapters with dynamic import().
export default defineConfig({
  entry: ['src/index.ts', 'src/bin.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts', compilerOptions: { rootDir: 'src' } },
  clean: true,
  sourcemap: true,
  target: 'node20',
  platform: 'node',
});
