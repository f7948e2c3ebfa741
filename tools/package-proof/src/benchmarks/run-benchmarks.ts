/**
 * The benchmarks of issue #16, each subject against a JSON baseline so the figures are ratios:
 * - each adapter's `fromVendor(rawText)` vs `JSON.parse` of every JSON text in the payload (goal ≤ 3×);
 * - core's `parseVisitorContext(JSON.parse(text))` vs `JSON.parse(text)` (goal ≤ 2.5×);
 * - each adapter's snippet rendering vs `JSON.stringify(context)` (goal ≤ 5×);
 * - each adapter's cost per field at 10, 100 and 1,000 fields (flagged when it grows super-linearly);
 * - each adapter refusing a 1 MB webhook (reported).
 * Paired batches, median ratio over rounds, median of 3 child processes. Compares with the figures recorded in
 * BENCHMARKS.json by the previous run and marks rows that regressed by more than 1.5×; writes BENCHMARKS.md and
 * BENCHMARKS.json. `UPDATE_README=1` also writes the summary table into the root README, between
 * `<!-- benchmarks:summary:start -->` and `<!-- benchmarks:summary:end -->`.
 *
 * Run: `pnpm --filter @visitor-context/package-proof bench` (after building the packages). Not part of `npm test`.
 * Settings: `BENCH_PROCESSES` (3), `BENCH_ROUNDS` (25), `BENCH_BATCH_MS` (8, CPU time per batch).
 */
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineRows, rowKey, type RowDescription } from './benchmark-rows.js';
import { measurePair, median, sinkType } from './measure-pair.js';
import { compareWithPrevious, renderMarkdown, scalingOf, summaryTable, type BenchmarkRecord, type MeasuredRow } from './render-benchmarks.js';

const settings = {
  processes: Number(process.env['BENCH_PROCESSES'] ?? 3),
  rounds: Number(process.env['BENCH_ROUNDS'] ?? 25),
  batchMs: Number(process.env['BENCH_BATCH_MS'] ?? 8),
};

const recordFile = new URL('../../BENCHMARKS.json', import.meta.url);
const markdownFile = new URL('../../BENCHMARKS.md', import.meta.url);
const readmeFile = new URL('../../../../README.md', import.meta.url);
const readmeStart = '<!-- benchmarks:summary:start -->';
const readmeEnd = '<!-- benchmarks:summary:end -->';

/** One process's figures for one row. */
interface ProcessRow extends RowDescription {
  readonly subjectMicroseconds: number;
  readonly baselineMicroseconds: number;
  readonly ratio: number;
}

/** A child process: measures every row once and prints them as JSON on stdout. */
async function measureInThisProcess(): Promise<void> {
  const rows = await defineRows();
  const measured: ProcessRow[] = [];
  for (const { run, ...row } of rows) {
    if (run === undefined) {
      measured.push({ ...row, subjectMicroseconds: Number.NaN, baselineMicroseconds: Number.NaN, ratio: Number.NaN });
      continue;
    }
    const pair = measurePair(run.subject, run.baseline, settings);
    measured.push({ ...row, ...pair });
    process.stderr.write(`  ${rowKey(row)}: ${pair.ratio.toFixed(2)}×\n`);
  }
  process.stderr.write(`  (sink: ${sinkType()})\n`);
  process.stdout.write(JSON.stringify(measured));
}

