import type { Result, VisitorContext } from '@visitor-context/core';
import type { HttpStandIn } from '@visitor-context/testkit/http-stand-in';

/** One id the vendor needs to know where to write (a conversation, a room, a visitor). */
export interface PushField {
  /** The form field's name and the key of the target object the adapter's push function takes. */
  readonly name: string;
  readonly label: string;
  readonly required: boolean;
  /** Where to find it. */
  readonly hint: string;
  /** Prefilled with the stand-in, where it knows the id; never with the real API. */
  readonly example?: string;
}

/** A request the local stand-in received, as the page shows it: no headers, so no token is ever shown. */
export interface ShownRequest {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

/** What one push did. */
export interface PushOutcome {
  /** The adapter's result: the vendor's receipt, or the diagnostics of why not (HTTP outcome included). */
  readonly result: Result<unknown>;
  /** With the stand-in: the requests it received for this push. */
  readonly standInRequests?: readonly ShownRequest[];
}

/** A vendor the "Push from the server" panel can write to: every one has the same shape. */
export interface PushTarget {
  readonly id: 'genesys' | 'giosg';
  readonly label: string;
  /** The real API (credentials from the environment) or the app's local stand-in. */
  readonly mode: 'real' | 'stand-in';
  readonly fields: readonly PushField[];
  /** Writes the context; never throws. `ids` holds every required field, trimmed and non-empty. */
  push(ids: Readonly<Record<string, string>>, context: VisitorContext): Promise<PushOutcome>;
  /** The few lines a developer writes for this push, shown next to the form. */
  readonly code: string;
}

/** The push targets and what they started (the local stand-ins), stopped together. */
export interface PushDelivery {
  readonly targets: readonly PushTarget[];
  /** With the stand-in: its address and everything it received (for the tests). */
  readonly standIns: Readonly<Partial<Record<PushTarget['id'], HttpStandIn>>>;
  close(): Promise<void>;
}
