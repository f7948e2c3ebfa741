import { reachableImports } from '@visitor-context/testkit';
import { describe, expect, it } from 'vitest';


const serverOnly = ['jose', './server.ts', './sign-giosg-visitor-data.ts', './verify-giosg-token.ts', './giosg-checksum.ts', './signing-key.ts', './render-signed-giosg-snippet.ts'];

describe('entry boundaries', () => {
  it.each(['./index.ts', './browser.ts'])('%s never reaches server code, jose or node: modules', (entry) => {
    const reached = [...reachableImports(new URL(entry, import.meta.url))];
    expect(reached.filter((name) => serverOnly.includes(name) || name.startsWith('node:'))).toEqual([]);
  });

  it('./browser.ts reaches no zod at all: translation in the browser runs without a schema library', () => {
    expect([...reachableImports(new URL('./browser.ts', import.meta.url))].filter((name) => name.startsWith('zod'))).toEqual([]);
  });

  it('the shared translation reaches no zod, so giosgAdapter.toVendor and translateGiosgContext run the same zod-free code', () => {
    expect([...reachableImports(new URL('./to-giosg.ts', import.meta.url))].filter((name) => name.startsWith('zod'))).toEqual([]);
  });
});
