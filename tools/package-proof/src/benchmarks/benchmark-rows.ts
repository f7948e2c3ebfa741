import { parseVisitorContext, type Result } from '@visitor-context/core';
import { adapterProofs } from '../adapter-proofs.js';
import { sampleContexts } from '../sample-contexts.js';
import { adapterBenchmarks, innerJsonTexts, inboundTexts, oversizeText } from './benchmark-cases.js';

/** What a row measures: a group of rows shares its baseline and its goal. */
export type RowGroup = 'fromVendor' | 'core' | 'snippet' | 'scaling' | 'oversize';

/** The goals of the issue (#16), as ratios to the group's JSON baseline. */
export const goals = { fromVendor: 3, core: 2.5, snippet: 5 } as const;

/** The field counts of the scaling rows. */
export const scalingCounts = [10, 100, 1000] as const;

/** One row, as described before it is measured. */
export interface RowDescription {
  readonly group: RowGroup;
  /** `wxcc fromVendor`, `parseVisitorContext`, `comm100 snippet`… */
  readonly subject: string;
  /** `real fixture`, `typical`, `100 fields`… */
  readonly input: string;
  /** The adapter, for the per-adapter tables (`core` for core's rows). */
  readonly adapter: string;
  /** Input size in UTF-16 code units of its JSON text. */
  readonly characters: number;
  /** Custom fields in the input (scaling rows). */
  readonly fields?: number;
  /** `ok`, `ok, 3 warnings`, `rejected: too_large`, or why the row is not measured. */
  readonly outcome: string;
  /** The goal: at most this ratio to the baseline (none for scaling and oversize rows, which are reported). */
  readonly goal?: number;
}

/** A row ready to measure: its description and the two functions to time (none when not measured). */
export interface RowDefinition extends RowDescription {
  readonly run?: { readonly subject: () => unknown; readonly baseline: () => unknown };
}

/** A row's key across runs and processes. */
export const rowKey = (row: Pick<RowDescription, 'group' | 'subject' | 'input'>): string => `${row.group} | ${row.subject} | ${row.input}`;

/** `ok`, `ok, 3 warnings`, or `rejected: forbidden_key`. */
function describeOutcome(result: Result<unknown>): string {
  if (!result.ok) return `rejected: ${[...new Set(result.diagnostics.filter((item) => item.severity === 'error').map((item) => item.code))].join(', ')}`;
  const warnings = result.diagnostics.length;
  return warnings === 0 ? 'ok' : `ok, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

/** Parses the payload text and every JSON text inside it: what `fromVendor` must do at the least. */
function parseEveryJsonText(text: string): () => unknown {
  const inner = innerJsonTexts(text);
  if (inner.length === 0) return () => JSON.parse(text);
  return () => {
    const outer: unknown = JSON.parse(text);
    for (const item of inner) JSON.parse(item);
    return outer;
  };
}

/** Every row of a run, in the order they are measured and printed. */
export async function defineRows(): Promise<RowDefinition[]> {
  const rows: RowDefinition[] = [];
  for (const [input, context] of Object.entries(sampleContexts)) {
    const text = JSON.stringify(context);
    rows.push({
      group: 'core',
      subject: 'parseVisitorContext',
      adapter: 'core',
      input,
      characters: text.length,
      goal: goals.core,
      outcome: describeOutcome(parseVisitorContext(JSON.parse(text))),
      run: { subject: () => parseVisitorContext(JSON.parse(text)), baseline: () => JSON.parse(text) },
    });
  }
  for (const adapter of await adapterBenchmarks()) {
    for (const { input, text } of await inboundTexts(adapter)) {
      const row = { group: 'fromVendor', subject: `${adapter.id} fromVendor`, adapter: adapter.id, input, goal: goals.fromVendor } as const;
      if (typeof text !== 'string') {
        rows.push({ ...row, characters: 0, outcome: `not measured: ${text.skipped}` });
        continue;
      }
      rows.push({
        ...row,
        characters: text.length,
        outcome: describeOutcome(adapter.fromVendor(text)),
        run: { subject: () => adapter.fromVendor(text), baseline: parseEveryJsonText(text) },
      });
    }
    for (const [input, context] of Object.entries(sampleContexts)) {
      rows.push({
        group: 'snippet',
        subject: `${adapter.id} snippet`,
        adapter: adapter.id,
        input,
        characters: JSON.stringify(context).length,
        goal: goals.snippet,
        outcome: describeOutcome(adapter.renderSnippet(context)),
        run: { subject: () => adapter.renderSnippet(context), baseline: () => JSON.stringify(context) },
      });
    }
    for (const count of scalingCounts) {
      const text = adapter.inboundWithFields(count);
      rows.push({
        group: 'scaling',
        subject: `${adapter.id} fromVendor`,
        adapter: adapter.id,
        input: `${count} fields`,
        fields: count,
        characters: text.length,
        outcome: describeOutcome(adapter.fromVendor(text)),
        run: { subject: () => adapter.fromVendor(text), baseline: parseEveryJsonText(text) },
      });
    }
    const oversize = oversizeText(await adapterProofs[adapter.id].inboundFixture());
    rows.push({
      group: 'oversize',
      subject: `${adapter.id} fromVendor`,
      adapter: adapter.id,
      input: '1 MB webhook',
      characters: oversize.length,
      outcome: describeOutcome(adapter.fromVendor(oversize)),
      run: { subject: () => adapter.fromVendor(oversize), baseline: () => JSON.parse(oversize) },
    });
  }
  return rows;
}
