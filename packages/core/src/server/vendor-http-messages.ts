import { cutText } from './read-response-body.js';
import type { SecretScrubber } from './scrub-secrets.js';
import type { VendorHttpDiagnostic } from './vendor-http-diagnostic.js';

/** Longest excerpt of a vendor's error message quoted in a diagnostic. */
export const maxExcerptLength = 300;

/** Longest request id kept: ids are short; a longer header is junk or hostile. */
const maxRequestIdLength = 200;

/** What every message about one call shares. */
export interface CallFacts {
  readonly vendor: string;
  readonly operation: string;
  readonly scrubber: SecretScrubber;
  readonly attempts: number;
  readonly status?: number | undefined;
  readonly requestId?: string | undefined;
}

/** Printable, single-line, bounded and scrubbed: vendor text is untrusted and may echo a secret. */
export function cleanVendorText(text: string, scrubber: SecretScrubber, maxLength: number): string {
  // Scrub first, on the text as sent: cutting or collapsing first could split a secret so it is no longer found.
  const single = scrubber.scrub(text).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (single.length <= maxLength) return single;
  // A cut may leave the start of a `[redacted]` marker; that is harmless, the secret itself is gone already.
  return `${cutText(single, maxLength)}…`;
}

/** The vendor's request id, from the configured headers first, then the common ones. */
export function readRequestId(headers: Headers, names: readonly string[], scrubber: SecretScrubber): string | undefined {
  for (const name of [...names, 'x-request-id', 'x-correlation-id']) {
    const value = headers.get(name);
    if (value !== null && value.trim() !== '') return cleanVendorText(value, scrubber, maxRequestIdLength);
  }
  return undefined;
}

const messageKeys = ['message', 'error_description', 'detail', 'title', 'error', 'errorMessage', 'description', 'msg'] as const;

/** The vendor's own words about an error, from the usual JSON shapes (`message`, OAuth's `error_description`, DRF's `detail`, `errors[0]`), or the text. */
export function vendorErrorExcerpt(body: unknown, scrubber: SecretScrubber): string | undefined {
  const text = findErrorText(body, 0);
  if (text === undefined || text.trim() === '') return undefined;
  return cleanVendorText(text, scrubber, maxExcerptLength);
}

