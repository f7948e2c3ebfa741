import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Result } from '@visitor-context/core';
import { hostileOptionsArbitrary, hostileValueArbitrary, hostileValues } from '@visitor-context/testkit';
import { applyGiosgContext, applyGiosgPayload, removeGiosgVisitorData, translateGiosgContext } from './browser.js';
import { giosgAdapter, renderGiosgLogoutSnippet, renderGiosgSnippet, renderGiosgSubmission } from './index.js';
import {
  fromGiosgToken,
  renderSignedGiosgSnippet,
  signGiosgVisitorData,
  signGiosgVisitorDataWithChecksum,
  verifyGiosgToken,
} from './server.js';

/**
 * Every public giosg function whose TSDoc says it never throws (or never rejects), fed hostile values in every
 * argument and option: it must return a Result, synchronously where it is synchronous.
 */
const seed = 20261202;
const key = 'giosg-test-api-signing-key-32-by';
const context = { visitor: { name: 'Ada', email: 'ada@example.com' }, attributes: { plan: 'pro' } };
const submission = { visitorData: { username: 'Ada' }, signingAlgorithm: 'plain', replaceExisting: false } as const;

const renderKeys = ['nonce', 'companyId', 'scriptUrl'];
const translateKeys = ['strict', 'replaceExisting', 'rooms'];
const signingKeys = ['key', 'algorithm', 'expiresInSeconds', 'keyId', 'now', ...translateKeys];
const browserKeys = ['timeoutMs', 'intervalMs', 'defineQueue', 'window'];

function expectResult(value: unknown): void {
  expect(value).toMatchObject({ ok: expect.any(Boolean), diagnostics: expect.any(Array) });
  const result = value as Result<unknown>;
  if (!result.ok) expect(result.diagnostics.some((item) => item.severity === 'error')).toBe(true);
}

/** Calls `work`, which must not throw; awaits it when it returns a promise, which must not reject. */
async function settles(work: () => unknown): Promise<void> {
  let returned: unknown;
  expect(() => (returned = work())).not.toThrow();
  expectResult(await returned);
}

/**
 * {@link settles} on a simulated clock: calls `work` (which must not throw), then runs the timers it sets until its
 * promise settles, which must be within a minute of simulated time, with a Result.
 */
async function settlesOnSimulatedClock(work: () => unknown): Promise<void> {
  let returned: unknown;
  expect(() => (returned = work())).not.toThrow();
  let settled = false;
  const pending = Promise.resolve(returned).finally(() => (settled = true));
  for (let simulatedMs = 0; !settled && simulatedMs < 60_000; simulatedMs += 1_000) await vi.advanceTimersByTimeAsync(1_000);
  expect(settled, 'settles within 60 s of waiting').toBe(true);
  expectResult(await pending);
}

/** A page where giosg has loaded and answers at once, so valid runtime options settle quickly. */
function loadedGiosgPage(): object {
  const answer = (): Promise<void> => Promise.resolve();
  return {
    _giosg: (callback: unknown) => (typeof callback === 'function' ? (callback as () => void)() : undefined),
    giosg: { api: { visitor: { submit: answer, remove: answer, removeAll: answer }, chat: { close: answer } } },
  };
}

/**
 * Runtime options: hostile values over quick defaults. A valid but long timeout legitimately waits that long,
 * so finite numbers are kept short here; NaN, infinities, negatives and non-numbers pass through as generated.
 */
function browserOptions(hostile: unknown): unknown {
  if (typeof hostile !== 'object' || hostile === null || !hasPlainProperties(hostile)) return hostile;
  const options: Record<string, unknown> = { window: loadedGiosgPage(), timeoutMs: 200, intervalMs: 5, ...(hostile as object) };
  for (const name of ['timeoutMs', 'intervalMs']) {
    const value = options[name];
    if (typeof value === 'number' && Number.isFinite(value) && value > 200) options[name] = 200;
  }
  return options;
}

