import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adapterProofs } from '../adapter-proofs.js';
import { exportedSpecifiers, listInstalledPackages, runConsumerProgram, writeConsumerProgram } from '../consumer-project.js';
import { packagesFolder, type PackedPackage } from '../pack-packages.js';
import { runCommand } from '../run-command.js';
import { typicalContext } from '../sample-contexts.js';
import { startLocalRegistry, type LocalRegistry } from './local-registry.js';
import { RegistryNpm, createProject, installedVersion, savedDependencies } from './registry-npm.js';
import { publishedInternalRanges, stageRelease } from './stage-release.js';
import { addChangeset, changesetVersion, createVersioningCopy, readChangelog, readManifests, type Manifest } from './versioning-copy.js';

/**
 * The release, proven through a registry: a local Verdaccio stands in for a team's private registry. Every public
 * package is packed (`pnpm pack`, once for the run: packed-packages.global-setup.ts), versioned by the real `changeset version` (in a copy of the manifests and
 * changesets) and published; then a fresh app outside the workspace installs core and giosg by semver range,
 * takes a patch release of giosg alone with `npm update`, installs a snapshot by its dist-tag, and a second app
 * with its own zod 4 gets one zod. The registry is stopped by its process id at the end (also on failure) and the
 * scratch folder removed.
 */

const workspaceRoot = path.resolve(packagesFolder, '..');
/** The environment variable the apps' `.npmrc` reads the registry token from, as a CI secret would be. */
const tokenVariable = 'VISITOR_CONTEXT_REGISTRY_TOKEN';
const core = '@visitor-context/core';
const giosg = '@visitor-context/giosg';

let scratch = '';
let registry: LocalRegistry | undefined;
let npm: RegistryNpm;
let packed = new Map<string, PackedPackage>();
/** The versioning copy: `changeset version` runs there. */
let copy = '';
/** Every workspace manifest in the copy after the last `changeset version`. */
let manifests = new Map<string, Manifest>();
/** The app that installs core and giosg through a scoped `.npmrc`. */
let app = '';
/** giosg's latest release (not a snapshot), once the patch is out. */
let latestGiosg = '';

const registryOf = (): LocalRegistry => {
  if (registry === undefined) throw new Error('the registry did not start');
  return registry;
};
const versionsOf = (from: ReadonlyMap<string, Manifest>): Map<string, string> => new Map([...from].map(([name, manifest]) => [name, manifest.version]));
const releasedVersion = (name: string): string => {
  const version = manifests.get(name)?.version;
  if (version === undefined) throw new Error(`${name} is not in the workspace`);
  return version;
};
/** The `.npmrc` lines for the registry's host: the token is read from the environment, never written down. */
const authLine = (): string => registryOf().authLine(`\${${tokenVariable}}`);

/** Stages `name` at its version in the copy and publishes it under `tag`. */
async function publish(name: string, tag: string): Promise<void> {
  const tarball = packed.get(name);
  const versioned = manifests.get(name);
  if (tarball === undefined || versioned === undefined) throw new Error(`${name} was not packed`);
  const staged = await stageRelease(tarball.tarball, versioned, versionsOf(manifests), path.join(scratch, 'staged'));
  // Provenance needs a CI provider's identity; a private registry (and this one) has none to check.
  await npm.run(['publish', staged, '--registry', registryOf().url, '--tag', tag, '--provenance=false', '--ignore-scripts'], scratch);
}

