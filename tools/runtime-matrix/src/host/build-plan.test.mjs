import { describe, expect, it } from 'vitest';
import { buildPlan } from './build-plan.mjs';

describe('buildPlan', () => {
  it("discovers every package's entries from its exports and its fixtures from src/__fixtures__", async () => {
    const { packages, plan } = await buildPlan();
    const entries = packages.flatMap((item) => item.entries);
    expect(entries).toEqual(expect.arrayContaining(['@visitor-context/core', '@visitor-context/giosg/server', '@visitor-context/wxcc/browser']));
    expect(entries).not.toContain('@visitor-context/core/package.json');
    expect(plan.coreEntry).toBe('@visitor-context/core');
    for (const name of ['comm100', 'genesys', 'giosg', 'imsupporting', 'wxcc']) {
      expect(plan.fixtures[`@visitor-context/${name}`].length, name).toBeGreaterThan(0);
    }
    // TypeScript fixture modules contribute their exported values (not their functions).
    expect(plan.fixtures['@visitor-context/comm100'].map(({ file, name }) => `${file}#${name}`)).toContain('visitor-contexts.ts#shopper');
    expect(plan.fixtures['@visitor-context/wxcc'].some(({ name }) => name === 'firstMessageExtras')).toBe(false);
    // Fixtures that are canonical contexts become contexts every adapter translates.
    expect(Object.keys(plan.fixtureContexts)).toContain('comm100 visitor-contexts.ts#shopper');
  });
});

describe('the packages the matrix covers', () => {
  it('include every package under packages/ that claims to run everywhere', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { repositoryDir } = await import('./paths.mjs');
    // The CLI is a Node command and testkit is test tooling: neither claims browser or edge support.
    const notIsomorphic = new Set(['@visitor-context/cli', '@visitor-context/testkit']);
    const published = readdirSync(join(repositoryDir, 'packages'))
      .map((folder) => JSON.parse(readFileSync(join(repositoryDir, 'packages', folder, 'package.json'), 'utf8')))
      .filter((manifest) => !manifest.private && !notIsomorphic.has(manifest.name))
      .map((manifest) => manifest.name);
    const { packages } = await buildPlan();
    expect(packages.map(({ name }) => name).sort()).toEqual(published.sort());
  });
});
