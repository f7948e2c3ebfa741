// Bun, from the `bun` npm package: its binary ships in the platform package (@oven/bun-<platform>) the `bun`
// package depends on, so we run that binary directly and need no install script.
import { join } from 'node:path';
import { fileEntry, packageFolder, readResults, runCommand } from './run-command.mjs';

export const bunRuntime = {
  id: 'bun',
  label: 'Bun',
  async run() {
    const binary = join(packageFolder(`@oven/bun-${process.platform}-${process.arch}`, 'bun'), 'bin', 'bun');
    const version = (await runCommand(binary, ['--version'])).trim();
    return { version: `Bun ${version}`, results: readResults(await runCommand(binary, [fileEntry], { env: { BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0' } })) };
  },
};