function findErrorText(value: unknown, depth: number): string | undefined {
  if (typeof value === 'string') return value;
  if (depth > 3 || typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) return value.length === 0 ? undefined : findErrorText(value[0], depth + 1);
  const record = value as Record<string, unknown>;
  for (const key of messageKeys) {
    if (!Object.hasOwn(record, key)) continue;
    const found = findErrorText(record[key], depth + 1);
    if (found !== undefined && found.trim() !== '') return found;
  }
  for (const key of ['errors', 'details', 'non_field_errors']) {
    if (Object.hasOwn(record, key)) {
      const found = findErrorText(record[key], depth + 1);
      if (found !== undefined) return found;
    }
  }
  // Django REST framework's field errors: `{ "field": ["This field is required."] }`.
  for (const [key, entry] of Object.entries(record)) {
    if (Array.isArray(entry) && typeof entry[0] === 'string') return `${key}: ${entry[0]}`;
  }
  return undefined;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** ` (HTTP 404, request id abc, 1 attempt)` */
function details(facts: CallFacts): string {
  const parts: string[] = [];
  if (facts.status !== undefined) parts.push(`HTTP ${facts.status}`);
  if (facts.requestId !== undefined) parts.push(`request id ${facts.requestId}`);
  parts.push(plural(facts.attempts, 'attempt'));
  return ` (${parts.join(', ')})`;
}

function quoted(excerpt: string | undefined): string {
  return excerpt === undefined ? '' : ` The vendor said: "${excerpt}".`;
}

/** One error diagnostic of a call. */
export function callError(code: string, facts: CallFacts, message: string): VendorHttpDiagnostic {
  return {
    code,
    severity: 'error',
    path: [],
    message: facts.scrubber.scrub(message),
    ...(facts.status === undefined ? {} : { status: facts.status }),
    ...(facts.requestId === undefined ? {} : { requestId: facts.requestId }),
    attempts: facts.attempts,
  };
}

/** One warning diagnostic of a successful call. */
export function callWarning(code: string, facts: CallFacts, message: string): VendorHttpDiagnostic {
  return { ...callError(code, facts, message), severity: 'warning' };
}

/**
 * Why a retryable failure ended the call: ky's retry limit, or a decision of ours (the request is not
 * idempotent, the vendor asked for a longer wait than allowed, or the next wait would end after the budget).
 */
export type StopReason =
  | 'retries_used_up'
  | 'not_idempotent'
  | 'not_retryable'
  | { readonly waitTooLongMs: number }
  | { readonly noTimeLeftMs: number };

function seconds(milliseconds: number): string {
  return milliseconds < 1000 ? `${Math.ceil(milliseconds)} ms` : `${Math.ceil(milliseconds / 1000)} s`;
}

/** ` Retries are used up.` and the like: why this retryable failure was not retried (again). */
function stopText(stop: StopReason | undefined): string {
  if (stop === undefined || stop === 'not_retryable') return '';
  if (stop === 'retries_used_up') return ' Retries are used up.';
  if (stop === 'not_idempotent') return ' It was not retried: the request is marked not idempotent.';
  if ('waitTooLongMs' in stop) return ` It asked to wait ${seconds(stop.waitTooLongMs)}, longer than maxRetryDelayMs, so it was not retried.`;
  return ` The next retry (in ${seconds(stop.noTimeLeftMs)}) would end after totalTimeoutMs, so it was not retried.`;
}

/** The diagnostic for a non-2xx response that ended the call. `stop` is given for retryable statuses. */
export function statusError(facts: CallFacts & { readonly status: number }, excerpt: string | undefined, stop: StopReason | undefined): VendorHttpDiagnostic {
  const { vendor, operation, status } = facts;
  const lead =
    status === 404 ? `${vendor} found nothing at the address used to ${operation}` : status === 429 ? `${vendor} rate-limited the request to ${operation}` : `${vendor} refused to ${operation}`;
  const what = `${lead}${details(facts)}.${quoted(excerpt)}`;
  if (status === 401) {
    return callError('unauthorized', facts, `${what} Check the credentials (client id and secret, API token): they are wrong, expired or revoked.`);
  }
  if (status === 403) {
    return callError('unauthorized', facts, `${what} The credentials were accepted but lack permission: check the scopes, roles or permissions they were granted.`);
  }
  if (status === 404) {
    return callError('not_found', facts, `${what} Check the ids in the request (conversation, participant, visitor, room) and the region or base URL.`);
  }
  if (status === 429) {
    return callError('rate_limited', facts, `${what}${stopText(stop)} Slow down: send fewer requests, or try again later.`);
  }
  if (status >= 300 && status < 400) {
    return callError('vendor_rejected', facts, `${what} It answered with a redirect, which is not followed (credentials must not travel to another address): check the region or base URL.`);
  }
  if (status >= 500) {
    return callError('vendor_rejected', facts, `${what}${stopText(stop)} The vendor had a problem: try again later, and quote the request id to its support if it persists.`);
  }
  return callError('vendor_rejected', facts, `${what} Check the data sent against the vendor's API documentation.`);
}

/** Why fetch failed, from the error and its cause (undici puts the socket error, e.g. ECONNREFUSED, in `cause`). */
function describeFetchError(error: unknown): string {
  try {
    if (!(error instanceof Error)) return `a thrown ${typeof error}`;
    const cause: unknown = error.cause;
    if (!(cause instanceof Error)) return `${error.name}: ${error.message}`;
    const code: unknown = (cause as { code?: unknown }).code;
    return `${error.name}: ${error.message} (${typeof code === 'string' ? code : cause.name}: ${cause.message})`;
  } catch {
    return 'an unreadable error';
  }
}

/** The diagnostic for a fetch that failed without a response. */
export function networkError(error: unknown, origin: string, facts: CallFacts, stop: StopReason): VendorHttpDiagnostic {
  const reason = cleanVendorText(describeFetchError(error), facts.scrubber, 500);
  return callError(
    'network_error',
    facts,
    `Could not reach ${facts.vendor} at ${origin} to ${facts.operation}${details(facts)}: ${reason}.${stopText(stop)} Check the region or base URL, DNS, proxy and firewall.`,
  );
}
