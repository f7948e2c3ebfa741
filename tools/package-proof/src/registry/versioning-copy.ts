import { copyFile, cp, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { runCommand } from '../run-command.js';

/**
 * A copy of the workspace's manifests and changesets (no sources, no builds) where the real `changeset version`
 * runs, so the proof publishes exactly the versions a release would give, and the workspace stays untouched.
 */

/** A package manifest, as far as versioning reads it. */
export interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly [section: string]: unknown;
}

const workspaceGlobs = ['packages', 'apps', 'tools'];

/** The changesets binary of the workspace root (the version the repository releases with). */
function changesetBin(workspaceRoot: string): string {
  return createRequire(path.join(workspaceRoot, 'package.json')).resolve('@changesets/cli/bin.js');
}

/** Copies the manifests, CHANGELOGs and `.changeset/` of `workspaceRoot` into `folder`. */
export async function createVersioningCopy(workspaceRoot: string, folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  for (const file of ['package.json', 'pnpm-workspace.yaml']) await copyFile(path.join(workspaceRoot, file), path.join(folder, file));
  await cp(path.join(workspaceRoot, '.changeset'), path.join(folder, '.changeset'), { recursive: true });
  for (const group of workspaceGlobs) {
    for (const entry of await readdir(path.join(workspaceRoot, group), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const from = path.join(workspaceRoot, group, entry.name);
      const to = path.join(folder, group, entry.name);
      for (const file of ['package.json', 'CHANGELOG.md']) {
        try {
          await mkdir(to, { recursive: true });
          await copyFile(path.join(from, file), path.join(to, file));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      }
    }
  }
  // The changelog generator named in .changeset/config.json resolves from here.
  await symlink(path.join(workspaceRoot, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
}

/** Adds a changeset to the copy, as `pnpm changeset` would write it. */
export async function addChangeset(folder: string, name: string, bumps: Readonly<Record<string, 'patch' | 'minor'>>, summary: string): Promise<void> {
  const frontmatter = Object.entries(bumps).map(([packageName, bump]) => `"${packageName}": ${bump}`);
  await writeFile(path.join(folder, '.changeset', `${name}.md`), `---\n${frontmatter.join('\n')}\n---\n\n${summary}\n`);
}

/** Runs `changeset version` (or `changeset version --snapshot <tag>`) in the copy. */
export async function changesetVersion(workspaceRoot: string, folder: string, snapshotTag?: string): Promise<void> {
  const args = [changesetBin(workspaceRoot), 'version', ...(snapshotTag === undefined ? [] : ['--snapshot', snapshotTag])];
  await runCommand(process.execPath, args, { cwd: folder, env: { ...process.env, CI: 'true' } });
}

/** Every workspace manifest in the copy, by package name. */
export async function readManifests(folder: string): Promise<Map<string, Manifest>> {
  const manifests = new Map<string, Manifest>();
  for (const group of workspaceGlobs) {
    for (const entry of await readdir(path.join(folder, group), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      try {
        const manifest = JSON.parse(await readFile(path.join(folder, group, entry.name, 'package.json'), 'utf8')) as Manifest;
        manifests.set(manifest.name, manifest);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  }
  return manifests;
}

/** The CHANGELOG.md `changeset version` wrote for the package in `relativeFolder` of the copy, or ''. */
export async function readChangelog(folder: string, relativeFolder: string): Promise<string> {
  try {
    return await readFile(path.join(folder, relativeFolder, 'CHANGELOG.md'), 'utf8');
  } catch {
    return '';
  }
}
