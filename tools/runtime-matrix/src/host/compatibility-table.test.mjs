import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCompatibilityTable, syncReadmeTable } from './compatibility-table.mjs';

const entry = '@fake/vendor';
const decided = (...statuses) => statuses.map((status, index) => ({ id: `c${index}`, entry, subject: 'fakeAdapter', status, message: status === 'passed' ? undefined : `why ${status}` }));

describe('renderCompatibilityTable', () => {
  it('counts each runtime × entry and lists what was exercised and every documented or known note', () => {
    const runs = [
      { runtime: { id: 'a', label: 'A' }, version: 'A 1', decided: decided('passed', 'passed') },
      { runtime: { id: 'b', label: 'B' }, version: 'B 2', decided: decided('passed', 'documented') },
      { runtime: { id: 'c', label: 'C' }, version: 'C 3', decided: decided('failed', 'known') },
    ];
    const table = renderCompatibilityTable(runs, [entry], decided('passed', 'passed'));
    expect(table).toContain('| Entry | Exercised | A | B | C |');
    expect(table).toContain('| `@fake/vendor` | `fakeAdapter` | ✓ 2 | ✓ 1 · 1 documented | ✗ 0 · 1 known · 1 failed |');
    expect(table).toContain('- B — documented: why documented');
    expect(table).toContain('- C — known: why known');
  });
});

describe('syncReadmeTable', () => {
  it('fails on a stale table and rewrites only between the markers when asked', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'runtime-matrix-')), 'README.md');
    writeFileSync(path, 'before\n<!-- runtime-matrix:start -->\nold\n<!-- runtime-matrix:end -->\nafter\n');
    expect(syncReadmeTable('new', false, path)).toMatch(/stale/);
    expect(syncReadmeTable('new', true, path)).toBeUndefined();
    expect(readFileSync(path, 'utf8')).toBe('before\n<!-- runtime-matrix:start -->\nnew\n<!-- runtime-matrix:end -->\nafter\n');
    expect(syncReadmeTable('new', false, path)).toBeUndefined();
  });

  it('fails when the README has no markers', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'runtime-matrix-')), 'README.md');
    writeFileSync(path, 'no table here\n');
    expect(syncReadmeTable('new', true, path)).toMatch(/no <!-- runtime-matrix:start -->/);
  });
});
