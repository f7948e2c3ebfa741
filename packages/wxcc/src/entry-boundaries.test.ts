import { reachableImports } from '@visitor-context/testkit';
import { describe, expect, it } from 'vitest';


describe('entry boundaries', () => {
  it('./browser.ts (translation included) reaches no zod, only core and its own zod-free modules', () => {
    const reached = [...reachableImports(new URL('./browser.ts', import.meta.url))];
    expect(reached.filter((name) => name.startsWith('zod'))).toEqual([]);
    expect(reached.filter((name) => !name.startsWith('./'))).toEqual(['@visitor-context/core']);
    // The modules that build zod schemas must stay on the `.` side.
    expect(reached.filter((name) => ['./wxcc-options.ts', './wxcc-api.ts', './wxcc-adapter.ts'].includes(name))).toEqual([]);
  });
});
