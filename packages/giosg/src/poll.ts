/**
 * Core's `waitFor`, repeated here because importing anything at runtime from `@visitor-context/core` pulls its
 * zod schemas into the browser bundle (core's single-file build is not tree-shakeable). Same contract: resolves
 * with the first value `read` returns other than `undefined`, or `undefined` after `timeoutMs`; a throwing
 * `read` counts as "not yet"; never rejects.
 */
export function poll<T>(read: () => T | undefined, timeoutMs: number, intervalMs: number): Promise<T | undefined> {
  const attempt = (): T | undefined => {
    try {
      return read();
    } catch {
      return undefined;
    }
  };
  return new Promise((resolve) => {
    const first = attempt();
    if (first !== undefined || timeoutMs <= 0) {
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
