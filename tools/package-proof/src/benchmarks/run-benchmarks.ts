/**
 * Benchmarks, side by side in one run so the figures are ratios to a JSON baseline:
 * - each adapter's `fromVendor` on raw payload text vs `JSON.parse` of the same text (target ≤ 2.5×);
 * - each adapter's snippet rendering vs `JSON.stringify` of the same context (target ≤ 3×);
 * - core's `parseVisitorContext` vs `JSON.parse` of the context's text.
 * Run: `pnpm --filter @visitor-context/package-proof bench` (after building the packages). Writes BENCHMARKS.md.
 */
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseVisitorContext, type Result } from '@visitor-context/core';
import { Bench } from 'tinybench';
import { sampleContexts } from '../sample-contexts.js';
import { adapterBenchmarks, inboundTexts } from './benchmark-cases.js';

/** One measured pair: a subject and its JSON baseline on the same input. */
interface Comparison {
  readonly group: string;
  readonly subject: string;
  readonly input: string;
  /** Input size in UTF-16 code units of its JSON text. */
  readonly characters: number;
  readonly outcome: string;
  readonly subjectMicroseconds: number;
  readonly baselineMicroseconds: number;
  readonly ratio: number;
  readonly target?: number;
}

/** Rounds per pair; the subject and baseline alternate order, and the median ratio is reported. */
const rounds = 3;
/** Measuring time per task and round, in ms. */
const taskTimeMs = Number(process.env['BENCH_TIME_MS'] ?? 150);

let sink: unknown;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Median latency per call (µs) of `subject` and `baseline`, measured in alternating rounds. */
async function comparePair(subject: () => unknown, baseline: () => unknown): Promise<{ subject: number; baseline: number; ratio: number }> {
  const subjectTimes: number[] = [];
  const baselineTimes: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const bench = new Bench({ time: taskTimeMs, warmupTime: 30, throws: true });
    const tasks: [string, () => unknown][] = [
      ['subject', subject],
      ['baseline', baseline],
    ];
    if (round % 2 === 1) tasks.reverse();
    for (const [name, fn] of tasks) bench.add(name, () => void (sink = fn()));
    await bench.run();
    const latency = (name: string): number => {
      const result = bench.getTask(name)?.result;
      if (result === undefined || !('latency' in result)) throw new Error(`task ${name} did not complete`);
      return result.latency.p50 * 1000;
    };
    subjectTimes.push(latency('subject'));
    baselineTimes.push(latency('baseline'));
    ratios.push(latency('subject') / latency('baseline'));
  }
  return { subject: median(subjectTimes), baseline: median(baselineTimes), ratio: median(ratios) };
}

/** `ok`, `ok, 3 warnings`, or `rejected: forbidden_key`. */
function describeOutcome(result: Result<unknown>): string {
  if (!result.ok) return `rejected: ${[...new Set(result.diagnostics.filter((item) => item.severity === 'error').map((item) => item.code))].join(', ')}`;
  const warnings = result.diagnostics.length;
  return warnings === 0 ? 'ok' : `ok, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

async function collect(progress: (line: string) => void): Promise<Comparison[]> {
  const comparisons: Comparison[] = [];
  const add = async (
    entry: Omit<Comparison, 'subjectMicroseconds' | 'baselineMicroseconds' | 'ratio' | 'outcome'>,
    subject: () => Result<unknown>,
    baseline: () => unknown,
  ): Promise<void> => {
    const outcome = describeOutcome(subject());
    const measured = await comparePair(subject, baseline);
    comparisons.push({ ...entry, outcome, subjectMicroseconds: measured.subject, baselineMicroseconds: measured.baseline, ratio: measured.ratio });
    progress(`${entry.subject} · ${entry.input}: ${measured.ratio.toFixed(2)}×`);
  };

  for (const [input, context] of Object.entries(sampleContexts)) {
    const text = JSON.stringify(context);
    await add({ group: 'core', subject: 'parseVisitorContext', input, characters: text.length }, () => parseVisitorContext(context), () => JSON.parse(text));
  }
  for (const adapter of await adapterBenchmarks()) {
    for (const { input, text } of await inboundTexts(adapter)) {
      if (typeof text !== 'string') {
        progress(`${adapter.id} fromVendor · ${input}: skipped (${text.skipped})`);
        comparisons.push({ group: 'fromVendor', subject: `${adapter.id} fromVendor`, input, characters: 0, outcome: `not measured: ${text.skipped}`, subjectMicroseconds: Number.NaN, baselineMicroseconds: Number.NaN, ratio: Number.NaN });
        continue;
      }
      await add(
        { group: 'fromVendor', subject: `${adapter.id} fromVendor`, input, characters: text.length, target: 2.5 },
        () => adapter.fromVendor(text),
        () => JSON.parse(text),
      );
    }
    for (const [input, context] of Object.entries(sampleContexts)) {
      await add(
        { group: 'snippet', subject: `${adapter.id} snippet`, input, characters: JSON.stringify(context).length, target: 3 },
        () => adapter.renderSnippet(context),
        () => JSON.stringify(context),
      );
    }
  }
  return comparisons;
}

const formatMicroseconds = (value: number): string => (value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0));

function machineLine(): string {
  const processors = cpus();
  const [load1] = loadavg();
  return (
    `${processors[0]?.model ?? 'unknown CPU'}, ${processors.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
    `Node ${process.version} (${process.platform}/${process.arch}); load average ${load1?.toFixed(1) ?? '?'} at the start`
  );
}

