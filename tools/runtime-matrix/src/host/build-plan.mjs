// Builds the plan every runtime runs: the discovered entries and fixtures, the canonical contexts among the
// fixtures, the renderers' required options and the signing inputs. Writes it, with one import function per
// entry, as plain ES modules the runtimes (and the bundlers for worker, edge and browser) load.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseVisitorContext } from '@visitor-context/core';
import { discoverPackages, listFixtureFiles } from './discover-packages.mjs';
import { loadFixtures } from './load-fixtures.mjs';
import { generatedDir } from './paths.mjs';
import { snippetOptions } from './snippet-options.mjs';

/** A test-only giosg API signing key (long enough for HS256) and a fixed signing time, so runs compare. */
const signing = { key: 'runtime-matrix-test-signing-key-0123456789abcdef', now: '2026-01-15T12:00:00.000Z' };

export async function buildPlan() {
  const packages = discoverPackages();
  const fixtures = {};
  const fixtureContexts = {};
  for (const { name, dir } of packages) {
    fixtures[name] = await loadFixtures(listFixtureFiles(dir));
    for (const fixture of fixtures[name]) {
      if (!isCanonicalContext(fixture.value)) continue;
      fixtureContexts[`${name.split('/').pop()} ${fixture.file}${fixture.name === undefined ? '' : `#${fixture.name}`}`] = fixture.value;
    }
  }
  const coreEntry = packages.find(({ name }) => name.endsWith('/core'))?.name;
  return { packages, plan: { coreEntry, fixtures, fixtureContexts, snippetOptions, signing } };
}

/** A fixture is a canonical context when core accepts it without a single finding and it is not empty. */
function isCanonicalContext(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || Object.keys(value).length === 0) return false;
  const parsed = parseVisitorContext(value);
  return parsed.ok && parsed.diagnostics.length === 0;
}

/** Writes `plan.mjs` and `entry-loaders.mjs` into the generated folder and returns their folder. */
export function writeGeneratedModules(packages, plan) {
  mkdirSync(generatedDir, { recursive: true });
  writeFileSync(join(generatedDir, 'plan.mjs'), `export default ${JSON.stringify(plan)};\n`);
  const loaders = packages
    .flatMap(({ entries }) => entries)
    .map((specifier) => `  ${JSON.stringify(specifier)}: () => import(${JSON.stringify(specifier)}),`);
  writeFileSync(join(generatedDir, 'entry-loaders.mjs'), `// Generated from the packages' exports.\nexport default {\n${loaders.join('\n')}\n};\n`);
  return generatedDir;
}