/** Options that can be spread over the defaults without running a getter or a proxy trap. */
function hasPlainProperties(value: object): boolean {
  try {
    return !Array.isArray(value) && Object.getOwnPropertyNames(value).every((name) => Object.getOwnPropertyDescriptor(value, name)?.get === undefined);
  } catch {
    return false;
  }
}

const runs = { numRuns: 60, seed };

// The default window is the global one: give it a loaded giosg too, so calls without a window option settle at once.
beforeAll(() => Object.assign(globalThis, loadedGiosgPage()));
afterAll(() => {
  delete (globalThis as Record<string, unknown>)['_giosg'];
  delete (globalThis as Record<string, unknown>)['giosg'];
});

describe('never throws: the named hostile values in every argument position', () => {
  for (const { name } of hostileValues()) {
    const pick = (): unknown => hostileValues().find((item) => item.name === name)?.value;
    it(`${name}`, async () => {
      await settles(() => renderGiosgSnippet(pick() as never));
      await settles(() => renderGiosgSnippet(context, pick() as never));
      await settles(() => renderGiosgSnippet(context, { companyId: pick() } as never));
      await settles(() => renderGiosgSnippet(context, { nonce: pick(), scriptUrl: pick() } as never));
      await settles(() => renderGiosgSubmission(pick() as never));
      await settles(() => renderGiosgSubmission(submission, pick() as never));
      await settles(() => renderGiosgLogoutSnippet(pick() as never));
      await settles(() => renderGiosgLogoutSnippet({ keys: pick(), closeChat: pick() } as never));
      await settles(() => giosgAdapter.toVendor(pick() as never, pick() as never));
      await settles(() => giosgAdapter.fromVendor(pick(), pick() as never));
      await settles(() => translateGiosgContext(pick() as never, pick() as never));
      await settles(() => signGiosgVisitorData(pick() as never, { key }));
      await settles(() => signGiosgVisitorData(context, pick() as never));
      await settles(() => signGiosgVisitorData(context, { key: pick() } as never));
      await settles(() => signGiosgVisitorDataWithChecksum(context, pick() as never));
      await settles(() => signGiosgVisitorDataWithChecksum(context, { key, algorithm: 'sha1', allowWeakChecksum: true, now: pick() } as never));
      await settles(() => verifyGiosgToken(pick() as never, key));
      await settles(() => verifyGiosgToken('a.b.c', pick() as never));
      await settles(() => verifyGiosgToken('a.b.c', key, pick() as never));
      await settles(() => fromGiosgToken(pick() as never, pick() as never, pick() as never));
      await settles(() => renderSignedGiosgSnippet(context, pick() as never));
      await settles(() => renderSignedGiosgSnippet(context, { key, companyId: pick() } as never));
      await settles(() => applyGiosgPayload(pick() as never, browserOptions({}) as never));
      await settles(() => applyGiosgPayload(submission, browserOptions(pick()) as never));
      await settles(() => removeGiosgVisitorData(pick() as never, browserOptions({}) as never));
      await settles(() => removeGiosgVisitorData(undefined, browserOptions({ closeChat: pick() }) as never));
      await settles(() => applyGiosgContext(pick() as never, browserOptions({}) as never));
      await settles(() => applyGiosgContext(context, browserOptions(pick()) as never));
    }, 30_000);
  }
});

