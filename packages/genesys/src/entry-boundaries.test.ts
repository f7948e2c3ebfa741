import { reachableImports } from '@visitor-context/testkit';
import { describe, expect, it } from 'vitest';

/** Modules only `./server` may reach: they hold OAuth credentials or send to Genesys' API. */
const serverOnly = [
  './server.ts',
  './genesys-server-client.ts',
  './genesys-server-options.ts',
  './genesys-access-token.ts',
  './push-genesys-participant-attributes.ts',
  './send-genesys-request.ts',
  '@visitor-context/core/server',
];

describe('entry boundaries', () => {
  it.each(['./index.ts', './browser.ts'])('%s never reaches server code or node: modules', (entry) => {
    const reached = [...reachableImports(new URL(entry, import.meta.url))];
    expect(reached.filter((name) => serverOnly.includes(name) || name.startsWith('node:'))).toEqual([]);
  });

  it('./server.ts reaches the push code and core\'s HTTP layer, so the list above names real modules', () => {
    const reached = [...reachableImports(new URL('./server.ts', import.meta.url))];
    expect(reached).toEqual(expect.arrayContaining(serverOnly.filter((name) => name !== './server.ts')));
  });
});
