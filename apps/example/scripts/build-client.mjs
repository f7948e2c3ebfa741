// Bundles what the browser loads: for each vendor, its testkit stand-in (served where the vendor's script
// would be) and the single-page app's use of the adapter's ./browser runtime.
import { readdir } from 'node:fs/promises';
import { build } from 'esbuild';

const source = new URL('../src/client/entries/', import.meta.url);
const output = new URL(process.argv[2] ?? '../dist/public/', import.meta.url);
const entries = (await readdir(source)).filter((file) => file.endsWith('.ts'));
await Promise.all(
  entries.map((file) => {
    const [kind, ...rest] = file.replace(/\.ts$/, '').split('.');
    const folder = kind === 'stand-in' ? 'stand-ins' : 'assets';
    const name = kind === 'stand-in' ? rest.join('.') : `${rest.join('.')}-spa`;
    return build({
      entryPoints: [new URL(file, source).pathname],
      outfile: new URL(`${folder}/${name}.js`, output).pathname,
      bundle: true,
      minify: true,
      format: kind === 'stand-in' ? 'iife' : 'esm',
      platform: 'browser',
      target: 'es2022',
      logLevel: 'warning',
    });
  }),
);
console.log(`client bundles: ${entries.length}`);
