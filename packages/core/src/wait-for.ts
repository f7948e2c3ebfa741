/** Options of {@link waitFor}. @public */
export interface WaitForOptions {
  /**
   * Give up after this many milliseconds. Default 10,000. `NaN` (or a non-number) means the default, a negative
   * value 0 (one check), and anything over 2,147,483,647 (about 24.8 days, the longest timer delay; `Infinity`
   * too) is capped there, so the promise always settles.
   */
  readonly timeoutMs?: number;
  /**
   * Check this often, in milliseconds. Default 250 (what vendor snippets typically poll at). `NaN` means the
   * default; it is at least 1 and at most the longest timer delay.
   */
  readonly intervalMs?: number;
  /** Stops waiting early; the promise then resolves with `undefined`. */
  readonly signal?: AbortSignal;
}

/**
 * Polls `read` until it returns something other than `undefined` (e.g. a vendor's widget global once its
 * loader has run), or the timeout passes. Resolves with the value, or `undefined` on timeout or abort.
 * Never rejects: an exception thrown by `read` counts as "not yet". Works in browsers and on servers.
 * @public
 */
export function waitFor<T>(read: () => T | undefined, options: WaitForOptions = {}): Promise<T | undefined> {
  const { signal } = options;
  const timeoutMs = delay(options.timeoutMs, 10_000, 0);
  const intervalMs = delay(options.intervalMs, 250, 1);
  const attempt = (): T | undefined => {
    try {
      return read();
    } catch {
      return undefined;
    }
  };
  return new Promise((resolve) => {
    const first = attempt();
    if (first !== undefined || signal?.aborted) {
      resolve(first);
      return;
    }
    const deadline = Date.now() + timeoutMs;
    const finish = (value: T | undefined): void => {
      clearInterval(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = (): void => finish(undefined);
    const timer = setInterval(() => {
      const value = attempt();
      if (value !== undefined) finish(value);
      else if (Date.now() >= deadline) finish(undefined);
    }, intervalMs);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A timer delay within what timers accept: `Date.now() >= NaN` is never true and `setInterval` runs a longer
 * delay at once, so out-of-range options would otherwise wait forever or spin.
 */
function delay(value: number | undefined, fallback: number, min: number): number {
  return typeof value === 'number' && value === value ? Math.min(Math.max(value, min), 2_147_483_647) : fallback;
}
