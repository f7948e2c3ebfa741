// Finds what to test from the packages themselves: the workspace packages this package depends on, each
// one's public entries (its package.json `exports`) and its documented fixtures (`src/__fixtures__`). Nothing
// about an adapter is hard-coded here, so adapters can change without touching the matrix.
import { readFileSync, readdirSync, realpathSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageDir } from './paths.mjs';

/** `[{ name, dir, entries: [specifier…] }]` for every workspace dependency, in dependency order of the manifest. */
export function discoverPackages() {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  return Object.entries(manifest.dependencies ?? {})
    .filter(([, range]) => range.startsWith('workspace:'))
    .map(([name]) => {
      const dir = realpathSync(join(packageDir, 'node_modules', name));
      const exports = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).exports ?? { '.': './index.js' };
      const entries = Object.keys(exports)
        .filter((subpath) => !subpath.endsWith('.json') && !subpath.includes('*')) // data files (package.json, JSON Schema) are not code
        .map((subpath) => (subpath === '.' ? name : `${name}/${subpath.slice(2)}`));
      return { name, dir, entries };
    });
}

/** The fixture files of a package: JSON and TypeScript modules in `src/__fixtures__`, sorted. */
export function listFixtureFiles(dir) {
  const folder = join(dir, 'src', '__fixtures__');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((file) => /\.(json|ts|mts)$/.test(file) && !/\.(test|d)\.m?ts$/.test(file))
    .sort()
    .map((file) => join(folder, file));
}
