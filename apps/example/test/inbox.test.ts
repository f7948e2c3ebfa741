import type { Diagnostic, VisitorContext } from '@visitor-context/core';
import { describe, expect, it } from 'vitest';
import { Inbox, type InboxArrival } from '../src/inbox.js';

const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

function arrival(index: number, noteBytes: number, diagnosticCount = 0): InboxArrival {
  const diagnostics: Diagnostic[] = Array.from({ length: diagnosticCount }, (_, at) => ({
    code: 'value_truncated',
    severity: 'warning',
    path: ['attributes', `field${at}`],
    message: `Field ${at} was truncated.`,
  }));
  const context = { visitor: { id: `v-${index}` }, attributes: { note: 'é'.repeat(noteBytes / 2) } } as VisitorContext;
  return { receivedAt: new Date(index * 1000).toISOString(), vendor: 'giosg', ok: true, context, diagnostics };
}

describe('the operator inbox', () => {
  it('never holds more bytes than its byte bound, dropping the oldest first', () => {
    const inbox = new Inbox({ maxEntries: 1000, maxBytes: 64 * 1024, maxDiagnosticsPerEntry: 20 });
    for (let index = 0; index < 200; index += 1) {
      inbox.add(arrival(index, 10 * 1024, 3));
      // What it keeps, measured independently, stays within the bound after every arrival.
      expect(jsonBytes(inbox.list())).toBeLessThanOrEqual(64 * 1024 + inbox.list().length * 64);
      expect(inbox.bytes).toBeLessThanOrEqual(64 * 1024);
    }
    const kept = inbox.list();
    expect(kept.length).toBeGreaterThan(1);
    expect(kept.length).toBeLessThan(10);
    expect(kept[0]!.context?.visitor?.id).toBe('v-199');
    expect(kept.map((entry) => entry.context?.visitor?.id)).toEqual(kept.map((_, at) => `v-${199 - at}`));
  });

  it('still keeps the entry-count bound', () => {
    const inbox = new Inbox({ maxEntries: 3, maxBytes: 1024 * 1024, maxDiagnosticsPerEntry: 20 });
    for (let index = 0; index < 10; index += 1) inbox.add(arrival(index, 100));
    expect(inbox.list().map((entry) => entry.context?.visitor?.id)).toEqual(['v-9', 'v-8', 'v-7']);
  });

  it('caps the diagnostics kept per entry and says how many were left out', () => {
    const inbox = new Inbox({ maxEntries: 10, maxBytes: 1024 * 1024, maxDiagnosticsPerEntry: 5 });
    inbox.add(arrival(1, 100, 1000));
    const [entry] = inbox.list();
    expect(entry!.diagnostics).toHaveLength(5);
    expect(entry!.diagnostics[0]!.path).toEqual(['attributes', 'field0']);
    expect(entry!.omittedDiagnostics).toBe(995);
  });

  it('keeps a row without its context when the context alone is larger than the whole inbox, saying how large', () => {
    const inbox = new Inbox({ maxEntries: 10, maxBytes: 16 * 1024, maxDiagnosticsPerEntry: 5 });
    inbox.add(arrival(1, 100));
    inbox.add(arrival(2, 64 * 1024));
    const [huge, small] = inbox.list();
    expect(huge!.context).toBeUndefined();
    expect(huge!.omittedContextBytes).toBeGreaterThan(64 * 1024);
    expect(small!.context?.visitor?.id).toBe('v-1');
    expect(inbox.bytes).toBeLessThanOrEqual(16 * 1024);
  });

  it('pages newest first and clamps out-of-range pages', () => {
    const inbox = new Inbox({ maxEntries: 100, maxBytes: 1024 * 1024, maxDiagnosticsPerEntry: 5 });
    for (let index = 0; index < 25; index += 1) inbox.add(arrival(index, 10));
    const ids = (page: number) => inbox.page(page, 10).entries.map((entry) => entry.context?.visitor?.id);
    expect(inbox.page(1, 10)).toMatchObject({ page: 1, pageCount: 3, total: 25 });
    expect(ids(1)?.[0]).toBe('v-24');
    expect(ids(3)).toEqual(['v-4', 'v-3', 'v-2', 'v-1', 'v-0']);
    expect(inbox.page(99, 10).page).toBe(3);
    expect(inbox.page(Number.NaN, 10).page).toBe(1);
    expect(inbox.page(-5, 10).page).toBe(1);
  });
});
