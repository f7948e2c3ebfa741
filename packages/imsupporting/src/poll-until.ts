/**
 * Polls `read` until it returns something other than `undefined`, the timeout passes, or `signal` aborts;
 * resolves with the value or `undefined`, never rejects. The same contract as core's `waitFor`, kept here
 * because importing anything from core's single-module bundle pulls zod into the `./browser` bundle
 * (about 8 KB gzip against a 1.5 KB budget).
 */
export function pollUntil<T>(
  read: () => T | undefined,
  timeoutMs: number,
  intervalMs: number,
  signal?: AbortSignal,
): Promise<T | undefined> {
  const attempt = (): T | undefined => {
    try {
      return read();
    } catch {
      return undefined;
    }
  };
  return new Promise((resolve) => {
    const deadline = Date.now() + timeoutMs;
    const check = (): void => {
      const value = attempt();
      if (value !== undefined || signal?.aborted === true || Date.now() >= deadline) resolve(value);
      else setTimeout(check, intervalMs);
    };
    check();
  });
}
