import { readdir, readFile } from 'node:fs/promises';
import { runCommand } from './run-command.js';

/** A workspace package that is published to npm. */
export interface PublishablePackage {
  /** `@visitor-context/<folder>`. */
  readonly name: string;
  /** The package folder, absolute. */
  readonly folder: string;
}

/** Every file a manifest points at (`exports` at any depth, `main`, `module`, `types`, `bin`), without `./`. */
export function referencedFiles(manifest: Record<string, unknown>): string[] {
  const files = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') files.add(value.replace(/^\.\//, ''));
    else if (typeof value === 'object' && value !== null) for (const nested of Object.values(value)) collect(nested);
  };
  for (const field of ['exports', 'main', 'module', 'types', 'bin']) collect(manifest[field]);
  return [...files].sort();
}

/** Whether a package is a vendor adapter: adapters have a `./browser` entry (see the adapter checklist). */
export function isAdapterManifest(manifest: { exports?: unknown }): boolean {
  return typeof manifest.exports === 'object' && manifest.exports !== null && './browser' in manifest.exports;
}

/** A package packed as it would be published. */
export interface PackedPackage extends PublishablePackage {
  /** The tarball, absolute. */
  readonly tarball: string;
  /** The files in the tarball, relative to its package folder. */
  readonly files: readonly string[];
  /** The `package.json` in the tarball, as published. */
  readonly manifest: Record<string, unknown>;
}

/** The monorepo's `packages/` folder. */
export const packagesFolder: string = new URL('../../../packages/', import.meta.url).pathname;

/** Every package under `packages/` that is not private: core, testkit and each adapter that exists. */
export async function listPublishablePackages(): Promise<PublishablePackage[]> {
  const found: PublishablePackage[] = [];
  for (const entry of await readdir(packagesFolder, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = `${packagesFolder}${entry.name}`;
    let manifest: { name?: unknown; private?: unknown };
    try {
      manifest = JSON.parse(await readFile(`${folder}/package.json`, 'utf8')) as typeof manifest;
    } catch {
      continue; // a folder another helper is still creating
    }
    if (manifest.private === true || typeof manifest.name !== 'string') continue;
    found.push({ name: manifest.name, folder });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Packs each package with `pnpm pack` (which rewrites `workspace:^` to the real version range, as publishing
 * does) into `destination`, all at once.
 */
export async function packPackages(packages: readonly PublishablePackage[], destination: string): Promise<Map<string, PackedPackage>> {
  const packed = await Promise.all(
    packages.map(async (item): Promise<PackedPackage> => {
      const { stdout } = await runCommand('pnpm', ['pack', '--pack-destination', destination, '--json'], { cwd: item.folder });
      const report = JSON.parse(stdout) as { filename: string; files: { path: string }[] };
      const published = await runCommand('tar', ['-xzOf', report.filename, 'package/package.json'], { cwd: destination });
      const manifest = JSON.parse(published.stdout) as Record<string, unknown>;
      return { ...item, tarball: report.filename, files: report.files.map((file) => file.path), manifest };
    }),
  );
  return new Map(packed.map((item) => [item.name, item]));
}
