// The Node reference run: the suite in a fresh process of the machine's Node. Fresh, because a library loaded
// into the matrix's own process (one that configures zod's global locale, say) would change outcomes. Every
// other runtime's outcomes are compared with this run's.
import { accessSync, constants } from 'node:fs';
import { delimiter, join, sep } from 'node:path';
import { fileEntry, readResults, runCommand } from './run-command.mjs';

/**
 * The machine's `node`: the first on PATH outside any node_modules/.bin. pnpm puts this package's .bin first,
 * where the installed node-20/22/24 packages link a `node` of their own.
 */
export function machineNode() {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    if (folder === '' || folder.includes(`${sep}node_modules${sep}`)) continue;
    try {
      accessSync(join(folder, 'node'), constants.X_OK);
      return join(folder, 'node');
    } catch {
      // not in this folder
    }
  }
  return process.execPath;
}

export const referenceRuntime = {
  id: 'node-ref',
  label: 'Node (reference)',
  async run() {
    const binary = machineNode();
    const version = (await runCommand(binary, ['--version'])).trim().replace(/^v/, '');
    return { version: `Node ${version} (reference)`, results: readResults(await runCommand(binary, [fileEntry])) };
  },
};
