import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runCommand } from '../run-command.js';
import type { Manifest } from './versioning-copy.js';

/** The dependency sections whose `workspace:` ranges publishing rewrites. */
const dependencySections = ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies'] as const;

/**
 * The range a `workspace:` dependency is published with, by pnpm's rule: `workspace:^` → `^<version>`,
 * `workspace:~` → `~<version>`, `workspace:*` → `<version>`, `workspace:<range>` → `<range>`.
 */
export function publishedRange(specifier: string, version: string): string {
  if (!specifier.startsWith('workspace:')) return specifier;
  const range = specifier.slice('workspace:'.length);
  if (range === '*') return version;
  if (range === '^' || range === '~') return `${range}${version}`;
  return range;
}

/**
 * The internal dependency ranges of a workspace manifest as they are published, given every package's version:
 * `{ section: { name: range } }` for each `workspace:` dependency.
 */
export function publishedInternalRanges(source: Manifest, versions: ReadonlyMap<string, string>): Record<string, Record<string, string>> {
  const ranges: Record<string, Record<string, string>> = {};
  for (const section of dependencySections) {
    for (const [name, specifier] of Object.entries((source[section] ?? {}) as Record<string, string>)) {
      if (!specifier.startsWith('workspace:')) continue;
      const version = versions.get(name);
      if (version === undefined) throw new Error(`${source.name} depends on ${name}, which is not in the workspace`);
      (ranges[section] ??= {})[name] = publishedRange(specifier, version);
    }
  }
  return ranges;
}

/**
 * Unpacks a `pnpm pack` tarball into `folder/<name>@<version>/` and gives it the version and internal dependency
 * ranges of `versioned` (the package's manifest after `changeset version` in the versioning copy), as that
 * release's `pnpm pack` would. Returns the folder to publish.
 */
export async function stageRelease(tarball: string, versioned: Manifest, versions: ReadonlyMap<string, string>, folder: string): Promise<string> {
  const staged = path.join(folder, `${versioned.name.replace('/', '+')}@${versioned.version}`);
  await mkdir(staged, { recursive: true });
  await runCommand('tar', ['-xzf', tarball, '-C', staged, '--strip-components=1'], { cwd: folder });
  const manifestFile = path.join(staged, 'package.json');
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Record<string, unknown>;
  manifest.version = versioned.version;
  for (const [section, ranges] of Object.entries(publishedInternalRanges(versioned, versions))) {
    manifest[section] = { ...(manifest[section] as Record<string, string>), ...ranges };
  }
  await writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return staged;
}
