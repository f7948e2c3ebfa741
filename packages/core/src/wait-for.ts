/** Options of {@link waitFor}. @public */
export interface WaitForOptions {
  /** Give up after this many milliseconds. Default 10,000. */
  readonly timeoutMs?: number;
  /** Check this often, in milliseconds. Default 250 (what vendor snippets typically poll at). */
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
  const { timeoutMs = 10_000, intervalMs = 250, signal } = options;
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