describe('never throws: generated hostile options (fast-check, fixed seed)', () => {
  it('renderers', () => {
    fc.assert(
      fc.property(hostileValueArbitrary(), hostileOptionsArbitrary([...renderKeys, ...translateKeys, 'keys', 'closeChat']), (value, options) => {
        for (const work of [
          () => renderGiosgSnippet(value as never, options as never),
          () => renderGiosgSnippet(context, options as never),
          () => renderGiosgSubmission(value as never, options as never),
          () => renderGiosgLogoutSnippet(options as never),
          () => translateGiosgContext(value as never, options as never),
          () => giosgAdapter.fromVendor(value, options as never),
        ]) {
          let result: unknown;
          expect(() => (result = work())).not.toThrow();
          expectResult(result);
        }
      }),
      runs,
    );
  }, 60_000);

  it('./server', async () => {
    await fc.assert(
      fc.asyncProperty(hostileValueArbitrary(), hostileOptionsArbitrary([...signingKeys, ...renderKeys, 'allowWeakChecksum', 'clockToleranceSeconds', 'maxTokenAge', 'audience', 'issuer']), async (value, options) => {
        await settles(() => signGiosgVisitorData(context, options as never));
        await settles(() => signGiosgVisitorDataWithChecksum(value as never, options as never));
        await settles(() => renderSignedGiosgSnippet(context, options as never));
        await settles(() => verifyGiosgToken(value as never, key, options as never));
        await settles(() => fromGiosgToken('a.b.c', value as never, options as never));
      }),
      runs,
    );
  }, 60_000);

  it('./browser', async () => {
    // A hostile timeoutMs that passes the runtime's check but is no number (a whitespace string, true, an empty
    // array…) makes core's waitFor use its 10 s default: a real, finite wait, and nearly all of this test's time
    // on a real clock (30 runs took ~42 s, CPU idle). The simulated clock runs those waits at once; the calls,
    // inputs and checks are the same.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    try {
      await fc.assert(
        fc.asyncProperty(hostileValueArbitrary(), hostileOptionsArbitrary([...browserKeys, ...translateKeys, 'closeChat']), async (value, options) => {
          await settlesOnSimulatedClock(() => applyGiosgPayload(value as never, browserOptions(options) as never));
          await settlesOnSimulatedClock(() => applyGiosgPayload(submission, browserOptions(options) as never));
          await settlesOnSimulatedClock(() => removeGiosgVisitorData(value as never, browserOptions(options) as never));
          await settlesOnSimulatedClock(() => applyGiosgContext(value as never, browserOptions(options) as never));
        }),
        { ...runs, numRuns: 30 },
      );
    } finally {
      vi.clearAllTimers();
      vi.useRealTimers();
    }
  }, 120_000);
});

describe('the reported cases', () => {
  it('a lone surrogate in companyId is an invalid_option naming it, not a URIError', async () => {
    expect(renderGiosgSnippet(context, { companyId: 'acme\uD800' }).diagnostics.map((item) => [item.code, item.path])).toEqual([['invalid_option', ['companyId']]]);
    const signed = await renderSignedGiosgSnippet(context, { key, companyId: '\uDC00' });
    expect(signed.diagnostics.map((item) => [item.code, item.path])).toEqual([['invalid_option', ['companyId']]]);
  });

  it('renderGiosgLogoutSnippet({ keys: "x" }) is an invalid_option naming keys', () => {
    expect(renderGiosgLogoutSnippet({ keys: 'x' } as never).diagnostics.map((item) => [item.code, item.path])).toEqual([['invalid_option', ['keys']]]);
  });

  it('applyGiosgPayload with a throwing getter resolves not_applied, synchronously returning a promise', async () => {
    const payload = Object.defineProperty({}, 'visitorData', { enumerable: true, get: () => { throw new Error('boom'); } });
    let pending: Promise<unknown> | undefined;
    expect(() => (pending = applyGiosgPayload(payload as never, { window: loadedGiosgPage(), timeoutMs: 100 }))).not.toThrow();
    expect((await pending as Result<unknown>).diagnostics.map((item) => item.code)).toEqual(['not_applied']);
  });

  it('timeouts that would never end are refused at once', async () => {
    // Text that compares as a number (' \t\n' >= 0) must be refused too: waitFor would ignore it and wait 10 s.
    for (const timeoutMs of [Number.NaN, Number.POSITIVE_INFINITY, -1, 2 ** 31, ' \t\n', '', null, true] as never[]) {
      const result = await applyGiosgPayload(submission, { window: {}, timeoutMs });
      expect(result.diagnostics.map((item) => item.code), String(timeoutMs)).toEqual(['not_applied']);
    }
  });
});