function machineLine(): string {
  const processors = cpus();
  const [load1] = loadavg();
  return (
    `${processors[0]?.model ?? 'unknown CPU'}, ${processors.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
    `Node ${process.version} (${process.platform}/${process.arch}); load average ${load1?.toFixed(1) ?? '?'} at the start`
  );
}

/** Runs the child processes one after the other (they would compete for the cores otherwise) and combines them. */
function measureInChildProcesses(): MeasuredRow[] {
  const runs: ProcessRow[][] = [];
  for (let index = 0; index < settings.processes; index++) {
    process.stderr.write(`Process ${index + 1} of ${settings.processes}\n`);
    // The same Node and loader flags (tsx) as this process, on this file.
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
      env: { ...process.env, BENCH_CHILD: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(`benchmark process ${index + 1} failed (exit ${String(child.status)}, signal ${String(child.signal)})`);
    runs.push(JSON.parse(child.stdout) as ProcessRow[]);
  }
  const first = runs[0] ?? [];
  return first.map((row, index) => {
    const same = runs.map((run) => run[index] as ProcessRow);
    if (same.some((item) => rowKey(item) !== rowKey(row))) throw new Error('benchmark processes measured different rows');
    // JSON has no NaN: a row that was not measured comes back as null.
    const ratios = same.map((item) => item.ratio ?? Number.NaN);
    return {
      ...row,
      subjectMicroseconds: median(same.map((item) => item.subjectMicroseconds ?? Number.NaN)),
      baselineMicroseconds: median(same.map((item) => item.baselineMicroseconds ?? Number.NaN)),
      ratio: median(ratios),
      processRatios: ratios.filter((value) => !Number.isNaN(value)),
    };
  });
}

async function readPrevious(): Promise<BenchmarkRecord | undefined> {
  try {
    return JSON.parse(await readFile(recordFile, 'utf8')) as BenchmarkRecord;
  } catch {
    return undefined;
  }
}

/** Writes the summary table between the README's markers; says so when the markers are missing. */
async function updateReadme(record: BenchmarkRecord): Promise<void> {
  const readme = await readFile(readmeFile, 'utf8');
  const start = readme.indexOf(readmeStart);
  const end = readme.indexOf(readmeEnd);
  if (start < 0 || end < start) {
    process.stderr.write(`UPDATE_README: README.md has no ${readmeStart} … ${readmeEnd} block; paste the table printed above instead.\n`);
    return;
  }
  const block = `${readmeStart}\nLatest run: ${record.machine} (run ${record.startedAt}).\n\n${summaryTable(record.rows)}\n${readmeEnd}`;
  await writeFile(readmeFile, readme.slice(0, start) + block + readme.slice(end + readmeEnd.length));
  process.stderr.write('Wrote the summary table into README.md\n');
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const machine = machineLine();
  process.stderr.write(`Benchmarking on ${machine}\n`);
  const previous = await readPrevious();
  const rows = measureInChildProcesses();
  const record: BenchmarkRecord = { machine, startedAt, settings, rows };
  const markdown = renderMarkdown(record, previous);
  process.stdout.write(`${markdown}\n`);

  // The verdicts once more at the end, where a terminal shows them.
  const regressions = rows.filter((row) => compareWithPrevious(row, previous).regressed);
  const over = rows.filter((row) => row.goal !== undefined && row.ratio > row.goal);
  const superLinear = [...new Set(rows.map((row) => row.adapter))].map((adapter) => scalingOf(rows, adapter)).filter((item) => item.superLinearSteps.length > 0);
  process.stdout.write(`\n## README table\n\n${summaryTable(rows)}\n\n`);
  process.stdout.write(
    `${over.length} of ${rows.filter((row) => row.goal !== undefined).length} rows over their goal; ` +
      `${regressions.length} regressed more than 1.5× since the previous run${regressions.length > 0 ? `: ${regressions.map(rowKey).join('; ')}` : ''}; ` +
      `super-linear cost per field: ${superLinear.length === 0 ? 'none' : superLinear.map((item) => `${item.adapter} (${item.superLinearSteps.join(', ')})`).join(', ')}.\n`,
  );

  await writeFile(markdownFile, markdown);
  await writeFile(recordFile, `${JSON.stringify(record, (_key, value: unknown) => (typeof value === 'number' && Number.isNaN(value) ? null : value), 2)}\n`);
  process.stderr.write('Wrote tools/package-proof/BENCHMARKS.md and BENCHMARKS.json\n');
  if (process.env['UPDATE_README'] === '1') await updateReadme(record);
}

if (process.env['BENCH_CHILD'] === '1') await measureInThisProcess();
else await main();
