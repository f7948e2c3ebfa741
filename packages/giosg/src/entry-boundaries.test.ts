import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Every module an entry reaches at run time through static and dynamic imports: local files by name, packages by specifier. */
function reachableImports(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    // Type-only imports vanish at compile time, so they cannot pull code into a bundle.
    const source = readFileSync(new URL(file, import.meta.url), 'utf8').replace(/(?:import|export)\s+type\s[^;]*;/g, '');
    for (const [, specifier] of source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
      if (specifier === undefined) continue;
      if (specifier.startsWith('./')) visit(specifier.replace(/\.js$/, '.ts'));
      else seen.add(specifier);
    }
  };
  visit(entry);
  return seen;
}

const serverOnly = ['jose', './server.ts', './sign-giosg-visitor-data.ts', './verify-giosg-token.ts', './giosg-checksum.ts', './signing-key.ts', './render-signed-giosg-snippet.ts'];

describe('entry boundaries', () => {
  it.each(['./index.ts', './browser.ts'])('%s never reaches server code, jose or node: modules', (entry) => {
    const reached = [...reachableImports(entry)];
    expect(reached.filter((name) => serverOnly.includes(name) || name.startsWith('node:'))).toEqual([]);
  });

  it('./browser.ts reaches no zod at all: translation in the browser runs without a schema library', () => {
    expect([...reachableImports('./browser.ts')].filter((name) => name.startsWith('zod'))).toEqual([]);
  });

  it('the shared translation reaches no zod, so giosgAdapter.toVendor and translateGiosgContext run the same zod-free code', () => {
    expect([...reachableImports('./to-giosg.ts')].filter((name) => name.startsWith('zod'))).toEqual([]);
  });
});
