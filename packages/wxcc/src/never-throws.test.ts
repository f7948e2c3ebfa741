/*
 * Every public function whose TSDoc says it never throws, fed hostile values (testkit's hostileValues(), and
 * fast-check runs of hostileValueArbitrary() / hostileOptionsArbitrary()) in every argument and every option:
 * each must return (or resolve with) a Result, never throw, reject or pollute a prototype.
 */
import { hostileOptionsArbitrary, hostileValueArbitrary, hostileValues } from '@visitor-context/testkit';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyWxccContext, applyWxccPayload, translateWxccContext } from './browser.js';
import { createWxccAdapter, renderEvaluateNodeCode, renderWxccSnippet, wxccAdapter } from './index.js';

const seed = 20261202;
const numRuns = 60;

const context = { visitor: { name: 'Ada', email: 'ada@example.com' }, attributes: { plan: 'pro' } };
const fields = { 'visitor.name': 'name', 'attributes.*': '*' };

function expectResult(value: unknown, label: string): void {
  expect(typeof value === 'object' && value !== null, label).toBe(true);
  const result = value as { ok: unknown; diagnostics: unknown };
  expect(typeof result.ok, label).toBe('boolean');
  expect(Array.isArray(result.diagnostics), label).toBe(true);
  if (result.ok === false) expect((result.diagnostics as unknown[]).length, label).toBeGreaterThan(0);
  expect(Object.prototype, label).not.toHaveProperty('polluted');
}

/** Calls `run` and checks that it returned a Result instead of throwing. */
function expectNoThrow(run: () => unknown, label: string): void {
  let value: unknown;
  expect(() => {
    value = run();
  }, label).not.toThrow();
  expectResult(value, label);
}

const synchronous: [string, (value: unknown) => unknown, (options: unknown) => unknown][] = [
  ['wxccAdapter.toVendor', (value) => wxccAdapter.toVendor(value as never), (options) => wxccAdapter.toVendor(context, options as never)],
  ['wxccAdapter.fromVendor', (value) => wxccAdapter.fromVendor(value), (options) => wxccAdapter.fromVendor({ custom_chat_attr: '{}' }, options as never)],
  ['renderWxccSnippet', (value) => renderWxccSnippet(value as never), (options) => renderWxccSnippet(context, options as never)],
  ['renderEvaluateNodeCode', (value) => renderEvaluateNodeCode(value as never), (options) => renderEvaluateNodeCode(fields, options as never)],
  ['translateWxccContext', (value) => translateWxccContext(value as never), (options) => translateWxccContext(context, options as never)],
];

const optionKeys: Record<string, readonly string[]> = {
  'wxccAdapter.toVendor': ['strict'],
  'wxccAdapter.fromVendor': ['strict'],
  renderWxccSnippet: ['fields', 'strict', 'nonce', 'intervalMs', 'timeoutMs', 'widget'],
  renderEvaluateNodeCode: ['startNode', 'variables'],
  translateWxccContext: ['fields', 'strict'],
};

describe('synchronous functions never throw', () => {
  for (const [name, withValue, withOptions] of synchronous) {
    it(`${name}: every hostile value as the argument and as the options`, () => {
      for (const hostile of hostileValues()) {
        expectNoThrow(() => withValue(hostile.value), `${name}(${hostile.name})`);
        expectNoThrow(() => withOptions(hostile.value), `${name}(…, ${hostile.name})`);
      }
    });

    it(`${name}: hostile values in every option (${numRuns} runs, seed ${seed})`, () => {
      fc.assert(
        fc.property(hostileOptionsArbitrary(optionKeys[name] ?? []), (options) => {
          expectNoThrow(() => withOptions(options), name);
        }),
        { seed, numRuns },
      );
    });
  }

  it('renderWxccSnippet: hostile values in the widget option and in field maps', () => {
    fc.assert(
      fc.property(hostileOptionsArbitrary(['bindId', 'guid', 'org', 'scriptUrl']), hostileValueArbitrary(), (widget, fieldName) => {
        expectNoThrow(() => renderWxccSnippet(context, { widget } as never), 'widget');
        expectNoThrow(() => renderWxccSnippet(context, { fields: { 'visitor.name': fieldName } } as never), 'fields');
        expectNoThrow(() => renderEvaluateNodeCode({ 'visitor.name': fieldName } as never), 'evaluate fields');
        expectNoThrow(() => renderEvaluateNodeCode(fields, { variables: { 'visitor.name': fieldName } } as never), 'variables');
        expectNoThrow(() => translateWxccContext(context, { fields: { 'visitor.name': fieldName } } as never), 'translate fields');
      }),
      { seed, numRuns },
    );
  });

  it('fromVendor: hostile values anywhere in the extras and in a whole event', () => {
    fc.assert(
      fc.property(fc.string(), hostileValueArbitrary(), (key, value) => {
        for (const input of [{ browserfingerprint: 'f', [key]: value }, { custom_chat_attr: value }, { customprofileparams: value }, { inappmessaging: { message: { extras: value } } }]) {
          expectNoThrow(() => wxccAdapter.fromVendor(input), `${key}: ${String(typeof value)}`);
        }
      }),
      { seed, numRuns },
    );
  });

  it('createWxccAdapter throws nothing but its documented TypeError', () => {
    const check = (options: unknown): void => {
      try {
        createWxccAdapter(options as never);
      } catch (error) {
        expect(error).toBeInstanceOf(TypeError);
      }
    };
    for (const hostile of hostileValues()) {
      check(hostile.value);
      check({ fields: hostile.value });
      check({ fields: { 'visitor.name': hostile.value } });
    }
    fc.assert(fc.property(hostileOptionsArbitrary(['fields']), check), { seed, numRuns });
  });
});

