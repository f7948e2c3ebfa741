import type { Result, VisitorContext, VisitorContextAdapter } from '@visitor-context/core';
import { CliUsageError } from './cli-usage-error.js';
import { installCommand } from './install-command.js';

/**
 * What the command needs to know about one vendor adapter package: where it lives and the names of its
 * exports. Adapters are optional peer dependencies, so this is data, and each package is loaded only when a
 * command names its vendor.
 */
export interface AdapterPackageEntry {
  /** The vendor id used on the command line and as the adapter's `vendor`. */
  readonly id: string;
  /** The npm package to install. */
  readonly packageName: string;
  /** The ready-made adapter instance's export. */
  readonly adapterExport: string;
  /** The snippet renderer's export: `(context, options) => Result<string>`. */
  readonly snippetExport: string;
  /** The zod schema of the snippet options, when the package exports one (its keys are shown by `vendors`). */
  readonly snippetOptionsSchemaExport?: string;
  /** Snippet options a user must always pass, for the examples in `vendors`. */
  readonly snippetExample: string;
}

/** Every adapter the command knows, in the order `vendors` lists them. */
export const adapterPackages: readonly AdapterPackageEntry[] = Object.freeze([
  {
    id: 'comm100',
    packageName: '@visitor-context/comm100',
    adapterExport: 'comm100Adapter',
    snippetExport: 'renderComm100Snippet',
    snippetOptionsSchemaExport: 'Comm100SnippetOptionsSchema',
    snippetExample: '--option siteId:=10000 --option campaignId=your-campaign-id',
  },
  {
    id: 'genesys',
    packageName: '@visitor-context/genesys',
    adapterExport: 'genesysAdapter',
    snippetExport: 'renderGenesysSnippet',
    snippetOptionsSchemaExport: 'GenesysSnippetOptionsSchema',
    snippetExample: '--option deploymentId=your-deployment-id --option environment=prod-euw1',
  },
  {
    id: 'giosg',
    packageName: '@visitor-context/giosg',
    adapterExport: 'giosgAdapter',
    snippetExport: 'renderGiosgSnippet',
    snippetExample: '--option companyId=your-company-id',
  },
  {
    id: 'imsupporting',
    packageName: '@visitor-context/imsupporting',
    adapterExport: 'imsupportingAdapter',
    snippetExport: 'renderImsupportingSnippet',
    snippetOptionsSchemaExport: 'ImsupportingSnippetOptionsSchema',
    snippetExample: '--option siteId=your-site-id',
  },
  {
    id: 'wxcc',
    packageName: '@visitor-context/wxcc',
    adapterExport: 'wxccAdapter',
    snippetExport: 'renderWxccSnippet',
    snippetOptionsSchemaExport: 'WxccSnippetOptionsSchema',
    snippetExample: '--option widget.bindId=your-bind-id --option widget.guid=your-guid',
  },
]);

/** The pseudo-vendor that means the canonical visitor-context model itself. */
export const canonicalId = 'canonical';

/** A snippet renderer as every adapter package exports it. */
export type SnippetRenderer = (context: VisitorContext, options: Readonly<Record<string, unknown>>) => Result<string>;

/** An adapter package, loaded and checked. */
export interface LoadedAdapterPackage {
  readonly entry: AdapterPackageEntry;
  readonly adapter: VisitorContextAdapter<unknown, Record<string, unknown>, Record<string, unknown>>;
  readonly renderSnippet: SnippetRenderer;
  /** The keys of the snippet options schema, when the package exports one. */
  readonly snippetOptionNames: readonly string[] | undefined;
  /** The whole module, for vendor-specific commands (e.g. `wxcc evaluate-node`). */
  readonly exports: Readonly<Record<string, unknown>>;
}

/** Imports a package by name; replaced in tests of the loader. */
export type ModuleImporter = (packageName: string) => Promise<unknown>;

// A variable specifier keeps bundlers from resolving the optional peers at build time.
const importPackage: ModuleImporter = (packageName) => import(packageName);

