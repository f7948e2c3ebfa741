import { createRequire } from 'node:module';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AdapterProof } from './adapter-proofs.js';
import { runCommand, type RunOutput } from './run-command.js';

/**
 * A fresh npm project outside the workspace that installs only core and one adapter from their tarballs, the
 * way a user's app would, and the small programs that use them from ESM, CommonJS and TypeScript.
 */

/** The environment for the consumer's npm: none of the `npm_config_*` settings pnpm passes to scripts. */
function npmEnvironment(): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_registry', 'npm_config_cache', 'npm_config_userconfig']);
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) && !keep.has(key.toLowerCase())) continue;
    env[key] = value;
  }
  return { ...env, npm_config_loglevel: 'error', npm_config_update_notifier: 'false' };
}

/**
 * Creates `folder` as an empty app and `npm install`s exactly the given tarballs into it (plain npm, so no
 * workspace linking can hide a missing dependency; dependencies such as zod come from the registry).
 */
export async function installTarballs(folder: string, tarballs: readonly string[]): Promise<RunOutput> {
  await mkdir(folder, { recursive: true });
  await writeFile(
    path.join(folder, 'package.json'),
    `${JSON.stringify({ name: `consumer-${path.basename(folder)}`, version: '0.0.0', private: true }, null, 2)}\n`,
  );
  return runCommand('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs], {
    cwd: folder,
    env: npmEnvironment(),
    timeoutMs: 100_000,
  });
}

/** Every package name installed anywhere under `folder/node_modules`, nested copies included. */
export async function listInstalledPackages(folder: string): Promise<string[]> {
  const names = new Set<string>();
  async function walk(nodeModules: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(nodeModules, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const packageFolders = entry.name.startsWith('@')
        ? (await readdir(path.join(nodeModules, entry.name))).map((scoped) => path.join(nodeModules, entry.name, scoped))
        : [path.join(nodeModules, entry.name)];
      for (const packageFolder of packageFolders) {
        names.add(path.relative(nodeModules, packageFolder).split(path.sep).join('/'));
        await walk(path.join(packageFolder, 'node_modules'));
      }
    }
  }
  await walk(path.join(folder, 'node_modules'));
  return [...names].sort();
}

/** The subpaths a package exports (`.`, `./browser`, …), as import specifiers. */
export async function exportedSpecifiers(folder: string, packageName: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(path.join(folder, 'node_modules', packageName, 'package.json'), 'utf8')) as {
    exports: Record<string, unknown>;
  };
  return Object.keys(manifest.exports)
    .filter((subpath) => subpath !== './package.json')
    .map((subpath) => (subpath === '.' ? packageName : `${packageName}${subpath.slice(1)}`));
}

/** What the ESM and CommonJS programs report. */
export interface ConsumerReport {
  /** Each imported specifier, the file it resolved to, and its export names. */
  readonly entries: Record<string, { readonly resolved: string; readonly exports: string[] }>;
  readonly parsed: unknown;
  readonly toVendor: unknown;
  /** The same context translated by the `./browser` entry's zod-free translation. */
  readonly browserTranslation: unknown;
  readonly fromVendor: unknown;
}

/** The program body shared by the ESM and CommonJS forms; `load(specifier)` imports or requires. */
function programBody(proof: AdapterProof, specifiers: readonly string[]): string {
  return `
const specifiers = ${JSON.stringify(specifiers)};
const entries = {};
const modules = {};
for (const specifier of specifiers) {
  modules[specifier] = await load(specifier);
  entries[specifier] = { resolved: resolve(specifier), exports: Object.keys(modules[specifier]).sort() };
}
const core = modules['@visitor-context/core'];
const adapter = modules['@visitor-context/${proof.id}'][${JSON.stringify(proof.instance)}];
const translateInBrowser = modules['@visitor-context/${proof.id}/browser'][${JSON.stringify(proof.translateContext)}];
const context = JSON.parse(readFileSync(join(here, 'inputs', 'context.json'), 'utf8'));
const inbound = readFileSync(join(here, 'inputs', 'inbound.txt'), 'utf8');
process.stdout.write(JSON.stringify({
  entries,
  parsed: core.parseVisitorContext(context),
  toVendor: adapter.toVendor(context),
  browserTranslation: translateInBrowser(context),
  fromVendor: adapter.fromVendor(inbound),
}));
`;
}

