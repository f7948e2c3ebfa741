// Loads a package's documented fixtures as plain data. JSON files are read as they are (a file named for a
// collection, like `wire-payloads.json`, holds one fixture per key); TypeScript fixture modules are compiled
// with esbuild and each exported value (not function) is a fixture.
import { readFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { generatedDir } from './paths.mjs';

const collectionFile = /(payloads|events|contexts|cases|examples)\.json$/;

/** `[{ file, name?, value }]`, where `name` is the key or export name inside a multi-fixture file. */
export async function loadFixtures(files) {
  const fixtures = [];
  for (const path of files) {
    const file = basename(path);
    if (file.endsWith('.json')) {
      const value = JSON.parse(readFileSync(path, 'utf8'));
      if (collectionFile.test(file) && isPlainObject(value)) {
        for (const [name, item] of Object.entries(value)) fixtures.push({ file, name, value: item });
      } else {
        fixtures.push({ file, value });
      }
      continue;
    }
    for (const [name, value] of Object.entries(await importTypeScript(path))) {
      if (typeof value === 'function' || value === undefined) continue;
      fixtures.push({ file, name, value: JSON.parse(JSON.stringify(value)) });
    }
  }
  return fixtures;
}

async function importTypeScript(path) {
  const outDir = join(generatedDir, 'fixtures');
  mkdirSync(outDir, { recursive: true });
  const bundled = await build({ entryPoints: [path], bundle: true, packages: 'external', format: 'esm', platform: 'neutral', write: false, logLevel: 'silent' });
  const outFile = join(outDir, `${basename(path).replace(/\.m?ts$/, '')}-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(outFile, bundled.outputFiles[0].text);
  try {
    return await import(pathToFileURL(outFile).href);
  } finally {
    rmSync(outFile);
  }
}

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
