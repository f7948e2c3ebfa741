import { readFileSync, writeFileSync } from 'node:fs';
import { renderCapabilitiesMarkdown } from '@visitor-context/core';
import { expectReadmeMapping } from '@visitor-context/testkit';
import { describe, expect, it } from 'vitest';
import { genesysAdapter, genesysCapabilities } from './index.js';

const readme = new URL('../README.md', import.meta.url);

describe('README', () => {
  it('shows the current mapping of the default adapter', () => {
    expectReadmeMapping(readme, genesysAdapter);
  });

  // The legacy channels carry different fields, so the README shows their tables too.
  for (const channel of ['web-chat', 'widgets', 'guest-chat'] as const) {
    it(`shows the current ${channel} mapping`, () => {
      const start = `<!-- capabilities:${channel}:start -->`;
      const end = `<!-- capabilities:${channel}:end -->`;
      const text = readFileSync(readme, 'utf8');
      const from = text.indexOf(start);
      const to = text.indexOf(end);
      expect(from >= 0 && to > from, `README has no ${start} section`).toBe(true);
      const table = `${start}\n${renderCapabilitiesMarkdown(genesysCapabilities(channel))}\n${end}`;
      const current = text.slice(from, to + end.length);
      if (process.env['UPDATE_README'] === '1' && current !== table) {
        writeFileSync(readme, text.slice(0, from) + table + text.slice(to + end.length));
        return;
      }
      expect(current, 'The README mapping table is stale: run the test with UPDATE_README=1.').toBe(table);
    });
  }
});
