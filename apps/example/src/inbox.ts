import type { Diagnostic, VisitorContext } from '@visitor-context/core';

/** One inbound payload as the operator page shows it. */
export interface InboxEntry {
  readonly receivedAt: string;
  readonly vendor: string;
  readonly ok: boolean;
  readonly context: VisitorContext | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The newest inbound contexts, in memory only and bounded: once full, the oldest entry is dropped, so a flood
 * of webhooks cannot exhaust memory. Everything is lost on restart; a real app would store these.
 */
export class Inbox {
  readonly #entries: InboxEntry[] = [];
  constructor(readonly capacity: number) {}

  add(entry: InboxEntry): void {
    this.#entries.unshift(entry);
    if (this.#entries.length > this.capacity) this.#entries.length = this.capacity;
  }

  /** Newest first. */
  list(): readonly InboxEntry[] {
    return this.#entries;
  }
}
