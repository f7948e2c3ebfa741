import { reachableImports } from '@visitor-context/testkit';
import { describe, expect, it } from 'vitest';


describe('entry boundaries', () => {
  it('./browser.ts reaches no zod at run time, so a page translating and applying never loads the schema library', () => {
    const reached = [...reachableImports(new URL('./browser.ts', import.meta.url))];
    expect(reached).toContain('./translate-comm100-context.ts');
    expect(reached.filter((name) => name.startsWith('zod') || name.startsWith('node:'))).toEqual([]);
  });

  it('./index.ts reaches no node: modules', () => {
    expect([...reachableImports(new URL('./index.ts', import.meta.url))].filter((name) => name.startsWith('node:'))).toEqual([]);
  });
});