/** Finds a vendor id in the table, or throws the usage error that lists the known ones. */
export function findAdapterPackage(id: string): AdapterPackageEntry {
  const entry = adapterPackages.find((candidate) => candidate.id === id);
  if (entry !== undefined) return entry;
  throw new CliUsageError(
    'unknown_vendor',
    `Unknown vendor "${id}". Known vendors: ${adapterPackages.map((candidate) => candidate.id).join(', ')}` +
      ` (or "${canonicalId}" where a canonical context is meant).`,
  );
}

/**
 * Loads an adapter package with dynamic `import()`. A package that is not installed is a usage error that
 * says how to install it; a package that is installed but does not have the expected exports is reported
 * as such (an incompatible version), never as a crash.
 */
export async function loadAdapterPackage(id: string, importer: ModuleImporter = importPackage): Promise<LoadedAdapterPackage> {
  const entry = findAdapterPackage(id);
  const exports = await loadAdapterModule(id, entry.packageName, importer);
  const adapter = exports[entry.adapterExport];
  const renderSnippet = exports[entry.snippetExport];
  if (!isAdapter(adapter) || typeof renderSnippet !== 'function') {
    throw new CliUsageError(
      'adapter_not_loadable',
      `${entry.packageName} does not export ${entry.adapterExport} and ${entry.snippetExport}; install a version that matches this CLI.`,
    );
  }
  return {
    entry,
    adapter: adapter as LoadedAdapterPackage['adapter'],
    renderSnippet: renderSnippet as SnippetRenderer,
    snippetOptionNames: readSchemaKeys(entry.snippetOptionsSchemaExport === undefined ? undefined : exports[entry.snippetOptionsSchemaExport]),
    exports,
  };
}

/**
 * Imports a module of a known adapter package (`specifier` is the package or one of its entries, such as
 * `@visitor-context/giosg/server`) and returns its exports. Not installed, or failing to load, is a usage
 * error that says what to do.
 */
export async function loadAdapterModule(
  id: string,
  specifier: string,
  importer: ModuleImporter = importPackage,
): Promise<Readonly<Record<string, unknown>>> {
  const entry = findAdapterPackage(id);
  let loaded: unknown;
  try {
    loaded = await importer(specifier);
  } catch (error) {
    if (isMissingPackage(error, entry.packageName)) {
      throw new CliUsageError(
        'adapter_not_installed',
        `The ${entry.id} adapter is not installed. Install it next to the CLI: ${installCommand(entry.packageName)}`,
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliUsageError('adapter_not_loadable', `${specifier} is installed but could not be loaded: ${reason}`);
  }
  return (typeof loaded === 'object' && loaded !== null ? loaded : {}) as Readonly<Record<string, unknown>>;
}

/** Whether each known adapter package can be loaded, without failing on any of them. */
export async function probeAdapterPackages(
  importer: ModuleImporter = importPackage,
): Promise<{ entry: AdapterPackageEntry; loaded?: LoadedAdapterPackage; problem?: CliUsageError }[]> {
  return Promise.all(
    adapterPackages.map(async (entry) => {
      try {
        return { entry, loaded: await loadAdapterPackage(entry.id, importer) };
      } catch (error) {
        if (error instanceof CliUsageError) return { entry, problem: error };
        throw error;
      }
    }),
  );
}

function isMissingPackage(error: unknown, packageName: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  // Node names the package it could not find; a missing dependency of the adapter itself is a different problem.
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && typeof message === 'string' && message.includes(`'${packageName}'`);
}

function isAdapter(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<'toVendor' | 'fromVendor' | 'vendor', unknown>>;
  return typeof candidate.toVendor === 'function' && typeof candidate.fromVendor === 'function' && typeof candidate.vendor === 'string';
}

/** The option names of a zod object schema (`shape`), or undefined for anything else. */
function readSchemaKeys(schema: unknown): readonly string[] | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const shape = (schema as { shape?: unknown }).shape;
  return typeof shape === 'object' && shape !== null ? Object.keys(shape) : undefined;
}