function renderMarkdown(comparisons: readonly Comparison[], machine: string, startedAt: Date): string {
  const header =
    '| subject | input | chars | outcome | subject µs | baseline µs | ratio | target |\n| --- | --- | ---: | --- | ---: | ---: | ---: | --- |';
  const section = (group: string, title: string, baseline: string): string => {
    const rows = comparisons
      .filter((item) => item.group === group)
      .map((item) => {
        const verdict = item.target === undefined || Number.isNaN(item.ratio) ? '' : item.ratio <= item.target ? `≤ ${item.target}× ok` : `≤ ${item.target}× **over**`;
        return `| ${item.subject} | ${item.input} | ${item.characters} | ${item.outcome} | ${formatMicroseconds(item.subjectMicroseconds)} | ${formatMicroseconds(item.baselineMicroseconds)} | ${item.ratio.toFixed(2)}× | ${verdict} |`;
      });
    return `### ${title}\n\nBaseline: ${baseline}.\n\n${header}\n${rows.join('\n')}\n`;
  };
  const ratioOf = (subject: string, input: string): string => {
    const found = comparisons.find((item) => item.subject === subject && item.input === input);
    if (found === undefined || Number.isNaN(found.ratio)) return 'n/a';
    const over = found.target !== undefined && found.ratio > found.target;
    const rejected = found.outcome.startsWith('rejected') ? ` (${found.outcome})` : '';
    return `${found.ratio.toFixed(1)}×${over ? ' (over)' : ''}${rejected}`;
  };
  const adapters = [...new Set(comparisons.filter((item) => item.group === 'snippet').map((item) => item.subject.split(' ')[0]))];
  const summary = [
    '| adapter | fromVendor: real fixture | fromVendor: typical | fromVendor: maximal | snippet: typical | snippet: maximal |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...adapters.map(
      (id) =>
        `| ${id} | ${ratioOf(`${id} fromVendor`, 'real fixture')} | ${ratioOf(`${id} fromVendor`, 'typical')} | ${ratioOf(`${id} fromVendor`, 'maximal')} | ${ratioOf(`${id} snippet`, 'typical')} | ${ratioOf(`${id} snippet`, 'maximal')} |`,
    ),
    `| core \`parseVisitorContext\` vs \`JSON.parse\` | | ${ratioOf('parseVisitorContext', 'typical')} | ${ratioOf('parseVisitorContext', 'maximal')} | | |`,
  ].join('\n');
  return [
    '# Benchmarks',
    '',
    'Run with `pnpm --filter @visitor-context/package-proof bench` after `pnpm build` (it measures the built `dist`).',
    `Each pair is measured side by side with tinybench in ${rounds} alternating rounds of ${taskTimeMs} ms per task; the`,
    'figures are median latencies per call and the median ratio. Ratios matter more than absolute times, which move',
    'with the machine and its load. The inputs are in `src/sample-contexts.ts`; `real fixture` is a vendor payload from',
    "the adapter's `src/__fixtures__`; `hostile` carries `<`, `</script>`, U+2028/U+2029 and prototype-pollution keys",
    '(refused by design), `hostile text` the same without the pollution keys.',
    '',
    `Machine: ${machine}. Run: ${startedAt.toISOString()}.`,
    '',
    '## Summary',
    '',
    'Ratios to the JSON baseline (`JSON.parse` of the same text for `fromVendor`, target ≤ 2.5×; `JSON.stringify` of the',
    'same context for snippets, target ≤ 3×).',
    '',
    summary,
    '',
    '## All measurements',
    '',
    section('fromVendor', "Reading a vendor payload: `fromVendor(rawText)`", '`JSON.parse(rawText)`'),
    section('snippet', 'Rendering the page snippet (translation and validation included)', '`JSON.stringify(context)`'),
    section('core', 'Validating a context: `parseVisitorContext(context)`', "`JSON.parse` of the context's JSON text"),
  ].join('\n');
}

const startedAt = new Date();
const machine = machineLine();
process.stderr.write(`Benchmarking on ${machine}\n`);
const comparisons = await collect((line) => process.stderr.write(`  ${line}\n`));
const markdown = renderMarkdown(comparisons, machine, startedAt);
process.stdout.write(`${markdown}\n`);
await writeFile(new URL('../../BENCHMARKS.md', import.meta.url), markdown);
process.stderr.write(`Wrote tools/package-proof/BENCHMARKS.md (sink: ${typeof sink})\n`);
