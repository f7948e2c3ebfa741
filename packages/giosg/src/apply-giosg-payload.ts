import { Diagnostics, waitFor, type Failure, type Result } from '@visitor-context/core';
import type { GiosgVisitorSubmission } from './giosg-api.js';

/** The part of giosg's page API this runtime uses (`giosg.api`; promises are jQuery-style thenables). */
interface GiosgApi {
  visitor: {
    submit(...args: unknown[]): PromiseLike<unknown>;
    remove(key: string): PromiseLike<unknown>;
    removeAll(): PromiseLike<unknown>;
  };
  chat?: { close(options: object): PromiseLike<unknown> | undefined };
}

/** The page globals giosg defines: the `_giosg` queue/function and, once loaded, `giosg.api`. */
interface GiosgPage {
  _giosg?: ((...args: unknown[]) => void) & { _e?: unknown[] };
  giosg?: { api?: GiosgApi };
}

/**
 * Options of the giosg browser runtime.
 * @public
 */
export interface GiosgBrowserOptions {
  /** Give up after this many milliseconds (the call stays queued for giosg). Default 10,000. */
  readonly timeoutMs?: number;
  /** Check this often, in milliseconds. Default 50. */
  readonly intervalMs?: number;
  /**
   * Define giosg's queue (`_giosg`) when the page has none yet, exactly as giosg's tag does, so calls made
   * before the tag is added are kept. Default false: wait for the page's giosg tag.
   */
  readonly defineQueue?: boolean;
  /** The window to talk to; default the global one. */
  readonly window?: object;
}

/** What the browser runtime did: giosg confirmed it (`applied`). Failures carry `timeout`, `vendor_error` or `not_applied`. @public */
export type GiosgApplied = 'applied';

/**
 * Applies an already translated giosg payload (a visitor submission from `translateGiosgContext` or
 * `giosgAdapter.toVendor`, or one signed on your server with `@visitor-context/giosg/server`) in the live page,
 * through giosg's queue, and resolves once giosg has answered. Works before and after giosg's script has loaded.
 * Never throws and never rejects.
 * @public
 */
export function applyGiosgPayload(payload: GiosgVisitorSubmission, options: GiosgBrowserOptions = {}): Promise<Result<GiosgApplied>> {
  return callGiosgApi(() => {
    // Read once, here: a payload that cannot be read (null, a throwing getter) fails as not_applied.
    const { visitorData, signingAlgorithm, replaceExisting, rooms } = payload;
    const args: unknown[] = [visitorData, signingAlgorithm, replaceExisting];
    if (rooms !== undefined) args.push(rooms);
    return (api) => api.visitor.submit(...args);
  }, 'submit the visitor data', options);
}

/** The calls are prepared (arguments read) before waiting, so bad arguments fail at once and nothing is queued. */
type PrepareCall = () => (api: GiosgApi) => PromiseLike<unknown>;

/** @internal */
export async function callGiosgApi(prepare: PrepareCall, what: string, options: GiosgBrowserOptions): Promise<Result<GiosgApplied>> {
  const started = Date.now();
  try {
    const call = prepare();
    const { window, defineQueue, timeoutMs = 10_000, intervalMs = 50 } = options;
    // waitFor never settles on NaN; text such as ' ' compares as 0 here but waitFor would ignore it and wait its own
    // default; a timer cannot exceed 2^31 - 1 ms.
    if (!(typeof timeoutMs === 'number' && typeof intervalMs === 'number' && timeoutMs >= 0 && timeoutMs < 2 ** 31 && intervalMs >= 0)) throw new Error('timeoutMs and intervalMs must be numbers from 0 to 2147483647');
    const page = (window ?? globalThis) as GiosgPage;
    if (defineQueue === true && typeof page._giosg !== 'function') {
      const queue = function (...args: unknown[]): void {
        (queue._e ??= []).push(args);
      } as NonNullable<GiosgPage['_giosg']>;
      page._giosg = queue;
    }
    const wait = { timeoutMs, intervalMs: Math.min(intervalMs, timeoutMs) };
    const giosg = await waitFor(() => (typeof page._giosg === 'function' ? page._giosg : undefined), wait);
    if (giosg === undefined) {
      return failure('timeout', `giosg's tag is not on the page (no _giosg after ${timeoutMs} ms), so nothing was sent. Add the giosg tag, or pass defineQueue: true.`);
    }
    let outcome: { readonly ok: true } | { readonly ok: false; readonly reason: string } | undefined;
    // The function form runs once giosg has loaded and gives access to its promise, unlike the tuple form.
    giosg(() => {
      try {
        const api = page.giosg?.api;
        if (api?.visitor === undefined) throw new Error('giosg.api.visitor is missing');
        call(api).then(
          () => (outcome = { ok: true }),
          (error: unknown) => (outcome = { ok: false, reason: describe(error) }),
        );
      } catch (error) {
        outcome = { ok: false, reason: describe(error) };
      }
    });
    const remaining = Math.max(0, timeoutMs - (Date.now() - started));
    const settled = await waitFor(() => outcome, { ...wait, timeoutMs: remaining });
    if (settled === undefined) {
      return failure('timeout', `giosg did not load within ${timeoutMs} ms; the call stays queued and giosg will ${what} when it loads.`);
    }
    if (!settled.ok) return failure('vendor_error', `giosg refused to ${what}: ${settled.reason}.`);
    return new Diagnostics().toResult('applied');
  } catch (error) {
    return failure('not_applied', `Could not ${what}: ${describe(error)}.`);
  }
}

/** @internal */
export function failure(code: 'timeout' | 'vendor_error' | 'not_applied', message: string): Failure {
  const diagnostics = new Diagnostics();
  diagnostics.error(code, [], message);
  return diagnostics.toFailure();
}

/** giosg rejects with a jqXHR-like object (HTTP 400 for bad signatures) or an Error; anything else may not even print. */
function describe(error: unknown): string {
  try {
    if (error instanceof Error) return error.message;
    if (typeof error === 'object' && error !== null) {
      const { status, responseText, message } = error as { status?: unknown; responseText?: unknown; message?: unknown };
      if (typeof message === 'string') return message;
      if (typeof status === 'number') return `HTTP ${status}${typeof responseText === 'string' ? ` ${responseText.slice(0, 200)}` : ''}`;
    }
    return String(error);
  } catch {
    return 'an unreadable error';
  }
}
