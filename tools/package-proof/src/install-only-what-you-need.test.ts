import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adapterIds, adapterProofs, type AdapterId } from './adapter-proofs.js';
import {
  exportedSpecifiers,
  installTarballs,
  listInstalledPackages,
  runConsumerProgram,
  typeCheckConsumers,
  writeConsumerProgram,
  type ConsumerReport,
  type ConsumersTypeCheck,
} from './consumer-project.js';
import { isAdapterManifest, packagesFolder, referencedFiles, type PackedPackage } from './pack-packages.js';
import { typicalContext } from './sample-contexts.js';

/**
 * Takes every publishable package packed once for the run (packed-packages.global-setup.ts), then for each adapter
 * installs only core and that adapter from the tarballs, with plain npm, into a fresh project outside the
 * workspace, and uses it from ESM, CommonJS and TypeScript. The five installs run at the same time; the five
 * TypeScript consumers are checked in one tsc program per moduleResolution (see typeCheckConsumers).
 */

const workspaceRoot = path.resolve(packagesFolder, '..');
let scratch = '';
let packed = new Map<string, PackedPackage>();
const consumers = new Map<AdapterId, { folder: string; specifiers: string[]; installError?: unknown }>();
/** One tsc run per moduleResolution over every consumer that installed, started by the first test that asks. */
const typeChecks = new Map<'node16' | 'bundler', Promise<ConsumersTypeCheck>>();

function typeCheckOf(moduleResolution: 'node16' | 'bundler'): Promise<ConsumersTypeCheck> {
  let check = typeChecks.get(moduleResolution);
  if (check === undefined) {
    const installed = [...consumers.values()].filter((consumer) => consumer.installError === undefined).map((consumer) => consumer.folder);
    check = typeCheckConsumers(scratch, installed, moduleResolution);
    typeChecks.set(moduleResolution, check);
  }
  return check;
}

/** The workspace's own build of an adapter, to compare the installed one against. */
async function workspaceAdapter(id: AdapterId): Promise<{ toVendor(input: unknown): unknown; fromVendor(input: unknown): unknown }> {
  type Adapter = { toVendor(input: unknown): unknown; fromVendor(input: unknown): unknown };
  const adapter = ((await import(`@visitor-context/${id}`)) as Record<string, Adapter | undefined>)[adapterProofs[id].instance];
  if (adapter === undefined) throw new Error(`@visitor-context/${id} does not export ${adapterProofs[id].instance}`);
  return adapter;
}

