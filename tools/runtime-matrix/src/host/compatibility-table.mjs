// The README's runtime compatibility table, generated from a run: one row per public entry, one column per
// runtime, each cell saying what the suite proved there. Kept between markers in the root README; a run
// fails when the committed table differs, and UPDATE_README=1 rewrites it.
import { readFileSync, writeFileSync } from 'node:fs';
import { readmePath } from './paths.mjs';

const start = '<!-- runtime-matrix:start -->';
const end = '<!-- runtime-matrix:end -->';

/**
 * `runs`: `[{ runtime: { id, label }, version, decided }]` in column order; `entries`: row order; `reference`:
 * the reference run's decided checks, whose subjects (the exports exercised) describe each row.
 */
export function renderCompatibilityTable(runs, entries, reference) {
  const header = `| Entry | Exercised | ${runs.map(({ runtime }) => runtime.label).join(' | ')} |`;
  const divider = `| --- | --- | ${runs.map(() => '---').join(' | ')} |`;
  const rows = entries.map((entry) => {
    const subjects = [...new Set(reference.filter((check) => check.entry === entry).map((check) => check.subject))];
    const cells = runs.map(({ decided }) => cell(decided.filter((check) => check.entry === entry)));
    return `| \`${entry}\` | ${subjects.map((subject) => `\`${subject}\``).join(', ')} | ${cells.join(' | ')} |`;
  });
  const notes = new Map();
  for (const { runtime, decided } of runs) {
    for (const { status, message } of decided) {
      if (status !== 'documented' && status !== 'known') continue;
      const key = `${status}: ${message}`;
      notes.set(key, [...new Set([...(notes.get(key) ?? []), runtime.label])]);
    }
  }
  const versions = runs.map(({ runtime, version }) => `${runtime.label}: ${runtime.id === 'chromium' ? "Debian's Chromium (CHROMIUM_PATH)" : version}`);
  return [
    header,
    divider,
    ...rows,
    '',
    `Each cell counts the suite's checks on that entry: ✓ passed (same output as Node, diagnostics included), "documented" = the runtime cannot do it and returned the documented diagnostic instead, "known" = a known difference (below), ✗ failed. Versions: ${versions.join('; ')}.`,
    ...(notes.size > 0 ? [''] : []),
    ...[...notes].map(([note, labels]) => `- ${labels.join(', ')} — ${note}`),
  ].join('\n');
}

function cell(checks) {
  if (checks.length === 0) return '–';
  const count = (status) => checks.filter((check) => check.status === status).length;
  const parts = [`${count('failed') === 0 ? '✓' : '✗'} ${count('passed')}`];
  if (count('documented') > 0) parts.push(`${count('documented')} documented`);
  if (count('known') > 0) parts.push(`${count('known')} known`);
  if (count('failed') > 0) parts.push(`${count('failed')} failed`);
  return parts.join(' · ');
}

/** Compares the table with the README's; with `update`, writes it. Returns undefined or a failure message. */
export function syncReadmeTable(table, update, path = readmePath) {
  const readme = readFileSync(path, 'utf8');
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from === -1 || to < from) return `The root README has no ${start} … ${end} markers for the runtime compatibility table.`;
  const current = readme.slice(from + start.length, to).trim();
  if (current === table.trim()) return undefined;
  if (update) {
    writeFileSync(path, `${readme.slice(0, from + start.length)}\n${table.trim()}\n${readme.slice(to)}`);
    return undefined;
  }
  return 'The README\'s runtime compatibility table is stale. Run `UPDATE_README=1 pnpm --filter @visitor-context/runtime-matrix test` and commit the README.';
}
