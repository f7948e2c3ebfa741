// Deno, from the `deno` npm package: the binary ships in its platform package (@deno/<platform>). Deno reads
// this package's package.json and node_modules, so the workspace packages resolve to their built dist files
// exactly as they would from npm. No permissions are granted: the entries must not need any.
import { join } from 'node:path';
import { cacheDir } from '../host/paths.mjs';
import { fileEntry, packageFolder, readResults, runCommand } from './run-command.mjs';

const platforms = { 'linux-x64': 'linux-x64-glibc', 'linux-arm64': 'linux-arm64-glibc', 'darwin-x64': 'darwin-x64', 'darwin-arm64': 'darwin-arm64' };

export const denoRuntime = {
  id: 'deno',
  label: 'Deno',
  async run() {
    const platform = platforms[`${process.platform}-${process.arch}`] ?? `${process.platform}-${process.arch}`;
    const binary = join(packageFolder(`@deno/${platform}`, 'deno'), 'deno');
    const env = { DENO_DIR: join(cacheDir, 'deno'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' };
    const version = (await runCommand(binary, ['--version'], { env })).split('\n')[0].replace(/^deno (\S+).*/, '$1');
    return { version: `Deno ${version}`, results: readResults(await runCommand(binary, ['run', '--no-prompt', fileEntry], { env })) };
  },
};
