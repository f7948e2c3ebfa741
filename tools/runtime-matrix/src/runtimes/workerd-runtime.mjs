// Cloudflare's workerd, through miniflare, run with the installed Node 22. Plain workers: no nodejs_compat flag.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleSuite } from '../host/bundle-suite.mjs';
import { nodeBinary } from './node-runtimes.mjs';
import { packageFolder, readResults, runCommand } from './run-command.mjs';

/** The newest compatibility date the installed workerd supports is part of its version (1.YYYYMMDD.n). */
function compatibilityDate(version) {
  const digits = version.split('.')[1];
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
}

export const workerdRuntime = {
  id: 'workerd',
  label: 'workerd',
  async run() {
    const bundle = await bundleSuite('workerd');
    const workerdVersion = JSON.parse(readFileSync(join(packageFolder('workerd', 'miniflare'), 'package.json'), 'utf8')).version;
    const host = join('src', 'runtimes', 'miniflare-host.mjs');
    const stdout = await runCommand(nodeBinary('node-22'), [host, bundle, compatibilityDate(workerdVersion)]);
    return { version: `workerd ${workerdVersion} (miniflare)`, results: readResults(stdout) };
  },
};
