// Bundles the suite with the built packages for hosts that take one script, resolving package exports with the
// conditions each platform's own tooling uses (wrangler for workerd, Vercel for the Edge Runtime, a browser
// bundler), so the entries are proven as those platforms would load them.
import { join } from 'node:path';
import { build } from 'esbuild';
import { generatedDir, packageDir } from './paths.mjs';

export const bundleTargets = {
  workerd: { entry: 'worker.mjs', format: 'esm', conditions: ['workerd', 'worker', 'browser'] },
  edge: { entry: 'global-promise.mjs', format: 'iife', conditions: ['edge-light', 'worker', 'browser'] },
  browser: { entry: 'global-promise.mjs', format: 'esm', conditions: ['browser'] },
};

/** Writes `<target>.bundle.js` into the generated folder and returns its path. */
export async function bundleSuite(target) {
  const { entry, format, conditions } = bundleTargets[target];
  const outfile = join(generatedDir, `${target}.bundle.js`);
  await build({
    entryPoints: [join(packageDir, 'src', 'entries', entry)],
    bundle: true,
    format,
    platform: 'browser',
    conditions,
    target: 'es2022',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}
