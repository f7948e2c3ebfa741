import { goals, rowKey, scalingCounts, type RowDescription, type RowGroup } from './benchmark-rows.js';

/** A row with its figures: medians over the processes of each process's median over its rounds. */
export interface MeasuredRow extends RowDescription {
  readonly subjectMicroseconds: number;
  readonly baselineMicroseconds: number;
  readonly ratio: number;
  /** Each process's ratio, to show the spread. */
  readonly processRatios: readonly number[];
}

/** What BENCHMARKS.json records of a run, for the next run to compare with. */
export interface BenchmarkRecord {
  readonly machine: string;
  readonly startedAt: string;
  readonly settings: { readonly processes: number; readonly rounds: number; readonly batchMs: number };
  readonly rows: readonly MeasuredRow[];
}

/** A regression: a row whose ratio grew by more than this factor since the recorded run. */
export const regressionFactor = 1.5;

/** Growth of the cost per field, beyond the baseline's own growth, that counts as super-linear. */
export const superLinearFactor = 1.5;

const formatMicroseconds = (value: number): string =>
  Number.isNaN(value) ? 'n/a' : value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0);
/** Two decimals, or two significant digits below 0.1 (refusing a 1 MB body costs a few thousandths of parsing it). */
const formatRatio = (value: number): string => (Number.isNaN(value) ? 'n/a' : `${value < 0.1 ? value.toPrecision(2) : value.toFixed(2)}×`);

function verdict(row: MeasuredRow): string {
  if (row.goal === undefined || Number.isNaN(row.ratio)) return '';
  return row.ratio <= row.goal ? `≤ ${row.goal}× ok` : `≤ ${row.goal}× **over**`;
}

/** The previous run's ratio for a row, and whether it regressed since. */
export function compareWithPrevious(row: MeasuredRow, previous: BenchmarkRecord | undefined): { previous: string; change: string; regressed: boolean } {
  const before = previous?.rows.find((item) => rowKey(item) === rowKey(row));
  if (before === undefined || Number.isNaN(before.ratio) || Number.isNaN(row.ratio)) return { previous: '', change: '', regressed: false };
  const factor = row.ratio / before.ratio;
  const regressed = factor > regressionFactor;
  return {
    previous: formatRatio(before.ratio),
    change: regressed ? `**regressed ${factor.toFixed(1)}×**` : factor < 1 / regressionFactor ? `improved ${(1 / factor).toFixed(1)}×` : '',
    regressed,
  };
}

/** Cost per field of each scaling row of an adapter, and the steps where it grows faster than the baseline's. */
export interface Scaling {
  readonly adapter: string;
  /** µs per field at each count of {@link scalingCounts}. */
  readonly perField: readonly number[];
  readonly baselinePerField: readonly number[];
  readonly outcomes: readonly string[];
  /** `10 → 100`, … where the cost per field grew more than {@link superLinearFactor}× the baseline's growth. */
  readonly superLinearSteps: readonly string[];
}

export function scalingOf(rows: readonly MeasuredRow[], adapter: string): Scaling {
  const scaling = scalingCounts.map((count) => rows.find((row) => row.group === 'scaling' && row.adapter === adapter && row.fields === count));
  const perField = scaling.map((row, index) => (row === undefined ? Number.NaN : row.subjectMicroseconds / (scalingCounts[index] as number)));
  const baselinePerField = scaling.map((row, index) => (row === undefined ? Number.NaN : row.baselineMicroseconds / (scalingCounts[index] as number)));
  const superLinearSteps: string[] = [];
  for (let index = 1; index < scalingCounts.length; index++) {
    const growth = (perField[index] as number) / (perField[index - 1] as number);
    const baselineGrowth = (baselinePerField[index] as number) / (baselinePerField[index - 1] as number);
    if (growth > superLinearFactor * Math.max(1, baselineGrowth)) superLinearSteps.push(`${scalingCounts[index - 1]} → ${scalingCounts[index]}`);
  }
  return { adapter, perField, baselinePerField, outcomes: scaling.map((row) => row?.outcome ?? 'n/a'), superLinearSteps };
}