/** The TypeScript consumer: server-side translation and reading, page-side applying, with the types connected. */
function typeScriptConsumer(proof: AdapterProof): string {
  return `import { parseVisitorContext, type Result, type VisitorContext } from '@visitor-context/core';
import { ${proof.instance} } from '@visitor-context/${proof.id}';
import { ${proof.applyPayload}, ${proof.translateContext} } from '@visitor-context/${proof.id}/browser';

export async function translateInPage(context: VisitorContext) {
  const translated = ${proof.translateContext}(context);
  if (!translated.ok) return translated.diagnostics;
  return ${proof.applyTranslated};
}

export async function translateThenApply(input: unknown) {
  const parsed = parseVisitorContext(input);
  if (!parsed.ok) return parsed.diagnostics.map((item) => \`\${item.code} at \${item.path.join('.')}\`);
  const context: VisitorContext = parsed.value;
  const translated = ${proof.instance}.toVendor(context, { strict: false });
  if (!translated.ok) return translated.diagnostics;
  return ${proof.applyTranslated};
}

export function readInbound(text: string): Result<VisitorContext> {
  return ${proof.instance}.fromVendor(text);
}
`;
}

const sharedCompilerOptions = {
  target: 'es2022',
  lib: ['es2022', 'dom'],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  types: [],
  noEmit: true,
};

/**
 * Writes the programs and inputs into an installed consumer project: `esm.mjs`, `cjs.cjs`, and the TypeScript
 * consumer and page code as `.mts`/`.cts` (checked with `node16`) and `.ts` (checked with `bundler`).
 */
export async function writeConsumerProgram(
  folder: string,
  proof: AdapterProof,
  specifiers: readonly string[],
  inputs: { readonly context: unknown; readonly inbound: string },
): Promise<void> {
  await mkdir(path.join(folder, 'inputs'), { recursive: true });
  await writeFile(path.join(folder, 'inputs', 'context.json'), JSON.stringify(inputs.context));
  await writeFile(path.join(folder, 'inputs', 'inbound.txt'), inputs.inbound);
  const body = programBody(proof, specifiers);
  await writeFile(
    path.join(folder, 'esm.mjs'),
    `import { readFileSync } from 'node:fs';\nimport { dirname, join } from 'node:path';\nimport { fileURLToPath } from 'node:url';\n` +
      `const here = dirname(fileURLToPath(import.meta.url));\nconst load = (specifier) => import(specifier);\n` +
      `const resolve = (specifier) => fileURLToPath(import.meta.resolve(specifier));\n${body}`,
  );
  await writeFile(
    path.join(folder, 'cjs.cjs'),
    `'use strict';\nconst { readFileSync } = require('node:fs');\nconst { join } = require('node:path');\n` +
      `const here = __dirname;\nconst load = (specifier) => require(specifier);\nconst resolve = (specifier) => require.resolve(specifier);\n` +
      `(async () => {\n${body}\n})().catch((error) => { console.error(error); process.exitCode = 1; });\n`,
  );
  const consumer = typeScriptConsumer(proof);
  for (const extension of ['mts', 'cts', 'ts']) {
    await writeFile(path.join(folder, `consumer.${extension}`), consumer);
    await writeFile(path.join(folder, `page.${extension}`), proof.translateAndApplyPage);
  }
  await writeFile(
    path.join(folder, 'tsconfig.node16.json'),
    JSON.stringify({
      // The published declaration files (ESM and CommonJS flavours) are checked here too: a consumer must not
      // inherit type errors from the packages. TypeScript's own lib files are not re-checked (slow, not ours).
      compilerOptions: { ...sharedCompilerOptions, module: 'node16', moduleResolution: 'node16', skipLibCheck: false, skipDefaultLibCheck: true },
      files: ['consumer.mts', 'consumer.cts', 'page.mts', 'page.cts'],
    }),
  );
  await writeFile(
    path.join(folder, 'tsconfig.bundler.json'),
    JSON.stringify({
      // Declaration files were checked under node16; here what matters is resolution and the consumer's types.
      compilerOptions: { ...sharedCompilerOptions, module: 'esnext', moduleResolution: 'bundler', skipLibCheck: true },
      files: ['consumer.ts', 'page.ts'],
    }),
  );
}

/** Runs one of the consumer's programs with node and parses its report. */
export async function runConsumerProgram(folder: string, program: 'esm.mjs' | 'cjs.cjs'): Promise<ConsumerReport> {
  const { stdout } = await runCommand(process.execPath, [program], { cwd: folder });
  return JSON.parse(stdout) as ConsumerReport;
}

/** The workspace's TypeScript compiler (5.9.3, the version the packages are built with). */
const typeScriptCompiler = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** Type-checks the consumer with the given tsconfig; resolves with tsc's output, rejects on any error. */
export function typeCheckConsumer(folder: string, moduleResolution: 'node16' | 'bundler'): Promise<RunOutput> {
  return runCommand(process.execPath, [typeScriptCompiler, '-p', `tsconfig.${moduleResolution}.json`, '--pretty', 'false'], { cwd: folder });
}
