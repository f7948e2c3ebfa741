/**
 * Polls `condition` until it holds, the timeout passes or `signal` aborts; resolves whether it held. A
 * throwing condition counts as "not yet". Core's `waitFor` does the same, but importing core pulls its
 * validation library into the tiny `./browser` bundle, so the runtime keeps this local copy.
 */
export function waitUntil(condition: () => boolean, timeoutMs: number, intervalMs: number, signal?: AbortSignal): Promise<boolean> {
  const holds = (): boolean => {
    try {
      return condition();
    } catch {
      return false;
    }
  };
  return new Promise((resolve) => {
    if (holds() || signal?.aborted) {
      resolve(holds());
      return;
    }
    const deadline = Date.now() + timeoutMs;
    const finish = (result: boolean): void => {
      clearInterval(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const onAbort = (): void => finish(false);
    const timer = setInterval(() => {
      if (holds()) finish(true);
      else if (Date.now() >= deadline) finish(false);
    }, intervalMs);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
