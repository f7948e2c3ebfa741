import type { Diagnostic, Result } from '../diagnostics.js';

/**
 * A diagnostic of {@link sendVendorRequest}: what happened, with the vendor's HTTP status, its request id (quote
 * it to the vendor's support) and how many attempts were made.
 *
 * @remarks
 * Codes (errors): `unauthorized` (401, 403), `not_found` (404), `rate_limited` (429 once retries are used up, or
 * when the vendor asks to wait longer than allowed), `vendor_rejected` (any other non-2xx, 5xx included once
 * retries are used up), `timeout` (one attempt, or the whole call, took too long), `network_error` (the vendor
 * could not be reached), `aborted` (the caller's signal cancelled the call), `invalid_option` (the request or
 * the options are wrong; nothing was sent). Warnings on a success: `too_large`, `invalid_json`,
 * `forbidden_key`, `too_deep`, `value_truncated` about the response body.
 * @public
 */
export interface VendorHttpDiagnostic extends Diagnostic {
  /** The HTTP status of the last response, when there was one. */
  readonly status?: number | undefined;
  /** The vendor's request or correlation id of the last response, when it sent one. */
  readonly requestId?: string | undefined;
  /** How many requests were sent (0 when the call stopped before sending). */
  readonly attempts: number;
}

/**
 * A vendor's answer to a successful (2xx) request.
 * @public
 */
export interface VendorHttpResponse {
  /** The HTTP status, 200–299. */
  readonly status: number;
  /** The vendor's request or correlation id, when it sent one. */
  readonly requestId?: string | undefined;
  /**
   * The body: parsed JSON (checked with core's JSON limits), text (cut to 4,096 characters), or undefined when
   * empty, larger than 256 KiB, or refused (a warning then says why).
   */
  readonly body: unknown;
  /** How many requests were sent, retries included. */
  readonly attempts: number;
  /** The response headers. */
  readonly headers: Headers;
}

/**
 * The outcome of {@link sendVendorRequest}: a core `Result` whose diagnostics are all {@link VendorHttpDiagnostic}s
 * (so it is assignable to `Result<VendorHttpResponse>`). A success carries warnings about the body only (too large,
 * refused or cut); a failure carries exactly one error saying what happened (`invalid_option` may list several
 * problems).
 * @public
 */
export type VendorHttpResult = Result<VendorHttpResponse, VendorHttpDiagnostic>;
