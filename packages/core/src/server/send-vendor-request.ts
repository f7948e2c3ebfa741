import { Diagnostics } from '../diagnostics.js';
import { HTTPError, TimeoutError, ky } from './ky.js';
import { raceSignal } from './race-signal.js';
import { readResponseBody } from './read-response-body.js';
import { retryAfterMs } from './retry-after.js';
import { SecretScrubber } from './scrub-secrets.js';
import type { VendorHttpDiagnostic, VendorHttpResponse, VendorHttpResult } from './vendor-http-diagnostic.js';
import {
  callError,
  callWarning,
  networkError,
  readRequestId,
  statusError,
  vendorErrorExcerpt,
  type CallFacts,
  type StopReason,
} from './vendor-http-messages.js';
import { checkVendorHttpOptions, type ResolvedVendorHttpOptions, type VendorHttpOptions } from './vendor-http-options.js';
import { checkVendorHttpRequest, scrubRequestProblems, type CheckedVendorHttpRequest, type VendorHttpRequest } from './vendor-http-request.js';

/**
 * Retried statuses: rate limiting, and the gateway and overload answers that mean "not processed, try again".
 * 500 is not: it usually means this request broke something, and sending it again breaks it again.
 */
const retryStatuses = [429, 502, 503, 504];
/** Statuses whose `Retry-After` is honoured (RFC 9110 defines it for 503, RFC 6585 for 429). */
const retryAfterStatuses = [429, 503];
/** The first backoff step, doubled on each retry, capped by `maxRetryDelayMs`. */
export const firstBackoffMs = 300;

/** Thrown by the counting fetch when the injected fetch resolves to something that is not a `Response`. */
class NotAResponseError extends Error {
  constructor() {
    super('the fetch function resolved to something that is not a Response');
    this.name = 'NotAResponseError';
  }
}

/** What the call learned on the way, for the diagnostic of its last step. */
interface CallState {
  attempts: number;
  lastStatus: number | undefined;
  lastRequestId: string | undefined;
  /** The wait chosen for the next retry, given to ky's `delay`. */
  nextDelayMs: number;
  /** Why the last failure was not retried, when that was a decision of ours rather than ky's limit. */
  stopReason: StopReason;
}

/**
 * The backoff before retry `retry` (1 for the first): exponential from 300 ms, capped by `cap`, with "equal
 * jitter" (between half and all of the step), so clients that failed together do not retry together, yet
 * every retry still waits.
 */
export function backoffMs(retry: number, cap: number, random: number = Math.random()): number {
  const step = Math.min(cap, firstBackoffMs * 2 ** (retry - 1));
  return step / 2 + (random * step) / 2;
}

/**
 * Sends one request to a vendor's REST API with timeouts, bounded retries and safe response reading, and
 * turns every outcome into a {@link VendorHttpResult}. Never throws, never rejects.
 *
 * @remarks
 * - Retries (ky does them) only 429, 502, 503, 504 and network errors, at most `retries` times, and only when
 *   the request is `idempotent` (the default). The wait is exponential from 300 ms, between half and all of each
 *   step (jitter), capped by `maxRetryDelayMs`. A `Retry-After` (seconds or HTTP date) on 429/503 is honoured
 *   exactly; one longer than `maxRetryDelayMs` is not waited for. Whenever the next wait would end after the
 *   `totalTimeoutMs` budget, the call stops at once with the last answer (`rate_limited` for a 429) instead of
 *   sleeping. Timeouts are not retried: the vendor may have applied the change, and a second wait of the
 *   same length would double a wait that already failed.
 * - `timeoutMs` bounds each attempt until its headers arrive; `totalTimeoutMs` bounds the whole call, waits and
 *   body included, even when a `fetch` ignores its signal. Either ends with `timeout`. The caller's `signal`
 *   ends it with `aborted` (its own code: the caller chose it, so it is not worth retrying or alerting on).
 * - Redirects are not followed (they end with `vendor_rejected`): credentials must not travel to another address.
 * - A string body is sent as `application/json` unless a `content-type` is given; `accept: application/json`
 *   is sent unless an `accept` is given.
 * - The response body is read up to 256 KiB; JSON is parsed with core's limits, other text kept up to 4,096
 *   characters.
 * - Diagnostics never contain request headers, and every secret (see {@link VendorHttpRequest.secrets}) is
 *   scrubbed from them, in every spelling.
 * @public
 */
