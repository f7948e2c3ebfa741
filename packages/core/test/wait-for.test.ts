import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from '../src/index.js';

const longestDelay = 2_147_483_647;

describe('waitFor', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Runs waitFor on a value that never appears and reports after how many fake milliseconds it settled. */
  async function settlesAfter(options: Parameters<typeof waitFor>[1], horizon: number): Promise<number | 'never'> {
    const started = Date.now();
    let settledAt: number | undefined;
    void waitFor(() => undefined, options).then(() => {
      settledAt = Date.now() - started;
    });
    await vi.advanceTimersByTimeAsync(horizon);
    return settledAt ?? 'never';
  }

  it('resolves with the value once read returns one, and counts a throwing read as not yet', async () => {
    let calls = 0;
    const found = waitFor(() => {
      calls += 1;
      if (calls < 3) throw new Error('not loaded');
      return 'widget';
    });
    await vi.advanceTimersByTimeAsync(500);
    await expect(found).resolves.toBe('widget');
  });

  it('gives up after timeoutMs', async () => {
    expect(await settlesAfter({ timeoutMs: 1000, intervalMs: 100 }, 5000)).toBe(1000);
  });

  it('settles with timeoutMs NaN (the default timeout) instead of never', async () => {
    expect(await settlesAfter({ timeoutMs: Number.NaN }, 20_000)).toBe(10_000);
  });

  it('settles at the first check with a negative timeoutMs', async () => {
    expect(await settlesAfter({ timeoutMs: -5, intervalMs: 100 }, 1000)).toBe(100);
  });

  it('caps timeoutMs Infinity at the longest timer delay', async () => {
    expect(await settlesAfter({ timeoutMs: Number.POSITIVE_INFINITY, intervalMs: 60 * 60 * 1000 }, longestDelay + 60 * 60 * 1000)).not.toBe('never');
  });

  it.each([
    [Number.NaN, 5], // the default 250 ms: the first read and four more in a second
    [Number.POSITIVE_INFINITY, 1], // capped, so only the first read happens within a second
    [0, 1001], // at least 1 ms
    [-1, 1001],
  ])('reads a sensible number of times with intervalMs %s', async (intervalMs, maxReads) => {
    let reads = 0;
    void waitFor(
      () => {
        reads += 1;
        return undefined;
      },
      { timeoutMs: 1000, intervalMs },
    );
    await vi.advanceTimersByTimeAsync(999);
    expect(reads).toBeGreaterThanOrEqual(1);
    expect(reads).toBeLessThanOrEqual(maxReads);
  });

  it('resolves undefined when aborted', async () => {
    const controller = new AbortController();
    const waiting = waitFor(() => undefined, { signal: controller.signal });
    controller.abort();
    await expect(waiting).resolves.toBeUndefined();
  });
});
