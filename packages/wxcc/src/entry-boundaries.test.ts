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

describe('entry boundaries', () => {
  it('./browser.ts (translation included) reaches no zod, only core and its own zod-free modules', () => {
    const reached = [...reachableImports('./browser.ts')];
    expect(reached.filter((name) => name.startsWith('zod'))).toEqual([]);
    expect(reached.filter((name) => !name.startsWith('./'))).toEqual(['@visitor-context/core']);
    // The modules that build zod schemas must stay on the `.` side.
    expect(reached.filter((name) => ['./wxcc-options.ts', './wxcc-api.ts', './wxcc-adapter.ts'].includes(name))).toEqual([]);
  });
});
