import { HTTPError, TimeoutError, ky } from './ky.js';
import { Diagnostics } from '../diagnostics.js';
import { readResponseBody } from './read-response-body.js';
import { retryAfterMs } from './retry-after.js';
import { SecretScrubber } from './scrub-secrets.js';
import type { VendorHttpDiagnostic, VendorHttpResponse, VendorHttpResult } from './vendor-http-diagnostic.js';
import { callError, callWarning, readRequestId, statusError, vendorErrorExcerpt, type CallFacts } from './vendor-http-messages.js';
import { checkVendorHttpOptions, type ResolvedVendorHttpOptions, type VendorHttpOptions } from './vendor-http-options.js';
import { checkVendorHttpRequest, type CheckedVendorHttpRequest, type VendorHttpRequest } from './vendor-http-request.js';

/** Retried statuses: rate limiting and the gateway/overload answers that mean "not processed, try again". 500 is not: it usually means the request itself broke something. */
const retryStatuses = [429, 502, 503, 504];
/** Statuses whose `Retry-After` is honoured. */
const retryAfterStatuses = [429, 503];
/** The first backoff, doubled on each retry, capped by `maxRetryDelayMs`. */
const firstBackoffMs = 300;

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
  /** The wait a 429/503 asked for that was longer than allowed, so it was not retried. */
  refusedWaitMs: number | undefined;
}

