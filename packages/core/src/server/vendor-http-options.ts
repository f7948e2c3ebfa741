import * as z from 'zod/mini';
import { Diagnostics, VisitorContextError, type DiagnosticPath } from '../diagnostics.js';
import { describeOptionIssues } from '../option-issues.js';

/**
 * How {@link sendVendorRequest} talks to a vendor: which `fetch` to use, and its time and retry bounds.
 *
 * @remarks
 * Every field is optional; the defaults suit a backend pushing one visitor's context. Tests pass tiny values
 * (tens of milliseconds) to exercise retries and timeouts quickly.
 * @public
 */
export interface VendorHttpOptions {
  /**
   * The `fetch` to send with. Default `globalThis.fetch`, looked up at call time (so a polyfill or a test's
   * replacement installed later is used). Node 20.19+, Deno, Bun, workerd and Edge Runtime all have one.
   */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** How long one attempt may take until the response headers arrive, in milliseconds. Default 10,000. */
  readonly timeoutMs?: number | undefined;
  /** How many times to retry after the first attempt (only on 429, 502, 503, 504 and network errors). Default 2, at most 5. */
  readonly retries?: number | undefined;
  /**
   * The longest wait before a retry, in milliseconds: caps the exponential backoff, and a `Retry-After` longer than
   * this is not waited for (the call stops at once with `rate_limited`). Default 10,000.
   */
  readonly maxRetryDelayMs?: number | undefined;
  /** How long the whole call may take, retries, waits and reading the response included, in milliseconds. Default 30,000. */
  readonly totalTimeoutMs?: number | undefined;
  /** Cancels the call; it then ends with an `aborted` error. */
  readonly signal?: AbortSignal | undefined;
}

/** The defaults of {@link VendorHttpOptions}. @public */
export const defaultVendorHttpOptions: {
  readonly timeoutMs: number;
  readonly retries: number;
  readonly maxRetryDelayMs: number;
  readonly totalTimeoutMs: number;
} = { timeoutMs: 10_000, retries: 2, maxRetryDelayMs: 10_000, totalTimeoutMs: 30_000 };

/** The longest timeout accepted: timers in JavaScript overflow above 2^31-1 ms (about 24.8 days). */
const maxTimerMs = 2_147_483_647;

const milliseconds = z.optional(z.int().check(z.positive(), z.lte(maxTimerMs)));

function isFetch(value: unknown): value is typeof globalThis.fetch {
  return typeof value === 'function';
}

/** Duck-typed rather than `instanceof`, so a signal from another realm (a test runner's, a polyfill's) is accepted. */
function isAbortSignal(value: unknown): value is AbortSignal {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { aborted?: unknown; addEventListener?: unknown };
  return typeof candidate.aborted === 'boolean' && typeof candidate.addEventListener === 'function';
}

/**
 * The zod (mini) schema of {@link VendorHttpOptions}. Adapters embed it in their own options
 * (`z.strictObject({ ...VendorHttpOptionsSchema.shape, … })`) so the messages and bounds stay the same everywhere.
 * @public
 */
export const VendorHttpOptionsSchema = z.strictObject({
  fetch: z.optional(z.custom<typeof globalThis.fetch>(isFetch, { message: 'must be a fetch function' })),
  timeoutMs: milliseconds,
  retries: z.optional(z.int().check(z.gte(0), z.lte(5))),
  maxRetryDelayMs: z.optional(z.int().check(z.gte(0), z.lte(maxTimerMs))),
  totalTimeoutMs: milliseconds,
  signal: z.optional(z.custom<AbortSignal>(isAbortSignal, { message: 'must be an AbortSignal' })),
});

/** The options with every default filled in, as {@link sendVendorRequest} uses them. */
export interface ResolvedVendorHttpOptions {
  readonly fetch: typeof globalThis.fetch | undefined;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly maxRetryDelayMs: number;
  readonly totalTimeoutMs: number;
  readonly signal: AbortSignal | undefined;
}

/**
 * Checks options and reports every problem as an `invalid_option` error in `diagnostics`; returns undefined then.
 * Reading the options may throw (a proxy, a getter): the caller guards that.
 */
export function checkVendorHttpOptions(
  options: unknown,
  diagnostics: Diagnostics,
  basePath: DiagnosticPath = [],
): ResolvedVendorHttpOptions | undefined {
  const given = options ?? {};
  const parsed = z.safeParse(VendorHttpOptionsSchema, given);
  if (!parsed.success) {
    for (const problem of describeOptionIssues(VendorHttpOptionsSchema, parsed.error.issues, given, basePath)) {
      diagnostics.error('invalid_option', problem.path, problem.message);
    }
    return undefined;
  }
  const value = parsed.data;
  return {
    fetch: value.fetch,
    timeoutMs: value.timeoutMs ?? defaultVendorHttpOptions.timeoutMs,
    retries: value.retries ?? defaultVendorHttpOptions.retries,
    maxRetryDelayMs: value.maxRetryDelayMs ?? defaultVendorHttpOptions.maxRetryDelayMs,
    totalTimeoutMs: value.totalTimeoutMs ?? defaultVendorHttpOptions.totalTimeoutMs,
    signal: value.signal,
  };
}

/**
 * Checks {@link VendorHttpOptions} once, e.g. when a server client is created, so a typo fails at start-up
 * rather than on the first push, and returns them with every default filled in. `undefined` is read as `{}`.
 * Only the keys of {@link VendorHttpOptions} are accepted (an unknown key is a typo until proven otherwise), so
 * adapters pass these on their own, not their whole options object.
 *
 * @throws `VisitorContextError` (from `@visitor-context/core`) with one `invalid_option` diagnostic per problem, naming the option and
 * suggesting the closest known name for an unknown one (`Unknown option "timeout". Did you mean "timeoutMs"?`).
 * @public
 */
export function parseVendorHttpOptions(options: unknown): VendorHttpOptions {
  const diagnostics = new Diagnostics();
  let resolved: ResolvedVendorHttpOptions | undefined;
  try {
    resolved = checkVendorHttpOptions(options, diagnostics);
  } catch {
    diagnostics.error('invalid_option', [], 'The HTTP options could not be read; pass a plain object.');
  }
  if (resolved === undefined) throw new VisitorContextError(diagnostics.all);
  const { fetch, signal, ...bounds } = resolved;
  return { ...bounds, ...(fetch === undefined ? {} : { fetch }), ...(signal === undefined ? {} : { signal }) };
}
