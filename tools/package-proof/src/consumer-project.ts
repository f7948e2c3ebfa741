import { execFile } from 'node:child_process';
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
  for (const moduleResolution of ['node16', 'bundler'] as const) {
    await writeFile(path.join(folder, `tsconfig.${moduleResolution}.json`), JSON.stringify(consumerTsconfig(moduleResolution, '')));
  }
}

/**
 * A consumer's tsconfig for `moduleResolution`, its files prefixed with `prefix` (the consumer's folder relative to
 * the tsconfig; '' in the consumer itself): `.mts`/`.cts` under `node16`, `.ts` under `bundler`.
 */
function consumerTsconfig(moduleResolution: 'node16' | 'bundler', prefix: string): { compilerOptions: object; files: string[] } {
  if (moduleResolution === 'node16') {
    return {
      // The published declaration files (ESM and CommonJS flavours) are checked here too: a consumer must not
      // inherit type errors from the packages. TypeScript's own lib files are not re-checked (slow, not ours).
      compilerOptions: { ...sharedCompilerOptions, module: 'node16', moduleResolution: 'node16', skipLibCheck: false, skipDefaultLibCheck: true },
      files: ['consumer.mts', 'consumer.cts', 'page.mts', 'page.cts'].map((file) => `${prefix}${file}`),
    };
  }
  return {
    // Declaration files were checked under node16; here what matters is resolution and the consumer's types.
    compilerOptions: { ...sharedCompilerOptions, module: 'esnext', moduleResolution: 'bundler', skipLibCheck: true },
    files: ['consumer.ts', 'page.ts'].map((file) => `${prefix}${file}`),
  };
}

/** Runs one of the consumer's programs with node and parses its report. */
export async function runConsumerProgram(folder: string, program: 'esm.mjs' | 'cjs.cjs'): Promise<ConsumerReport> {
  const { stdout } = await runCommand(process.execPath, [program], { cwd: folder });
  return JSON.parse(stdout) as ConsumerReport;
}

/** The workspace's TypeScript compiler (5.9.3, the version the packages are built with). */
const typeScriptCompiler = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** What one tsc run over several consumers printed, split by consumer. */
export interface ConsumersTypeCheck {
  /** tsc's exit code: 0 when it reported nothing. */
  readonly exitCode: number;
  /** tsc's messages about files in `folder` (its `node_modules` included), '' when none. */
  outputOf(folder: string): string;
  /** tsc's messages about no consumer's files (a missing file, a bad option), '' when none. */
  readonly general: string;
}

/**
 * Type-checks several installed consumers in one tsc program per `moduleResolution`, with exactly the compiler
 * options and files of each consumer's own `tsconfig.<moduleResolution>.json` (written into `root`, which holds
 * the consumers). Each consumer's files still resolve through its own `node_modules`.
 *
 * @remarks
 * One program instead of one tsc per consumer: tsc starts and reads its lib files once, and TypeScript gives
 * an installed package that is the same name and version in several `node_modules` (core, zod) one source
 * file, so their declarations are checked once rather than once per consumer. A message about such a shared
 * declaration file is reported under the consumer whose copy TypeScript read first.
 */
export async function typeCheckConsumers(
  root: string,
  folders: readonly string[],
  moduleResolution: 'node16' | 'bundler',
): Promise<ConsumersTypeCheck> {
  const prefixes = folders.map((folder) => `${path.relative(root, folder).split(path.sep).join('/')}/`);
  const [first] = prefixes;
  if (first === undefined) throw new Error('no consumer to type-check');
  const tsconfig = consumerTsconfig(moduleResolution, first);
  tsconfig.files = prefixes.flatMap((prefix) => consumerTsconfig(moduleResolution, prefix).files);
  const tsconfigFile = `tsconfig.${moduleResolution}.json`;
  await writeFile(path.join(root, tsconfigFile), JSON.stringify(tsconfig));
  const { exitCode, stdout, stderr } = await new Promise<{ exitCode: number; stdout: string; stderr: string }>((resolve, reject) => {
    execFile(
      process.execPath,
      [typeScriptCompiler, '-p', tsconfigFile, '--pretty', 'false'],
      { cwd: root, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
      (error, out, err) => {
        if (error !== null && (error.killed || typeof error.code !== 'number')) reject(new Error(`tsc -p ${tsconfigFile} in ${root} failed: ${String(error)}\n${err}`));
        else resolve({ exitCode: error === null ? 0 : Number(error.code), stdout: out, stderr: err });
      },
    );
  });
  // tsc --pretty false prints one line per message (`file(line,col): error TS…`), continued on indented lines.
  const byPrefix = new Map<string, string[]>(prefixes.map((prefix) => [prefix, []]));
  const general: string[] = stderr === '' ? [] : [stderr];
  let current = general;
  for (const line of stdout.split('\n')) {
    if (line === '') continue;
    if (!/^\s/.test(line)) current = byPrefix.get(prefixes.find((prefix) => line.startsWith(prefix)) ?? '') ?? general;
    current.push(line);
  }
  return {
    exitCode,
    outputOf: (folder) => (byPrefix.get(`${path.relative(root, folder).split(path.sep).join('/')}/`) ?? [`${folder} was not type-checked`]).join('\n'),
    general: general.join('\n'),
  };
}
