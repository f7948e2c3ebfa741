import { describeAdapterConformance, expectReadmeMapping, parseHtml, runInlineScripts } from '@visitor-context/testkit';
import { giosgAdapter } from './index.js';
import { renderGiosgSnippet, renderGiosgSubmission } from './render-giosg-snippet.js';
import { describe, expect, it } from 'vitest';
import type { VisitorContext } from '@visitor-context/core';
import type { GiosgApiDataItem, GiosgVisitorSubmission } from './giosg-api.js';
import type { GiosgToVendorOptions } from './giosg-options.js';

/** Runs a rendered snippet with a recording `_giosg` and returns the submissions it queued, as data. */
function readSubmissions(html: string): unknown[] {
  const calls: unknown[][] = [];
  runInlineScripts(html, { _giosg: (...args: unknown[]) => calls.push(JSON.parse(JSON.stringify(args)) as unknown[]) });
  expect(parseHtml(html).elements('script')).toHaveLength(1);
  return calls.map(([module, method, visitorData, signingAlgorithm, replaceExisting, rooms]) => {
    expect([module, method]).toEqual(['visitor', 'submit']);
    return { visitorData, signingAlgorithm, replaceExisting, ...(rooms === undefined ? {} : { rooms }) };
  });
}

const roomOptions: GiosgToVendorOptions = { rooms: [{ name: 'Sales' }], replaceExisting: true };

/**
 * What giosg reports later for a submission: the REST chats listing's `api_data`, one `{ name, value }` per
 * key, with values as text (as giosg's documentation shows them).
 */
function asApiData(submission: GiosgVisitorSubmission): GiosgApiDataItem[] {
  if (typeof submission.visitorData === 'string') throw new Error('plain submissions only');
  return Object.entries(submission.visitorData).map(([name, value]) => ({
    name,
    value: typeof value === 'object' && value !== null ? value : String(value),
  }));
}

describeAdapterConformance(giosgAdapter, {
  echo: asApiData,
  snippets: [
    {
      name: 'plain submit',
      render: (context) => renderGiosgSnippet(context),
      read: (html) => readSubmissions(html)[0],
    },
    {
      name: 'plain submit to a room, replacing',
      render: (context) => renderGiosgSnippet(context, roomOptions),
      read: (html) => readSubmissions(html)[0],
      expected: (context: VisitorContext) => {
        const result = giosgAdapter.toVendor(context, roomOptions);
        return result.ok ? result.value : undefined;
      },
    },
    {
      name: 'signed-token submit',
      // The token slot carries arbitrary text; a context value stands in for a token to probe it.
      render: (context) =>
        renderGiosgSubmission({ visitorData: context.visitor?.name ?? 'token', signingAlgorithm: 'HS256', replaceExisting: false }),
      read: (html) => readSubmissions(html)[0],
      expected: (context: VisitorContext) => ({ visitorData: context.visitor?.name ?? 'token', signingAlgorithm: 'HS256', replaceExisting: false }),
    },
  ],
});

describe('giosg README', () => {
  it('has the current mapping table', () => {
    expectReadmeMapping(new URL('../README.md', import.meta.url), giosgAdapter);
  });
});
