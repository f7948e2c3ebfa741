import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { listPublishablePackages, packPackages, type PackedPackage } from './pack-packages.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Every publishable package, packed once for the whole run (see packed-packages.global-setup.ts). */
    packedPackages: PackedPackage[];
  }
}

/**
 * Packs every publishable package once, before any test file runs, into a scratch folder outside the workspace,
 * and provides the tarballs to the proofs (`inject('packedPackages')`): the install proof and the registry proof
 * use the same tarballs, read-only, instead of each packing all packages again. The folder is removed at the end.
 */
export default async function packOnce(project: TestProject): Promise<() => Promise<void>> {
  const folder = await mkdtemp(path.join(tmpdir(), 'visitor-context-packed-'));
  try {
    const packed = await packPackages(await listPublishablePackages(), folder);
    project.provide('packedPackages', [...packed.values()]);
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  return () => rm(folder, { recursive: true, force: true });
}

