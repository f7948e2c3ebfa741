/**
 * Test timeouts sized for a busy 2-core CI machine, shared by every package's vitest config. Property tests run
 * hundreds to thousands of cases and process tests spawn builds, so vitest's 5 s default would make them flaky
 * under load, not faster. `VC_TEST_TIMEOUT_SCALE` multiplies every timeout (e.g. 2 on an even slower machine).
 */
const scale = Number(process.env['VC_TEST_TIMEOUT_SCALE'] ?? '1');
const factor = Number.isFinite(scale) && scale > 0 ? scale : 1;

/** `testTimeout` and `hookTimeout` in milliseconds, from a base per test (default 60 s) scaled by the variable. */
export function ciTimeouts(testMilliseconds = 60_000, hookMilliseconds = 2 * testMilliseconds): { testTimeout: number; hookTimeout: number } {
  return { testTimeout: Math.round(testMilliseconds * factor), hookTimeout: Math.round(hookMilliseconds * factor) };
}