/**
 * Sends one request to a vendor's REST API with timeouts, bounded retries and safe response reading, and
 * turns every outcome into a {@link VendorHttpResult}. Never throws, never rejects.
 *
 * @remarks
 * - Retries (with ky) only 429, 502, 503, 504 and network errors, at most `retries` times, and only when the
 *   request is `idempotent` (the default). Backoff is exponential from 300 ms with jitter (each wait is between
 *   half and all of its step), capped by `maxRetryDelayMs`. A `Retry-After` (seconds or HTTP date) on 429/503 is
 *   honoured; one longer than `maxRetryDelayMs` or than the time left is not waited for: the call ends with
 *   `rate_limited` at once. Timeouts are not retried: the vendor may have applied the change, and waiting
 *   again would double a wait that already failed.
 * - `timeoutMs` bounds each attempt until its headers arrive; `totalTimeoutMs` bounds the whole call, waits and
 *   body included. Either ends with `timeout`. The caller's `signal` ends it with `aborted`.
 * - Redirects are not followed (they end with `vendor_rejected`): a redirect must not carry credentials elsewhere.
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
    return { ok: false, diagnostics: diagnostics.all.map((item) => ({ ...item, attempts: 0 })) };
  }
  const scrubber = new SecretScrubber(checkedRequest.secrets, checkedRequest.headers);
  try {
    return await send(checkedRequest, checkedOptions, scrubber);
  } catch (error) {
    // Only a defect (ours or ky's) gets here; say so without echoing anything that could hold a secret.
    const name = error instanceof Error ? error.name : typeof error;
    return {
      ok: false,
      diagnostics: [
        callError('network_error', { vendor: checkedRequest.vendor, operation: checkedRequest.operation, scrubber, attempts: 0 }, `Could not ${checkedRequest.operation} on ${checkedRequest.vendor}: an unexpected ${name} was thrown while sending. Please report it.`),
      ],
    };
  }
}

async function send(request: CheckedVendorHttpRequest, options: ResolvedVendorHttpOptions, scrubber: SecretScrubber): Promise<VendorHttpResult> {
  const state: CallState = { attempts: 0, lastStatus: undefined, lastRequestId: undefined, refusedWaitMs: undefined };
  const facts = (extra: Partial<CallFacts> = {}): CallFacts => ({
    vendor: request.vendor,
    operation: request.operation,
    scrubber,
    attempts: state.attempts,
    status: state.lastStatus,
    requestId: state.lastRequestId,
    ...extra,
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

  const countingFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    state.attempts++;
    const response: unknown = await fetchFunction(input, init);
    if (!(response instanceof Response)) throw new NotAResponseError();
    state.lastStatus = response.status;
    state.lastRequestId = readRequestId(response.headers, requestIdHeaders, scrubber);
    return response;
  };

  try {
    const response = await ky(request.url, {
      method: request.method,
      ...(request.headers === undefined ? {} : { headers: request.headers }),
      ...(request.body === undefined ? {} : { body: request.body }),
      fetch: countingFetch,
      signal,
      timeout: options.timeoutMs,
      redirect: 'manual',
      throwHttpErrors: true,
      retry: {
        limit: request.idempotent === false ? 0 : options.retries,
        methods: ['get', 'post', 'patch', 'put', 'delete'],
        statusCodes: retryStatuses,
        afterStatusCodes: retryAfterStatuses,
        maxRetryAfter: options.maxRetryDelayMs,
        backoffLimit: options.maxRetryDelayMs,
        delay: (attempt) => firstBackoffMs * 2 ** (attempt - 1),
        jitter: (delay) => delay / 2 + (Math.random() * delay) / 2,
        retryOnTimeout: false,
        shouldRetry: ({ error }) => {
          if (signal.aborted || error instanceof NotAResponseError) return false;
          if (error instanceof HTTPError && retryAfterStatuses.includes(error.response.status)) {
            const wait = retryAfterMs(error.response.headers);
            const left = options.totalTimeoutMs - (Date.now() - started);
            if (wait !== undefined && (wait > options.maxRetryDelayMs || wait >= left)) {
              state.refusedWaitMs = wait;
              return false;
            }
          }
          return undefined;
        },
      },
      hooks: {
        // The failed attempt's body is never read: release its connection before waiting.
        beforeRetry: [({ error }) => void (error instanceof HTTPError ? error.response.body?.cancel().catch(() => undefined) : undefined)],
      },
    });
    const read = await readResponseBody(response);
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
        callError('timeout', facts(), `${request.vendor} did not finish "${request.operation}" within totalTimeoutMs (${options.totalTimeoutMs} ms), retries included.${last} Try again later, or raise totalTimeoutMs. If a request was in flight, the vendor may have applied it.`),
      );
    }
    if (error instanceof HTTPError) {
      const read = await readResponseBody(error.response).catch(() => ({ body: undefined }));
      const excerpt = vendorErrorExcerpt(read.body, scrubber);
      return failure(statusError({ ...facts(), status: error.response.status }, excerpt, state.refusedWaitMs));
    }
    if (error instanceof TimeoutError) {
      return failure(
        callError('timeout', facts({ status: undefined, requestId: undefined }), `${request.vendor} did not answer "${request.operation}" within timeoutMs (${options.timeoutMs} ms). Timeouts are not retried: the vendor may have applied the change. Try again later, or raise timeoutMs.`),
      );
    }
    return failure(networkError(error, request, facts()));
  }
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

/** Why fetch failed, from the error and its cause (undici puts the socket error, e.g. ECONNREFUSED, in `cause`). */
function describeFetchError(error: unknown): string {
  try {
    if (error instanceof NotAResponseError) return error.message;
    if (!(error instanceof Error)) return `a thrown ${typeof error}`;
    const cause: unknown = error.cause;
    const causeText =
      cause instanceof Error ? `${(cause as { code?: unknown }).code ?? cause.name}: ${cause.message}` : undefined;
    return causeText === undefined ? `${error.name}: ${error.message}` : `${error.name}: ${error.message} (${causeText})`;
  } catch {
    return 'an unreadable error';
  }
}

function networkError(error: unknown, request: CheckedVendorHttpRequest, facts: CallFacts): VendorHttpDiagnostic {
  const origin = new URL(request.url).origin;
  const reason = facts.scrubber.scrub(describeFetchError(error)).slice(0, 500);
  return callError(
    'network_error',
    { ...facts, status: undefined, requestId: undefined },
    `Could not reach ${request.vendor} at ${origin} to ${request.operation}: ${reason}. Check the region or base URL, DNS, proxy and firewall; network errors are retried, and retries are used up.`,
  );
}
