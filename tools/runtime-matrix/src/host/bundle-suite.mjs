// Bundles the suite with the built packages for hosts that take one script, resolving package exports with the
// conditions each platform's own tooling uses (wrangler for workerd, Vercel for the Edge Runtime, a browser
// bundler), so the entries are proven as those platforms would load them.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { generatedDir, packageDir } from './paths.mjs';

export const bundleTargets = {
  workerd: { entry: 'worker.mjs', format: 'esm', conditions: ['workerd', 'worker', 'browser'] },
  edge: { entry: 'global-promise.mjs', format: 'iife', conditions: ['edge-light', 'worker', 'browser'] },
  browser: { entry: 'global-promise.mjs', format: 'esm', conditions: ['browser'], bypassServerGuards: true },
};

/**
 * A page build of a `./server` entry fails on purpose (its `browser` condition points at a guard). The Chromium
 * run still proves the engine can run that code (WebCrypto signing), so it resolves `./server` entries with the
 * non-browser conditions, as no real page build would.
 */
const bypassServerGuardsPlugin = {
  name: 'bypass-server-guards',
  setup(build) {
    build.onResolve({ filter: /^@visitor-context\/[a-z0-9-]+\/server$/ }, (args) => ({ path: fileURLToPath(import.meta.resolve(args.path)) }));
  },
};

/** Writes `<target>.bundle.js` into the generated folder and returns its path. */
export async function bundleSuite(target) {
  const { entry, format, conditions, bypassServerGuards } = bundleTargets[target];
  const outfile = join(generatedDir, `${target}.bundle.js`);
  await build({
    entryPoints: [join(packageDir, 'src', 'entries', entry)],
    bundle: true,
    format,
    platform: 'browser',
    conditions,
    plugins: bypassServerGuards ? [bypassServerGuardsPlugin] : [],
    target: 'es2022',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}
