import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { build, type Format } from 'esbuild';

/** One input file's share of a bundle, from esbuild's metafile. */
export interface BundleInput {
  /** Where the code comes from: `@visitor-context/<name>/<file>`, `zod/<file>`, or the entry. */
  readonly source: string;
  /** Minified bytes this input contributes (before gzip). */
  readonly bytes: number;
}

/** What a page would ship for one entry. */
export interface BundleMeasure {
  /** The minified bundle. */
  readonly code: string;
  readonly minifiedBytes: number;
  /** gzip at level 9, as a CDN would serve it. */
  readonly gzipBytes: number;
  /** Every input with code in the bundle, largest first. */
  readonly inputs: readonly BundleInput[];
}

/** This package's folder: entries resolve `@visitor-context/*` through its (workspace-linked) dependencies. */
const resolveFolder = path.resolve(new URL('..', import.meta.url).pathname);

/** Names an input by package, so a report reads `zod/v4/core/schemas.js`, not a pnpm store path. */
function describeInput(file: string): string {
  if (file === '<stdin>') return 'page code (entry)';
  const absolute = path.resolve(resolveFolder, file);
  const store = absolute.lastIndexOf(`${path.sep}node_modules${path.sep}`);
  if (store !== -1) return absolute.slice(store + '/node_modules/'.length).split(path.sep).join('/');
  const packages = absolute.indexOf(`${path.sep}packages${path.sep}`);
  if (packages !== -1) return `@visitor-context/${absolute.slice(packages + '/packages/'.length).split(path.sep).join('/')}`;
  return file;
}

/**
 * Bundles `source` (TypeScript or JavaScript page code) for browsers the way an app's bundler would: every
 * import bundled, tree-shaken, minified; then gzips it.
 */
export async function measureBundle(source: string, options: { readonly format?: Format; readonly globalName?: string } = {}): Promise<BundleMeasure> {
  const result = await build({
    stdin: { contents: source, loader: 'ts', resolveDir: resolveFolder, sourcefile: '<stdin>' },
    bundle: true,
    minify: true,
    format: options.format ?? 'esm',
    ...(options.globalName === undefined ? {} : { globalName: options.globalName }),
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error('esbuild produced no output');
  const outputMeta = Object.values(result.metafile.outputs)[0];
  const inputs = Object.entries(outputMeta?.inputs ?? {})
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([file, input]) => ({ source: describeInput(file), bytes: input.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  return { code: output.text, minifiedBytes: output.contents.byteLength, gzipBytes: gzipSync(output.contents, { level: 9 }).byteLength, inputs };
}

/** Sums the inputs' bytes by package (`zod`, `@visitor-context/core`, …), largest first. */
export function bytesByPackage(inputs: readonly BundleInput[]): { readonly name: string; readonly bytes: number }[] {
  const totals = new Map<string, number>();
  for (const input of inputs) {
    const parts = input.source.split('/');
    const name = input.source.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? input.source);
    totals.set(name, (totals.get(name) ?? 0) + input.bytes);
  }
  return [...totals].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}