const adaptersOf = (rows: readonly MeasuredRow[]): string[] => [...new Set(rows.filter((row) => row.adapter !== 'core').map((row) => row.adapter))];

function ratioCell(rows: readonly MeasuredRow[], group: RowGroup, adapter: string, input: string): string {
  const row = rows.find((item) => item.group === group && item.adapter === adapter && item.input === input);
  if (row === undefined || Number.isNaN(row.ratio)) return 'n/a';
  const over = row.goal !== undefined && row.ratio > row.goal ? ' (over)' : '';
  const rejected = row.outcome.startsWith('rejected') ? ` (${row.outcome})` : '';
  return `${row.ratio.toFixed(1)}×${over}${rejected}`;
}

/** The summary table, also the root README's speed table (`UPDATE_README=1` writes it there). */
export function summaryTable(rows: readonly MeasuredRow[]): string {
  const perField = (scaling: Scaling): string =>
    `${scaling.perField.map((value) => formatMicroseconds(value)).join(' / ')} µs${scaling.superLinearSteps.length > 0 ? ' **super-linear**' : ''}`;
  return [
    `| adapter | fromVendor: real fixture (≤ ${goals.fromVendor}×) | fromVendor: typical | fromVendor: maximal | snippet: typical (≤ ${goals.snippet}×) | snippet: maximal | cost per field at ${scalingCounts.join(' / ')} fields |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...adaptersOf(rows).map(
      (adapter) =>
        `| ${adapter} | ${ratioCell(rows, 'fromVendor', adapter, 'real fixture')} | ${ratioCell(rows, 'fromVendor', adapter, 'typical')} | ${ratioCell(rows, 'fromVendor', adapter, 'maximal')} | ${ratioCell(rows, 'snippet', adapter, 'typical')} | ${ratioCell(rows, 'snippet', adapter, 'maximal')} | ${perField(scalingOf(rows, adapter))} |`,
    ),
    `| core \`parseVisitorContext(JSON.parse(text))\` (≤ ${goals.core}×) | | ${ratioCell(rows, 'core', 'core', 'typical')} | ${ratioCell(rows, 'core', 'core', 'maximal')} | | | |`,
  ].join('\n');
}

function section(rows: readonly MeasuredRow[], previous: BenchmarkRecord | undefined, group: RowGroup, title: string, baseline: string): string {
  const header =
    '| subject | input | chars | outcome | subject µs | baseline µs | ratio | per process | goal | previous run | change |\n| --- | --- | ---: | --- | ---: | ---: | ---: | --- | --- | ---: | --- |';
  const lines = rows
    .filter((row) => row.group === group)
    .map((row) => {
      const compared = compareWithPrevious(row, previous);
      return `| ${row.subject} | ${row.input} | ${row.characters} | ${row.outcome} | ${formatMicroseconds(row.subjectMicroseconds)} | ${formatMicroseconds(row.baselineMicroseconds)} | ${formatRatio(row.ratio)} | ${row.processRatios.map(formatRatio).join(', ')} | ${verdict(row)} | ${compared.previous} | ${compared.change} |`;
    });
  return `### ${title}\n\nBaseline: ${baseline}.\n\n${header}\n${lines.join('\n')}\n`;
}

function scalingSection(rows: readonly MeasuredRow[]): string {
  const lines = adaptersOf(rows).map((adapter) => {
    const scaling = scalingOf(rows, adapter);
    const cells = scalingCounts.map(
      (count, index) => `${formatMicroseconds(scaling.perField[index] as number)} (${formatMicroseconds(scaling.baselinePerField[index] as number)}); ${scaling.outcomes[index]}`,
    );
    return `| ${adapter} | ${cells.join(' | ')} | ${scaling.superLinearSteps.length > 0 ? `**super-linear** at ${scaling.superLinearSteps.join(', ')}` : 'flat or better'} |`;
  });
  return [
    '### Scaling: cost per field',
    '',
    "`fromVendor` on an inbound payload in the vendor's own shape with 10, 100 and 1,000 custom fields (attributes, custom",
    'chat fields, custom variables, `api_data` entries): µs per field, the baseline\'s (parsing every JSON text in the',
    `payload) in brackets, and the outcome. A step is flagged super-linear when the cost per field grows more than`,
    `${superLinearFactor}× the baseline's own growth (JSON.parse itself costs more per key in objects of many keys). Over 200`,
    'attributes a context is refused or the rest kept in the vendor bag, by design (core\'s `maxAttributes`).',
    '',
    `| adapter | ${scalingCounts.map((count) => `${count} fields`).join(' | ')} | growth |`,
    `| --- | ${scalingCounts.map(() => '---').join(' | ')} | --- |`,
    ...lines,
    '',
  ].join('\n');
}

