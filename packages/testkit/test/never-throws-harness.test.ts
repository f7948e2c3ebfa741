import { describe, expect, it } from 'vitest';
import { hostileValues, isResult, settlesWithin, withRuntimeDefaults } from '../src/index.js';

describe('isResult', () => {
  it('accepts what core returns: a boolean ok and a diagnostics array', () => {
    expect(isResult({ ok: true, value: 1, diagnostics: [] })).toBe(true);
    expect(isResult({ ok: false, diagnostics: [{ severity: 'error' }] })).toBe(true);
  });

  it('refuses anything else', () => {
    for (const value of [undefined, null, true, 'ok', { ok: 'yes', diagnostics: [] }, { ok: true }, { ok: true, diagnostics: {} }, Promise.resolve({ ok: true, diagnostics: [] })]) {
      expect(isResult(value), String(value)).toBe(false);
    }
  });
});

describe('settlesWithin', () => {
  it('resolves with what the promise resolves with', async () => {
    await expect(settlesWithin(Promise.resolve('done'), 200)).resolves.toBe('done');
  });

  it('rejects when the promise rejects', async () => {
    await expect(settlesWithin(Promise.reject(new Error('boom')), 200)).rejects.toThrow('boom');
  });

  it('rejects, naming the limit, when the promise does not settle in time', async () => {
    await expect(settlesWithin(new Promise(() => undefined), 20)).rejects.toThrow('did not settle within 20 ms');
  });
});

describe('withRuntimeDefaults', () => {
  const defaults = { timeoutMs: 20, intervalMs: 5 };

  it('lays a plain object over the defaults, its own values winning', () => {
    expect(withRuntimeDefaults({ timeoutMs: Number.NaN, extra: 'x' }, defaults)).toEqual({ timeoutMs: Number.NaN, intervalMs: 5, extra: 'x' });
    expect(defaults, 'the defaults are not changed').toEqual({ timeoutMs: 20, intervalMs: 5 });
  });

  it('copies a throwing getter as a getter, so it throws in the function under test, not here', () => {
    const options = Object.defineProperty({}, 'timeoutMs', { enumerable: true, get: () => { throw new Error('hostile getter'); } });
    const laid = withRuntimeDefaults(options, defaults) as { timeoutMs: number; intervalMs: number };
    expect(laid.intervalMs).toBe(5);
    expect(() => laid.timeoutMs).toThrow('hostile getter');
  });

  it('passes everything that is not a plain object through unchanged, hostile values included', () => {
    for (const { name, value } of hostileValues()) {
      let plain = false;
      try {
        plain = typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
      } catch {
        plain = false;
      }
      if (!plain) expect(withRuntimeDefaults(value, defaults), name).toBe(value);
    }
  });
});
