import type { Result, VisitorContext } from '@visitor-context/core';

/** How the page loads each vendor's script: the testkit stand-in (offline) or the vendor's real one. */
export type VendorScripts = 'stand-in' | 'real';

/** What the server-rendered page needs from a vendor's integration. */
export interface EmbedOptions {
  readonly nonce: string | undefined;
  readonly vendorScripts: VendorScripts;
}

/**
 * One vendor, wired into the app: every vendor has the same shape, so pages and routes stay generic.
 * The data (`sampleInbound`) is a real payload shape from the adapter's fixtures.
 */
export interface VendorDemo {
  readonly id: string;
  readonly label: string;
  /** The server-rendered embed for a context: the adapter's snippet renderer, pointed at the stand-in or the real script. */
  embed(context: VisitorContext, options: EmbedOptions): Promise<Result<string>>;
  /** What the single-page app hands to the adapter's `./browser` runtime after login/logout (translated, signed if needed). */
  clientPayload(context: VisitorContext | undefined): Promise<Result<unknown>>;
  /** Reads an inbound request (webhook, flow call, stored payload) into a context. */
  receive(request: Request): Promise<Result<VisitorContext>>;
  /** Inbound translation of a pasted payload (raw JSON text). */
  fromVendor(text: string): Result<VisitorContext>;
  /** Outbound translation, for the translation page. */
  toVendor(context: VisitorContext): Result<unknown>;
  /** A captured inbound payload of this vendor, as JSON text. */
  readonly sampleInbound: string;
  /** The content type the vendor sends inbound. */
  readonly inboundContentType: string;
  /** Settings the single-page app's browser code needs (rendered as JSON into the page; never secrets). */
  readonly browserSettings?: Record<string, unknown>;
  /** The few lines a developer writes for each panel, shown next to it (type-checked by test/code-samples.test.ts). */
  readonly code: VendorCode;
}

/** Code a developer writes, per panel. */
export interface VendorCode {
  /** Server: render the embed for a validated context (widget demo). */
  readonly embed: string;
  /** Browser: apply the server's payload after login, clear it on logout (single-page app). */
  readonly browser: string;
  /** Server: read the vendor's inbound payload (operator inbox). */
  readonly inbound: string;
}