/** The registry's view of a package: its versions and dist-tags. */
async function packument(name: string): Promise<{ versions: Record<string, Record<string, unknown>>; 'dist-tags': Record<string, string> }> {
  const response = await fetch(`${registryOf().url}${name.replace('/', '%2f')}`);
  expect(response.status, `${name} on the registry`).toBe(200);
  return (await response.json()) as { versions: Record<string, Record<string, unknown>>; 'dist-tags': Record<string, string> };
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'visitor-context-registry-proof-'));
  expect(path.relative(workspaceRoot, scratch).startsWith('..'), 'the apps must live outside the workspace').toBe(true);
  copy = path.join(scratch, 'versioning');
  packed = new Map(inject('packedPackages').map((item) => [item.name, item]));
  const [started] = await Promise.all([
    startLocalRegistry(path.join(scratch, 'registry')),
    createVersioningCopy(workspaceRoot, copy).then(() => changesetVersion(workspaceRoot, copy)),
  ]);
  registry = started;
  manifests = await readManifests(copy);
  npm = new RegistryNpm(path.join(scratch, 'npm'), { [tokenVariable]: started.token });
  // The publisher's own config: only the token; every publish names the registry.
  await npm.writeUserConfig([started.authLine(started.token)]);
  await Promise.all([...packed.keys()].map((name) => publish(name, 'latest')));
}, 180_000);

afterAll(async () => {
  await registry?.stop();
  if (scratch !== '') await rm(scratch, { recursive: true, force: true });
});

