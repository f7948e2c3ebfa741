/*
 * The benchmark's verdicts, on made-up figures (the benchmark itself is not part of npm test): goals, regressions
 * since the recorded run, super-linear growth of the cost per field, and the paired measurement's arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { measurePair, median } from './measure-pair.js';
import { compareWithPrevious, renderMarkdown, scalingOf, summaryTable, type BenchmarkRecord, type MeasuredRow } from './render-benchmarks.js';

const row = (overrides: Partial<MeasuredRow>): MeasuredRow => ({
  group: 'fromVendor',
  subject: 'wxcc fromVendor',
  adapter: 'wxcc',
  input: 'real fixture',
  characters: 500,
  outcome: 'ok',
  goal: 3,
  subjectMicroseconds: 10,
  baselineMicroseconds: 2,
  ratio: 5,
  processRatios: [5, 5.2, 4.9],
  ...overrides,
});

const record = (rows: readonly MeasuredRow[]): BenchmarkRecord => ({
  machine: 'test machine',
  startedAt: '2026-12-01T00:00:00.000Z',
  settings: { processes: 3, rounds: 25, batchMs: 8 },
  rows,
});

const scalingRows = (perField: readonly number[], baselinePerField: readonly number[]): MeasuredRow[] =>
  [10, 100, 1000].map((fields, index) =>
    row({
      group: 'scaling',
      input: `${fields} fields`,
      fields,
      subjectMicroseconds: (perField[index] as number) * fields,
      baselineMicroseconds: (baselinePerField[index] as number) * fields,
    }),
  );

describe('compareWithPrevious', () => {
  it('marks a ratio that grew more than 1.5× as regressed, and says by how much', () => {
    const compared = compareWithPrevious(row({ ratio: 8 }), record([row({ ratio: 5 })]));
    expect(compared).toEqual({ previous: '5.00×', change: '**regressed 1.6×**', regressed: true });
  });

  it('does not mark growth up to 1.5×, and notes an improvement of more than 1.5×', () => {
    expect(compareWithPrevious(row({ ratio: 7.5 }), record([row({ ratio: 5 })])).regressed).toBe(false);
    expect(compareWithPrevious(row({ ratio: 2 }), record([row({ ratio: 5 })]))).toEqual({ previous: '5.00×', change: 'improved 2.5×', regressed: false });
  });

  it('compares only the same row, and nothing without a recorded run', () => {
    expect(compareWithPrevious(row({ ratio: 50 }), record([row({ input: 'typical', ratio: 5 })])).regressed).toBe(false);
    expect(compareWithPrevious(row({ ratio: 50 }), undefined)).toEqual({ previous: '', change: '', regressed: false });
  });
});

describe('scalingOf', () => {
  it('flags a cost per field that grows faster than the baseline’s', () => {
    const scaling = scalingOf(scalingRows([2, 2, 6], [0.2, 0.2, 0.3]), 'wxcc');
    expect(scaling.perField).toEqual([2, 2, 6]);
    expect(scaling.superLinearSteps).toEqual(['100 → 1000']);
  });

  it('does not flag growth the baseline shows too (JSON.parse costs more per key in big objects)', () => {
    expect(scalingOf(scalingRows([3, 2, 5], [0.2, 0.1, 0.3]), 'wxcc').superLinearSteps).toEqual([]);
  });
});

describe('the tables', () => {
  it('show each ratio with its goal, over-goal rows and the regressions', () => {
    const rows = [row({ ratio: 2.4 }), row({ input: 'typical', ratio: 9 }), ...scalingRows([2, 2, 2], [0.2, 0.2, 0.2])];
    expect(summaryTable(rows)).toContain('| wxcc | 2.4× | 9.0× (over) |');
    const markdown = renderMarkdown(record(rows), record([row({ input: 'typical', ratio: 4 })]));
    expect(markdown).toContain('**1 row regressed by more than 1.5× since the run of 2026-12-01T00:00:00.000Z:** fromVendor | wxcc fromVendor | typical.');
    expect(markdown).toContain('| 9.00× | 5.00×, 5.20×, 4.90× | ≤ 3× **over** | 4.00× | **regressed 2.3×** |');
  });
});

describe('measurePair', () => {
  it('reports a ratio above 1 for a subject that does more work than its baseline', () => {
    const work = (size: number) => () => {
      let total = 0;
      for (let index = 0; index < size; index++) total += Math.sqrt(index);
      return total;
    };
    const measured = measurePair(work(40_000), work(4_000), { rounds: 5, batchMs: 2 });
    expect(measured.ratio).toBeGreaterThan(2);
    expect(measured.subjectMicroseconds).toBeGreaterThan(measured.baselineMicroseconds);
  });

  it('takes the median', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});