describe('browser apply functions always resolve with a Result', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A widget that is ready at once and answers every init with "success". */
  const readyWindow = (): object => ({
    imichatwidget: {
      on: (_name: string, handler: () => void) => handler(),
      init: (_json: string, callback: (status: string) => void) => callback('success'),
      update: (_json: string, callback: (status: string) => void) => callback('success'),
    },
  });

  /** Runs the call to the end of its longest possible wait, then checks what it resolved with. */
  async function expectSettles(run: () => Promise<unknown>, label: string): Promise<void> {
    let promise: Promise<unknown> | undefined;
    expect(() => {
      promise = run();
    }, label).not.toThrow();
    const outcome = promise!.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    await vi.advanceTimersByTimeAsync(600_001);
    const settled = await Promise.race([outcome, Promise.resolve({ pending: true })]);
    expect(settled, label).not.toHaveProperty('pending');
    expect(settled, label).not.toHaveProperty('error');
    expectResult((settled as { value: unknown }).value, label);
  }

  const applyKeys = ['timeoutMs', 'intervalMs', 'signal', 'window'];

  it('refuses waits that would never settle or would spin (NaN, Infinity, negative, over 10 minutes)', async () => {
    for (const [key, value] of [['timeoutMs', Number.NaN], ['timeoutMs', Number.POSITIVE_INFINITY], ['intervalMs', -1], ['intervalMs', 0], ['timeoutMs', 600_001]] as const) {
      const result = await applyWxccPayload({ custom_chat_fields: {} }, { window: readyWindow() as Window, [key]: value });
      expect(result, `${key}: ${value}`).toMatchObject({ ok: false, diagnostics: [{ code: 'invalid_option' }] });
    }
    const accepted = await applyWxccPayload({ custom_chat_fields: { name: 'Ada' } }, { window: readyWindow() as Window, timeoutMs: 1, intervalMs: 600_000 });
    expect(accepted).toMatchObject({ ok: true, value: { method: 'init', fieldNames: ['name'] } });
  });

  it('every hostile value as the payload, the context and each option', async () => {
    for (const hostile of hostileValues()) {
      await expectSettles(() => applyWxccPayload(hostile.value as never, { window: readyWindow() as Window }), `payload ${hostile.name}`);
      await expectSettles(() => applyWxccContext(hostile.value as never, { window: readyWindow() as Window }), `context ${hostile.name}`);
      await expectSettles(() => applyWxccPayload({ custom_chat_fields: {} }, hostile.value as never), `options ${hostile.name}`);
      for (const key of [...applyKeys, 'fields', 'strict']) {
        const options = { window: readyWindow(), timeoutMs: 50, intervalMs: 10, [key]: hostile.value };
        await expectSettles(() => applyWxccContext(context, options as never), `${key}: ${hostile.name}`);
      }
    }
  });

  it(`hostile values in every option (${numRuns} runs, seed ${seed})`, async () => {
    await fc.assert(
      fc.asyncProperty(hostileOptionsArbitrary([...applyKeys, 'fields', 'strict']), async (options) => {
        const merged = typeof options === 'object' && options !== null ? { window: readyWindow(), ...options } : options;
        await expectSettles(() => applyWxccContext(context, merged as never), 'applyWxccContext');
        await expectSettles(() => applyWxccPayload({ custom_chat_fields: { name: 'Ada' } }, merged as never), 'applyWxccPayload');
      }),
      { seed, numRuns },
    );
  });
});
