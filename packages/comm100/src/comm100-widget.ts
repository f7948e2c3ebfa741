import { waitFor, type Diagnostic, type Result } from '@visitor-context/core';

/*
 * What the browser runtime's functions share: finding the live `Comm100API` once the widget is ready, calling
 * it, and the error results. Kept apart from the functions so a page importing one of them bundles only this.
 */

/** The parts of the `Comm100API` global the runtime uses. */
export interface Comm100Global {
  set?: (type: string, value: unknown, ...args: unknown[]) => unknown;
  get?: (type: string, ...args: unknown[]) => unknown;
  onReady?: unknown;
}

/** The options every browser runtime function takes: where the widget is and how long to wait for it. */
export interface Comm100WidgetOptions {
  readonly window?: object;
  readonly timeoutMs?: number;
  readonly intervalMs?: number;
  readonly signal?: AbortSignal;
}

/** A failed result with one error, after the diagnostics gathered so far. */
export const failure = (code: string, message: string, earlier: readonly Diagnostic[] = []): Result<never> => ({
  ok: false,
  diagnostics: [...earlier, { code, severity: 'error', path: [], message }],
});

/**
 * Resolves with `Comm100API` once the widget can take calls: at once when it is already running, otherwise
 * after `Comm100API.onReady` (or the widget appearing another way); `undefined` after the timeout.
 */
export async function readyComm100Api(options: Comm100WidgetOptions): Promise<Comm100Global | undefined> {
  const host = (options.window ?? globalThis) as { Comm100API?: Comm100Global };
  // The installation code creates the object and the loader fills it in; creating it here is what Comm100's
  // own code does, so an `onReady` set now is the one the loader calls.
  const api = (host.Comm100API ??= {});
  if (typeof api.set === 'function') return api;
  return (await waitForReady(api, options)) ? api : undefined;
}

/** Calls `Comm100API.get` or `.set`, throwing (for the caller's `vendor_error`) when the widget lacks it. */
export function callComm100(api: Comm100Global, method: 'get' | 'set', ...args: [string, ...unknown[]]): unknown {
  const target = api[method];
  if (typeof target !== 'function') throw new Error(`Comm100API.${method} is not a function`);
  return target.apply(api, args);
}

/** The message of anything thrown, for a diagnostic (even of a value whose `toString` throws). */
export const describeError = (error: unknown): string => {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'unknown error';
  }
};

/**
 * An `invalid_option` error when `timeoutMs` or `intervalMs` is no delay a timer can keep (NaN, negative,
 * infinite or past 2^31 ms would never settle, or spin).
 */
export function badDelay(options: Comm100WidgetOptions): Result<never> | undefined {
  for (const name of ['timeoutMs', 'intervalMs'] as const) {
    const value: unknown = options[name];
    if (value !== undefined && !(typeof value === 'number' && value >= 0 && value < 2 ** 31)) return failure('invalid_option', `${name} must be 0 to 2147483647 ms`);
  }
  return undefined;
}

/** The `timeout` error every runtime function reports the same way. */
export const readyTimeout = (options: Comm100WidgetOptions): Result<never> =>
  failure(
    'timeout',
    `Comm100API.onReady did not run within ${options.timeoutMs ?? 10_000} ms. Check that the Comm100 code is on the page and not blocked.`,
  );

/** Chains a hook onto `onReady`, keeping the page's, and waits for it (or for the widget to appear otherwise). */
async function waitForReady(api: Comm100Global, options: Comm100WidgetOptions): Promise<boolean> {
  let fired = false;
  let settled = false;
  const previous = api.onReady;
  const hook = function (this: unknown, ...args: unknown[]): unknown {
    if (!settled) fired = true;
    return typeof previous === 'function' ? previous.apply(this, args) : undefined;
  };
  api.onReady = hook;
  const ready = await waitFor(
    // A later assignment by the page replaces the hook; then the widget's methods tell that it is ready.
    // `waitFor` waits for a value, so "not ready yet" is `undefined`.
    () => (fired || (api.onReady !== hook && typeof api.set === 'function') ? true : undefined),
    {
      timeoutMs: options.timeoutMs ?? 10_000,
      intervalMs: options.intervalMs ?? 100,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    },
  );
  settled = true;
  return ready === true;
}