/** A result as it looks after crossing a process boundary as JSON. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'visitor-context-package-proof-'));
  expect(path.relative(workspaceRoot, scratch).startsWith('..'), 'consumers must live outside the workspace').toBe(true);
  packed = new Map(inject('packedPackages').map((item) => [item.name, item]));
  const core = packed.get('@visitor-context/core');
  if (core === undefined) throw new Error('packages/core was not found or is private');
  await Promise.all(
    adapterIds.map(async (id) => {
      const folder = path.join(scratch, id);
      const adapter = packed.get(`@visitor-context/${id}`);
      try {
        if (adapter === undefined) throw new Error(`packages/${id} was not found or is private`);
        await installTarballs(folder, [core.tarball, adapter.tarball]);
        const specifiers = ['@visitor-context/core', ...(await exportedSpecifiers(folder, adapter.name))];
        const proof = adapterProofs[id];
        await writeConsumerProgram(folder, proof, specifiers, { context: typicalContext, inbound: await proof.inboundFixture() });
        consumers.set(id, { folder, specifiers });
      } catch (installError) {
        // Reported by this adapter's tests, so one broken adapter does not hide the others' results.
        consumers.set(id, { folder, specifiers: [], installError });
      }
    }),
  );
}, 150_000);

afterAll(async () => {
  if (scratch !== '') await rm(scratch, { recursive: true, force: true });
});

function consumerOf(id: AdapterId): { folder: string; specifiers: string[] } {
  const consumer = consumers.get(id);
  if (consumer === undefined) throw new Error(`no consumer project for ${id}`);
  if (consumer.installError !== undefined) throw consumer.installError;
  return consumer;
}

describe('packing', () => {
  it('packs every publishable package with every file its manifest points at, and real dependency versions', () => {
    expect([...packed.keys()]).toEqual(
      expect.arrayContaining(['@visitor-context/core', '@visitor-context/testkit', ...adapterIds.map((id) => `@visitor-context/${id}`)]),
    );
    for (const item of packed.values()) {
      const missing = referencedFiles(item.manifest).filter((file) => !item.files.includes(file));
      expect(missing, `${item.name}: files its package.json points at but the tarball lacks (is it built?)`).toEqual([]);
      expect(JSON.stringify(item.manifest), `${item.name}'s published package.json`).not.toContain('workspace:');
    }
  });

  it('covers every adapter package in the workspace', async () => {
    const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { devDependencies: Record<string, string> };
    const adapters = [...packed.values()].filter((item) => isAdapterManifest(item.manifest)).map((item) => item.name);
    // A new adapter must be added to adapterProofs and, so turbo builds it first, to this package's devDependencies.
    expect(adapters.sort()).toEqual(adapterIds.map((id) => `@visitor-context/${id}`).sort());
    for (const name of adapters) expect(manifest.devDependencies[name], name).toBe('workspace:^');
    // Every package packed here must be built first (the CLI once was not, and its tarball lacked dist/bin.js).
    for (const name of packed.keys()) expect(manifest.devDependencies[name], `${name} is a devDependency, so turbo builds it first`).toBe('workspace:^');
  });
});

describe.concurrent.each(adapterIds.map((id) => [id]))('@visitor-context/%s installed alone with core', (id: AdapterId) => {
  const proof = adapterProofs[id];
  const packageName = `@visitor-context/${id}`;

  it('installs nothing of visitor-context but core and this adapter', async () => {
    const { folder } = consumerOf(id);
    const installed = await listInstalledPackages(folder);
    expect(installed.filter((name) => name.startsWith('@visitor-context/'))).toEqual(['@visitor-context/core', packageName].sort());
    expect(installed, 'core validates with zod from the registry').toContain('zod');
  });

  it.each(['esm.mjs', 'cjs.cjs'] as const)('imports every entry and translates a context from %s', async (program) => {
    const { folder, specifiers } = consumerOf(id);
    const report: ConsumerReport = await runConsumerProgram(folder, program);
    for (const specifier of specifiers) {
      const entry = report.entries[specifier];
      expect(entry?.resolved, `${specifier} resolves into the consumer's node_modules`).toContain(path.join(folder, 'node_modules'));
      expect(entry?.resolved, `${specifier} resolves to the ${program === 'esm.mjs' ? 'ESM' : 'CommonJS'} build`).toMatch(
        program === 'esm.mjs' ? /\.js$/ : /\.cjs$/,
      );
    }
    expect(report.entries[packageName]?.exports).toContain(proof.instance);
    expect(report.entries[`${packageName}/browser`]?.exports).toEqual(expect.arrayContaining([proof.applyPayload, proof.translateContext]));
    expect(report.parsed).toMatchObject({ ok: true, value: typicalContext });

    const workspace = await workspaceAdapter(id);
    expect(report.toVendor).toMatchObject({ ok: true });
    expect(report.toVendor, 'the published build translates like the workspace build').toEqual(asJson(workspace.toVendor(typicalContext)));
    expect(report.browserTranslation, "the browser entry's zod-free translation gives what toVendor gives").toEqual(report.toVendor);
    expect(report.fromVendor).toMatchObject({ ok: true });
    expect(report.fromVendor, 'the published build reads like the workspace build').toEqual(asJson(workspace.fromVendor(await proof.inboundFixture())));
  });

  it.each(['node16', 'bundler'] as const)('type-checks a TypeScript consumer under moduleResolution %s', async (moduleResolution) => {
    const { folder } = consumerOf(id);
    const check = await typeCheckOf(moduleResolution);
    expect(check.general, 'tsc messages about no consumer file').toBe('');
    expect(check.outputOf(folder), `tsc messages about ${folder}`).toBe('');
    expect(check.exitCode).toBe(0);
  });
});