/** BENCHMARKS.md. */
export function renderMarkdown(record: BenchmarkRecord, previous: BenchmarkRecord | undefined): string {
  const { rows, settings } = record;
  const regressions = rows.filter((row) => compareWithPrevious(row, previous).regressed);
  return [
    '# Benchmarks',
    '',
    'Run with `pnpm --filter @visitor-context/package-proof bench` after `pnpm build` (it measures the built `dist`; about',
    "4 minutes on 2 cores at a load average of 18, of which 1 minute of CPU time). Each subject is timed against its JSON baseline in paired batches: adjacent batches of the",
    `same size, in alternating order, ${settings.rounds} rounds of about ${settings.batchMs} ms of CPU time per batch (the process's CPU time,`,
    'not the wall clock, so other processes on a shared machine do not count); a process reports the median',
    `ratio over its rounds, and the figures are the median of ${settings.processes} processes (each process's ratio is shown).`,
    'Ratios matter more than absolute times, which move with the machine and its load. The inputs are in',
    "`src/sample-contexts.ts`; `real fixture` is a vendor payload from the adapter's `src/__fixtures__`; `hostile` carries",
    '`<`, `</script>`, U+2028/U+2029 and prototype-pollution keys (refused by design), `hostile text` the same without the',
    'pollution keys. The figures are recorded in `BENCHMARKS.json`; the next run compares with them and marks any row',
    `whose ratio grew more than ${regressionFactor}×.`,
    '',
    `Machine: ${record.machine}. Run: ${record.startedAt}.`,
    '',
    '## Summary',
    '',
    `Ratios to the JSON baseline, with the goal of issue #16: \`fromVendor(rawText)\` ≤ ${goals.fromVendor}× \`JSON.parse\` of every JSON`,
    `text in the payload; snippet rendering ≤ ${goals.snippet}× \`JSON.stringify(context)\`; \`parseVisitorContext(JSON.parse(text))\` ≤`,
    `${goals.core}× \`JSON.parse(text)\`; cost per field flat from 10 to 1,000 fields.`,
    '',
    summaryTable(rows),
    '',
    regressions.length === 0
      ? previous === undefined
        ? 'No previous run recorded to compare with.'
        : `No row regressed by more than ${regressionFactor}× since the run of ${previous.startedAt}.`
      : `**${regressions.length} row${regressions.length === 1 ? '' : 's'} regressed by more than ${regressionFactor}× since the run of ${previous?.startedAt}:** ${regressions.map((row) => rowKey(row)).join('; ')}.`,
    '',
    '## All measurements',
    '',
    section(rows, previous, 'fromVendor', 'Reading a vendor payload: `fromVendor(rawText)`', '`JSON.parse(rawText)` and `JSON.parse` of every JSON text inside it (WxCC\'s `custom_chat_attr`, `customprofileparams`)'),
    section(rows, previous, 'snippet', 'Rendering the page snippet (translation and validation included)', '`JSON.stringify(context)`'),
    section(rows, previous, 'core', 'Validating a context: `parseVisitorContext(JSON.parse(text))`', "`JSON.parse(text)` of the context's JSON text"),
    scalingSection(rows),
    section(rows, previous, 'scaling', 'Scaling rows in full', 'as for `fromVendor`'),
    section(
      rows,
      previous,
      'oversize',
      'Refusing a 1 MB webhook (reported, no goal)',
      "`JSON.parse` of the same text; the real fixture padded to 1,000,000 characters, over every adapter's inbound limit but Comm100's 1 MiB (a chat_ended transcript may be that long)",
    ),
  ].join('\n');
}