export async function sendVendorRequest(request: VendorHttpRequest, options?: VendorHttpOptions): Promise<VendorHttpResult> {
  const diagnostics = new Diagnostics();
  let checkedRequest: CheckedVendorHttpRequest | undefined;
  let checkedOptions: ResolvedVendorHttpOptions | undefined;
  try {
    checkedRequest = checkVendorHttpRequest(request, diagnostics);
    checkedOptions = checkVendorHttpOptions(options, diagnostics, ['options']);
  } catch {
    diagnostics.error('invalid_option', [], 'The request or its options could not be read; pass plain objects (no proxies or getters that throw).');
  }
  if (checkedRequest === undefined || checkedOptions === undefined || diagnostics.hasErrors) {
    return { ok: false, diagnostics: scrubRequestProblems(diagnostics.all, request).map((item) => ({ ...item, attempts: 0 })) };
  }
  const { vendor, operation } = checkedRequest;
  try {
    const scrubber = new SecretScrubber(checkedRequest.secrets, checkedRequest.headers);
    return await send(checkedRequest, checkedOptions, scrubber);
  } catch (error) {
    // Only a defect (ours or ky's) gets here. Say so, naming only the error's class: its message could hold a secret.
    const name = error instanceof Error ? error.name : typeof error;
    const scrubber = new SecretScrubber([]);
    return {
      ok: false,
      diagnostics: [
        callError('adapter_failed', { vendor, operation, scrubber, attempts: 0 }, `Could not ${operation} on ${vendor}: an unexpected ${name} was thrown while sending. Please report it.`),
      ],
    };
  }
}

/** The headers sent: the caller's, plus JSON defaults the caller did not set. */
function requestHeaders(request: CheckedVendorHttpRequest): Headers {
  const headers = new Headers(request.headers);
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  if (typeof request.body === 'string' && !headers.has('content-type')) headers.set('content-type', 'application/json');
  return headers;
}

