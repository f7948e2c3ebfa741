import type { Diagnostic, VisitorContext } from '@visitor-context/core';

/** One inbound payload as it arrives from a route. */
export interface InboxArrival {
  readonly receivedAt: string;
  readonly vendor: string;
  readonly ok: boolean;
  readonly context: VisitorContext | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** One inbound payload as the inbox keeps it: diagnostics capped, and the context left out when it alone is too big. */
export interface InboxEntry extends InboxArrival {
  /** How many diagnostics were left out past {@link InboxLimits.maxDiagnosticsPerEntry}. */
  readonly omittedDiagnostics: number;
  /** The size of the context when it was left out for being larger than the whole inbox may hold; else 0. */
  readonly omittedContextBytes: number;
  /** What this entry counts against {@link InboxLimits.maxBytes}: the UTF-8 size of its JSON. */
  readonly bytes: number;
}

export interface InboxLimits {
  /** The most entries kept (`INBOX_SIZE`). */
  readonly maxEntries: number;
  /** The most bytes all kept entries may hold together, measured as their JSON (`INBOX_MAX_BYTES`). */
  readonly maxBytes: number;
  /** The most diagnostics kept per entry; the rest are counted in `omittedDiagnostics`. */
  readonly maxDiagnosticsPerEntry: number;
}

/** One page of the inbox, newest first. */
export interface InboxPage {
  readonly entries: readonly InboxEntry[];
  /** 1-based, clamped to the pages there are. */
  readonly page: number;
  readonly pageCount: number;
  readonly total: number;
}

const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');

/**
 * The newest inbound contexts, in memory only, bounded by entry count and by bytes: once either bound is passed
 * the oldest entries are dropped, so a flood of webhooks, or a few huge ones, cannot exhaust memory. Everything is
 * lost on restart; a real app would store these.
 */
export class Inbox {
  readonly #entries: InboxEntry[] = [];
  #bytes = 0;
  constructor(readonly limits: InboxLimits) {}

  add(arrival: InboxArrival): void {
    const kept = arrival.diagnostics.slice(0, this.limits.maxDiagnosticsPerEntry);
    let entry = this.#measure({ ...arrival, diagnostics: kept, omittedDiagnostics: arrival.diagnostics.length - kept.length, omittedContextBytes: 0 });
    if (entry.bytes > this.limits.maxBytes) {
      // The context alone would push everything else out (or not fit at all): keep the row, say how big it was.
      entry = this.#measure({ ...entry, context: undefined, omittedContextBytes: jsonBytes(arrival.context) });
    }
    if (entry.bytes > this.limits.maxBytes) {
      // Still too big: its diagnostics are. Keep the row with the counts (config keeps maxBytes far above that).
      entry = this.#measure({ ...entry, diagnostics: [], omittedDiagnostics: arrival.diagnostics.length });
    }
    this.#entries.unshift(entry);
    this.#bytes += entry.bytes;
    while (this.#entries.length > this.limits.maxEntries || this.#bytes > this.limits.maxBytes) {
      this.#bytes -= this.#entries.pop()!.bytes;
    }
  }

  /** The bytes all kept entries hold now (never more than `limits.maxBytes`). */
  get bytes(): number {
    return this.#bytes;
  }

  /** Newest first. */
  list(): readonly InboxEntry[] {
    return this.#entries;
  }

  /** Page `page` (1-based) of `pageSize` entries, newest first. */
  page(page: number, pageSize: number): InboxPage {
    const pageCount = Math.max(1, Math.ceil(this.#entries.length / pageSize));
    const current = Math.min(Math.max(1, Math.trunc(page) || 1), pageCount);
    const start = (current - 1) * pageSize;
    return { entries: this.#entries.slice(start, start + pageSize), page: current, pageCount, total: this.#entries.length };
  }

  #measure(entry: Omit<InboxEntry, 'bytes'>): InboxEntry {
    return { ...entry, bytes: jsonBytes(entry) };
  }
}
