import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The command that installs `packageName` next to this CLI: `npm install -g` when the CLI itself was installed
 * globally (npm puts global packages in `<prefix>/lib/node_modules`, or `<prefix>\node_modules` on Windows,
 * next to node.exe), `pnpm add -g` for pnpm's global store, else a local `npm install`.
 */
export function installCommand(packageName: string, cliLocation: string = fileURLToPath(import.meta.url), execPath: string = process.execPath): string {
  const location = cliLocation.split(sep).join('/');
  if (/\/pnpm\/global\/[^/]+\/node_modules\//.test(location)) return `pnpm add -g ${packageName}`;
  const windowsGlobal = `${execPath.split(sep).join('/').replace(/\/[^/]*$/, '')}/node_modules/`;
  if (location.includes('/lib/node_modules/') || location.startsWith(windowsGlobal)) return `npm install -g ${packageName}`;
  return `npm install ${packageName}`;
}
