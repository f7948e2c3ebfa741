// Generates a package's Markdown API reference with api-documenter from the doc models its `api` task wrote
// (temp/api-model/*.api.json, one per entry point), into docs/api/<package>/ at the repository root.
// Run from a package folder. Without --update it fails when the committed reference is stale, as the API
// reports do; with --update it rewrites it.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const update = process.argv.includes('--update');
const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const packageName = JSON.parse(readFileSync('package.json', 'utf8')).name;
const unscopedName = packageName.replace(/^@[^/]+\//, '');
const apiDocumenter = join(dirname(createRequire(join(repositoryRoot, 'package.json')).resolve('@microsoft/api-documenter/package.json')), 'bin', 'api-documenter');
const modelFolder = join('temp', 'api-model');
const target = join(repositoryRoot, 'docs', 'api', unscopedName);

if (!existsSync(modelFolder)) fail(`No doc model in ${modelFolder}: run this package's "api" script first.`);

const work = mkdtempSync(join(tmpdir(), `api-docs-${unscopedName}-`));
try {
  const input = join(work, 'input');
  const output = join(work, 'output');
  cpSync(modelFolder, input, { recursive: true });
  // Each entry point has its own model, all named after the package; api-documenter needs one valid package
  // name per model, so an extra entry is named `@visitor-context/giosg-browser` here and shown by its import path
  // (`@visitor-context/giosg/browser`) in the pages.
  const displayNames = new Map();
  for (const file of readdirSync(input).filter((name) => name.endsWith('.api.json'))) {
    const entry = file.slice(0, -'.api.json'.length).slice(unscopedName.length + 1);
    if (entry === '') continue;
    const path = join(input, file);
    const entryName = `${packageName}-${entry}`;
    displayNames.set(entryName, `${packageName}/${entry}`);
    writeFileSync(path, readFileSync(path, 'utf8').replaceAll(`"${packageName}"`, `"${entryName}"`).replaceAll(`${packageName}!`, `${entryName}!`));
  }
  try {
    execFileSync(process.execPath, [apiDocumenter, 'markdown', '--input-folder', input, '--output-folder', output], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    fail(`api-documenter failed: ${error.message}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
  for (const page of readdirSync(output)) {
    const path = join(output, page);
    let text = readFileSync(path, 'utf8');
    for (const [entryName, displayName] of displayNames) text = text.replaceAll(entryName, displayName);
    writeFileSync(path, text);
  }

  if (update) {
    rmSync(target, { recursive: true, force: true });
    cpSync(output, target, { recursive: true });
    console.log(`Wrote ${relative(repositoryRoot, target)}/ (${readdirSync(target).length} pages).`);
  } else {
    const stale = compareFolders(output, target);
    if (stale.length > 0) {
      fail(
        `docs/api/${unscopedName}/ is stale (${stale.slice(0, 5).join(', ')}${stale.length > 5 ? ', …' : ''}). ` +
          `Run: pnpm --filter ${packageName} docs:update, and commit the result.`,
      );
    }
    console.log(`docs/api/${unscopedName}/ is up to date (${readdirSync(output).length} pages).`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** The page names that differ between the generated and the committed reference. */
function compareFolders(generated, committed) {
  const generatedPages = new Set(readdirSync(generated));
  const committedPages = existsSync(committed) ? new Set(readdirSync(committed)) : new Set();
  const differences = [];
  for (const page of generatedPages) {
    if (!committedPages.has(page)) differences.push(`${page} missing`);
    else if (readFileSync(join(generated, page), 'utf8') !== readFileSync(join(committed, page), 'utf8')) differences.push(`${page} differs`);
  }
  for (const page of committedPages) if (!generatedPages.has(page)) differences.push(`${page} no longer exists`);
  return differences;
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
