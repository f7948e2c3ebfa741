import { readFileSync, writeFileSync } from 'node:fs';
import { renderCapabilitiesMarkdown, type VisitorContextAdapter } from '@visitor-context/core';
import { expect } from 'vitest';

const start = '<!-- capabilities:start -->';
const end = '<!-- capabilities:end -->';

/**
 * Asserts that a README's mapping table (between `<!-- capabilities:start -->` and
 * `<!-- capabilities:end -->`) is what `renderCapabilitiesMarkdown` makes of the adapter's capabilities.
 * With the environment variable `UPDATE_README=1` it rewrites the table instead. Call inside a test.
 * @public
 */
export function expectReadmeMapping(readme: URL | string, adapter: Pick<VisitorContextAdapter, 'capabilities'>): void {
  const text = readFileSync(readme, 'utf8');
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`The README has no ${start} … ${end} section for the mapping table.`);
  const table = `${start}\n${renderCapabilitiesMarkdown(adapter.capabilities)}\n${end}`;
  const current = text.slice(from, to + end.length);
  if (process.env['UPDATE_README'] === '1' && current !== table) {
    writeFileSync(readme, text.slice(0, from) + table + text.slice(to + end.length));
    return;
  }
  expect(current, 'The README mapping table is stale: run the test with UPDATE_README=1.').toBe(table);
}
