/**
 * Polls `read` until it returns something, or `timeoutMs` passes; resolves with `undefined` then.
 * Never rejects: a throwing `read` counts as "not yet".
 *
 * Core's `waitFor` does the same, but importing anything at runtime from core's single bundle pulls in its
 * zod schemas (about 8 KB gzip), which would break the `./browser` budget; this copy keeps it at 1 KB.
 */
export function waitForGlobal<T>(read: () => T | undefined, timeoutMs: number, intervalMs: number): Promise<T | undefined> {
  const attempt = (): T | undefined => {
    try {
      return read();
    } catch {
      return undefined;
    }
  };
  return new Promise((resolve) => {
    const first = attempt();
    if (first !== undefined) {
      resolve(first);
      return;
    }
    const deadline = Date.now() + timeoutMs;
    const timer = setInterval(() => {
      const value = attempt();
      if (value === undefined && Date.now() < deadline) return;
      clearInterval(timer);
      resolve(value);
    }, intervalMs);
  });
}
