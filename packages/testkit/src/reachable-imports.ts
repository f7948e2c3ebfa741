import { readFileSync } from 'node:fs';

/**
 * Every module a TypeScript entry reaches at run time through static and dynamic imports, following local
 * files (`./x.js` is read as `./x.ts`, in the entry's folder) and listing packages by specifier. Type-only
 * imports are skipped: they vanish at compile time and cannot pull code into a bundle. Use it to prove an
 * entry's boundaries, e.g. that `./browser` never reaches zod or server code.
 * @public
 */
export function reachableImports(entry: URL): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(new URL(file, entry), 'utf8').replace(/(?:import|export)\s+type\s[^;]*;/g, '');
    for (const [, specifier] of source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
      if (specifier === undefined) continue;
      if (specifier.startsWith('./')) visit(specifier.replace(/\.js$/, '.ts'));
      else seen.add(specifier);
    }
  };
  visit(`./${entry.pathname.split('/').pop()}`);
  return seen;
}