// Each step runs npm against a live registry; on a busy machine one can take a while.
describe('a release through a registry', { timeout: 120_000 }, () => {
  it('versions every public package below 1.0.0 with a CHANGELOG entry, and ships the LICENSE', async () => {
    const license = await readFile(path.join(workspaceRoot, 'LICENSE'), 'utf8');
    expect(packed.size).toBeGreaterThanOrEqual(8);
    for (const [name, item] of packed) {
      const version = releasedVersion(name);
      expect(version, `${name} stays pre-1.0 (a major would be an accident of the changesets config)`).toMatch(/^0\.\d+\.\d+$/);
      expect(version, `${name} has been released at least once (0.1.0 is the first release)`).not.toBe('0.0.0');
      const changelog = await readChangelog(copy, path.relative(workspaceRoot, item.folder));
      expect(changelog, `${name}'s CHANGELOG.md`).toContain(`## ${version}`);
      expect(item.files, `${name}'s tarball`).toContain('LICENSE');
      const { stdout } = await runCommand('tar', ['-xzOf', item.tarball, 'package/LICENSE'], { cwd: path.dirname(item.tarball) });
      expect(stdout, `${name}'s LICENSE is the repository's`).toBe(license);
    }
  });

  it("publishes internal ranges as pnpm pack writes them, so the staged versions match a real release's", async () => {
    const workspace = new Map<string, Manifest>();
    for (const item of packed.values()) workspace.set(item.name, JSON.parse(await readFile(path.join(item.folder, 'package.json'), 'utf8')) as Manifest);
    const workspaceVersions = versionsOf(workspace);
    for (const item of packed.values()) {
      const source = workspace.get(item.name) as Manifest;
      for (const [section, ranges] of Object.entries(publishedInternalRanges(source, workspaceVersions))) {
        expect(item.manifest[section], `${item.name} ${section}`).toMatchObject(ranges);
      }
    }
  });

  it('serves every public package at its release version as latest, with ranges that let npm dedupe', async () => {
    for (const name of packed.keys()) {
      const served = await packument(name);
      const version = releasedVersion(name);
      expect(served['dist-tags'].latest, name).toBe(version);
      const manifest = served.versions[version] as { dependencies?: Record<string, string>; peerDependencies?: Record<string, string> };
      expect(JSON.stringify(manifest), name).not.toContain('workspace:');
      const ranges = { ...manifest.dependencies, ...manifest.peerDependencies };
      if (name !== core && ranges[core] !== undefined) expect(ranges[core], `${name} → core`).toBe(`^${releasedVersion(core)}`);
      if (ranges.zod !== undefined) expect(ranges.zod, `${name} → zod`).toMatch(/^\^4\./);
    }
  });

  it('installs core and giosg by semver range through a scoped .npmrc: only they, zod, jose (giosg signing) and ky (core/server push)', async () => {
    app = path.join(scratch, 'app');
    await createProject(app, [`@visitor-context:registry=${registryOf().url}`, authLine()]);
    const range = (name: string): string => `^${releasedVersion(name)}`;
    await npm.run(['install', `${core}@${range(core)}`, `${giosg}@${range(giosg)}`], app);

    expect(await listInstalledPackages(app)).toEqual([core, giosg, 'jose', 'ky', 'zod']);
    expect(await savedDependencies(app)).toEqual({ [core]: range(core), [giosg]: range(giosg) });
    const lock = JSON.parse(await readFile(path.join(app, 'package-lock.json'), 'utf8')) as { packages: Record<string, { resolved?: string }> };
    expect(lock.packages[`node_modules/${core}`]?.resolved, 'the scope comes from the private registry').toMatch(new RegExp(`^${registryOf().url}`));
    const zodSource = lock.packages['node_modules/zod']?.resolved ?? '';
    expect(zodSource, 'everything else from the default registry').toMatch(/^https?:\/\//);
    expect(zodSource.startsWith(registryOf().url), 'the scope mapping sends only @visitor-context to the private registry').toBe(false);
  });

  it.each(['esm.mjs', 'cjs.cjs'] as const)('imports every entry of the installed packages and translates from %s', async (program) => {
    const proof = adapterProofs.giosg;
    const specifiers = [core, ...(await exportedSpecifiers(app, giosg))];
    await writeConsumerProgram(app, proof, specifiers, { context: typicalContext, inbound: await proof.inboundFixture() });
    const report = await runConsumerProgram(app, program);
    for (const specifier of specifiers) expect(report.entries[specifier]?.resolved, specifier).toContain(path.join(app, 'node_modules'));
    expect(report.entries[`${giosg}/server`], 'server code imports ./server').toBeDefined();
    expect(report.parsed).toMatchObject({ ok: true, value: typicalContext });
    const workspaceGiosg = ((await import(giosg)) as Record<string, { toVendor(input: unknown): unknown }>)[proof.instance];
    expect(report.toVendor).toMatchObject({ ok: true });
    expect(report.toVendor, 'the published giosg translates like the workspace build').toEqual(JSON.parse(JSON.stringify(workspaceGiosg?.toVendor(typicalContext))));
    expect(report.fromVendor).toMatchObject({ ok: true });
  });

  it('resolves the types of every entry under moduleResolution node10 (typesVersions)', async () => {
    await writeFile(
      path.join(app, 'node10.ts'),
      `import { parseVisitorContext, type VisitorContext } from '${core}';\n` +
        `import { giosgAdapter } from '${giosg}';\n` +
        `import { applyGiosgPayload } from '${giosg}/browser';\n` +
        `import * as server from '${giosg}/server';\n` +
        `export const context: VisitorContext | undefined = parseVisitorContext({}).ok ? {} : undefined;\n` +
        `export const uses = [giosgAdapter.toVendor, applyGiosgPayload, Object.keys(server)] as const;\n`,
    );
    await writeFile(
      path.join(app, 'tsconfig.node10.json'),
      JSON.stringify({
        compilerOptions: { module: 'commonjs', moduleResolution: 'node10', target: 'es2022', lib: ['es2022', 'dom'], strict: true, types: [], noEmit: true, skipLibCheck: true },
        files: ['node10.ts'],
      }),
    );
    const tsc = path.join(workspaceRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const { stdout } = await runCommand(process.execPath, [tsc, '-p', 'tsconfig.node10.json', '--pretty', 'false'], { cwd: app });
    expect(stdout).toBe('');
  });

  it('releases a giosg patch alone, and npm update takes it while core stays', async () => {
    const before = versionsOf(manifests);
    await addChangeset(copy, 'proof-giosg-patch', { [giosg]: 'patch' }, 'A giosg fix, released on its own.');
    await changesetVersion(workspaceRoot, copy);
    manifests = await readManifests(copy);
    const changed = [...packed.keys()].filter((name) => releasedVersion(name) !== before.get(name));
    expect(changed, 'a giosg patch changeset releases giosg alone').toEqual([giosg]);
    const [major, minor, patch] = (before.get(giosg) as string).split('.').map(Number) as [number, number, number];
    expect(releasedVersion(giosg)).toBe(`${major}.${minor}.${patch + 1}`);
    await publish(giosg, 'latest');
    latestGiosg = releasedVersion(giosg);

    await npm.run(['update', giosg, '--prefer-online'], app);
    expect(await installedVersion(app, giosg)).toBe(releasedVersion(giosg));
    expect(await installedVersion(app, core)).toBe(before.get(core));
    expect(await listInstalledPackages(app)).toEqual([core, giosg, 'jose', 'ky', 'zod']);
  });

  it('installs a snapshot by its dist-tag, which never becomes latest nor moves the other packages', async () => {
    const before = versionsOf(manifests);
    await addChangeset(copy, 'proof-giosg-feature', { [giosg]: 'minor' }, 'A giosg feature, tried as a snapshot first.');
    await changesetVersion(workspaceRoot, copy, 'canary');
    manifests = await readManifests(copy);
    const snapshot = releasedVersion(giosg);
    expect(snapshot).toMatch(/^0\.\d+\.0-canary-\d{14}$/);
    for (const name of packed.keys()) if (name !== giosg) expect(releasedVersion(name), name).toBe(before.get(name));
    await publish(giosg, 'canary');

    const { stdout } = await npm.run(['view', giosg, 'dist-tags', '--json', '--registry', registryOf().url], app);
    expect(JSON.parse(stdout)).toEqual({ latest: before.get(giosg), canary: snapshot });
    await npm.run(['install', `${giosg}@canary`, '--prefer-online'], app);
    expect(await installedVersion(app, giosg)).toBe(snapshot);
    expect(await installedVersion(app, core)).toBe(before.get(core));
    const report = await runConsumerProgram(app, 'esm.mjs');
    expect(report.toVendor).toMatchObject({ ok: true });
  });

  it('installs one zod when the app itself depends on a compatible zod 4', async () => {
    const second = path.join(scratch, 'app-with-zod');
    // The scope mapping the README recommends: our packages from the team's registry, zod from the default one.
    // (Proxying zod through Verdaccio's uplink would also test Verdaccio fetching zod's very large packument, which
    // times out on a loaded machine; that is not this release's behaviour.)
    await createProject(second, [`@visitor-context:registry=${registryOf().url}`, authLine()]);
    await npm.run(['install', 'zod@4'], second);
    await npm.run(['install', `${core}@^${releasedVersion(core)}`, `${giosg}@^${latestGiosg}`], second);

    const { stdout: tree } = await npm.run(['ls', 'zod', '--all'], second);
    expect(tree, 'core and giosg use the app’s zod').toMatch(/zod@4\.\d+\.\d+ deduped/);
    const { stdout: paths } = await npm.run(['ls', 'zod', '--all', '--parseable'], second);
    expect([...new Set(paths.trim().split('\n'))]).toEqual([path.join(second, 'node_modules', 'zod')]);
    const lock = JSON.parse(await readFile(path.join(second, 'package-lock.json'), 'utf8')) as { packages: Record<string, { resolved?: string }> };
    expect(lock.packages['node_modules/@visitor-context/core']?.resolved, 'core from the team registry').toMatch(new RegExp(`^${registryOf().url}`));
    expect(lock.packages['node_modules/zod']?.resolved, 'zod from the default registry').not.toMatch(new RegExp(`^${registryOf().url}`));
  });

  it('stops the registry by its process id and leaves nothing behind', async () => {
    const { pid, url } = registryOf();
    await registryOf().stop();
    expect(() => process.kill(pid, 0), 'the Verdaccio process is gone').toThrow(/ESRCH/);
    await expect(fetch(`${url}-/ping`), 'nothing listens on its port').rejects.toThrow();
    await rm(scratch, { recursive: true, force: true });
    expect(existsSync(scratch)).toBe(false);
  });
});