async function send(request: CheckedVendorHttpRequest, options: ResolvedVendorHttpOptions, scrubber: SecretScrubber): Promise<VendorHttpResult> {
  const state: CallState = { attempts: 0, lastStatus: undefined, lastRequestId: undefined, nextDelayMs: 0, stopReason: 'retries_used_up' };
  const facts = (): CallFacts => ({
    vendor: request.vendor,
    operation: request.operation,
    scrubber,
    attempts: state.attempts,
    status: state.lastStatus,
    requestId: state.lastRequestId,
  });
  const fetchFunction = options.fetch ?? (globalThis as { fetch?: typeof globalThis.fetch }).fetch;
  if (typeof fetchFunction !== 'function') {
    return failure(callError('invalid_option', facts(), 'This runtime has no global fetch: pass options.fetch.'));
  }
  if (callerAborted(options)) return failure(abortedError(facts()));

  const started = Date.now();
  const totalSignal = AbortSignal.timeout(options.totalTimeoutMs);
  const signal = options.signal === undefined ? totalSignal : AbortSignal.any([options.signal, totalSignal]);
  const requestIdHeaders = request.requestIdHeaders ?? [];
  const idempotent = request.idempotent !== false;
  if (!idempotent) state.stopReason = 'not_idempotent';

  const countingFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    state.attempts++;
    const response: unknown = await fetchFunction(input, init);
    if (!isResponseLike(response)) throw new NotAResponseError();
    state.lastStatus = response.status;
    state.lastRequestId = readRequestId(response.headers, requestIdHeaders, scrubber);
    return response;
  };

  /** Decides a retry ky offers (it has checked the limit and the method already). */
  const shouldRetry = ({ error, retryCount }: { error: Error; retryCount: number }): boolean | undefined => {
    if (signal.aborted || error instanceof NotAResponseError || error instanceof TimeoutError) return false;
    const left = options.totalTimeoutMs - (Date.now() - started);
    if (error instanceof HTTPError) {
      const { status, headers } = error.response;
      if (!retryStatuses.includes(status)) return false;
      const asked = retryAfterStatuses.includes(status) ? retryAfterMs(headers) : undefined;
      if (asked !== undefined) {
        if (asked > options.maxRetryDelayMs) state.stopReason = { waitTooLongMs: asked };
        else if (asked >= left) state.stopReason = { noTimeLeftMs: asked };
        else {
          // Exactly what was asked, without jitter: the vendor named the time.
          state.nextDelayMs = asked;
          return undefined;
        }
        return false;
      }
    }
    const wait = backoffMs(retryCount, options.maxRetryDelayMs);
    if (wait >= left) {
      state.stopReason = { noTimeLeftMs: wait };
      return false;
    }
    state.nextDelayMs = wait;
    return undefined;
  };

  try {
    const response = await raceSignal(
      ky(request.url, {
        method: request.method,
        headers: requestHeaders(request),
        ...(request.body === undefined ? {} : { body: request.body }),
        fetch: countingFetch,
        signal,
        timeout: options.timeoutMs,
        redirect: 'manual',
        throwHttpErrors: true,
        retry: {
          limit: idempotent ? options.retries : 0,
          // Every method we send is retried when idempotent: the vendor operations this serves (attribute PATCH,
          // PUT, OAuth token POST) all are; a caller marks any other request `idempotent: false`.
          methods: ['get', 'post', 'patch', 'put', 'delete'],
          statusCodes: retryStatuses,
          // Every wait, Retry-After included, is chosen in shouldRetry before deciding, so that a wait that would
          // outlast the total budget stops the call at once instead of sleeping into a timeout, and ky never
          // reads a header differently from us (it would wait maxRetryAfter for an unreadable Retry-After).
          afterStatusCodes: [],
          backoffLimit: options.maxRetryDelayMs,
          delay: () => state.nextDelayMs,
          retryOnTimeout: false,
          shouldRetry,
        },
        hooks: {
          // The failed attempt's body is never read: release its connection before waiting.
          beforeRetry: [({ error }) => void (error instanceof HTTPError ? error.response.body?.cancel().catch(() => undefined) : undefined)],
        },
      }),
      signal,
    );
    const read = await readResponseBody(response, signal);
    const value: VendorHttpResponse = {
      status: response.status,
      ...(state.lastRequestId === undefined ? {} : { requestId: state.lastRequestId }),
      body: read.body,
      attempts: state.attempts,
      headers: response.headers,
    };
    const warnings = read.problems.map((problem) =>
      callWarning(problem.code, facts(), `${request.vendor} accepted the request to ${request.operation}, but: ${problem.message}`),
    );
    return { ok: true, value, diagnostics: warnings };
  } catch (error) {
    if (callerAborted(options)) return failure(abortedError(facts()));
    if (totalSignal.aborted) {
      const last = state.lastStatus === undefined ? '' : ` The last answer was HTTP ${state.lastStatus}.`;
      return failure(
        callError(
          'timeout',
          facts(),
          `${request.vendor} did not finish "${request.operation}" within totalTimeoutMs (${options.totalTimeoutMs} ms), retries included.${last} If a request was in flight, the vendor may have applied it. Try again later, or raise totalTimeoutMs.`,
        ),
      );
    }
    if (error instanceof HTTPError) {
      const read = await readResponseBody(error.response, signal).catch(() => ({ body: undefined }));
      const excerpt = vendorErrorExcerpt(read.body, scrubber);
      const retryable = retryStatuses.includes(error.response.status);
      return failure(statusError({ ...facts(), status: error.response.status }, excerpt, retryable ? state.stopReason : undefined));
    }
    if (error instanceof TimeoutError) {
      return failure(
        callError(
          'timeout',
          { ...facts(), status: undefined, requestId: undefined },
          `${request.vendor} did not answer "${request.operation}" within timeoutMs (${options.timeoutMs} ms). Timeouts are not retried: the vendor may have applied the change. Try again later, or raise timeoutMs.`,
        ),
      );
    }
    const stop = error instanceof NotAResponseError ? 'not_retryable' : state.stopReason;
    return failure(networkError(error, new URL(request.url).origin, { ...facts(), status: undefined, requestId: undefined }, stop));
  }
}

/**
 * Whether a fetch's answer can be read as a `Response`. Checked by shape, not `instanceof`: the `fetch` of the
 * `undici` package (used for proxies) or of another realm answers with its own `Response` class.
 */
function isResponseLike(value: unknown): value is Response {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { status?: unknown; headers?: { get?: unknown }; body?: unknown; text?: unknown };
  return (
    typeof candidate.status === 'number' &&
    typeof candidate.headers === 'object' &&
    candidate.headers !== null &&
    typeof candidate.headers.get === 'function' &&
    typeof candidate.text === 'function'
  );
}

/** A function, not an inline check: TypeScript would keep its narrowing from before the `await`s. */
function callerAborted(options: ResolvedVendorHttpOptions): boolean {
  return options.signal?.aborted === true;
}

function failure(diagnostic: VendorHttpDiagnostic): VendorHttpResult {
  return { ok: false, diagnostics: [diagnostic] };
}

function abortedError(facts: CallFacts): VendorHttpDiagnostic {
  const inFlight = facts.attempts === 0 ? ' Nothing was sent.' : ' If a request was in flight, the vendor may have applied it.';
  return callError('aborted', facts, `"${facts.operation}" on ${facts.vendor} was cancelled by the caller's signal.${inFlight}`);
}
