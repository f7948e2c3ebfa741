import {
  hostileOptionsArbitrary,
  hostileValueArbitrary,
  hostileValues,
  isResult,
  settlesWithin as settles,
  withRuntimeDefaults,
} from '@visitor-context/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyComm100Context, applyComm100Payload, clearComm100VisitorData, translateComm100Context } from './browser.js';
import {
  comm100Adapter,
  createComm100Adapter,
  handleComm100Webhook,
  parseComm100Date,
  parseComm100WebhookEvent,
  splitComm100Transcript,
} from './index.js';
import { chatStarted } from './__fixtures__/webhook-events.js';

/*
 * Every public function whose TSDoc says it never throws, given hostile values in every argument and option
 * (testkit's hostile values: throwing getters and proxies, revoked proxies, lone surrogates, NaN…). Each must
 * answer with its documented result, never throw or reject, and never hang.
 */

const seed = 20261202;
const numRuns = 100;
/** Property runs are slow on a loaded machine; a hang is caught per call by `settles`. */
const timeout = 120_000;

/** A page whose Comm100 widget is ready, so that only the hostile options decide how long a call waits. */
const readyWindow = () => ({ Comm100API: { set: () => undefined, get: () => [{ type: 'name' }] } });
/** Sane runtime options under the hostile ones (a fresh ready window each time), so that an option left unset does not wait the default 10 s. */
const runtimeDefaults = () => ({ window: readyWindow(), timeoutMs: 20, intervalMs: 5 });

const toOptionKeys = ['strict', 'customVariables', 'fieldVariables', 'prechat', 'skipPrechat'];
const fromOptionKeys = ['strict', 'fieldVariables', 'transcriptDelivered'];
const runtimeKeys = ['window', 'timeoutMs', 'intervalMs', 'campaignId', 'signal'];
const adapters = [comm100Adapter, createComm100Adapter({ customVariables: ['plan'], fieldVariables: { 'visitor.id': 'user_id' } })];

describe('functions documented as never throwing, under hostile input', () => {
  it('adapters: toVendor and fromVendor return a Result for hostile contexts, payloads and options', () => {
    fc.assert(
      fc.property(hostileValueArbitrary(), hostileOptionsArbitrary(toOptionKeys), hostileOptionsArbitrary(fromOptionKeys), (value, toOptions, fromOptions) => {
        for (const adapter of adapters) {
          expect(isResult(adapter.toVendor(value as never, toOptions as never))).toBe(true);
          expect(isResult(adapter.fromVendor(value, fromOptions as never))).toBe(true);
          expect(isResult(adapter.fromVendor(chatStarted, fromOptions as never))).toBe(true);
        }
      }),
      { seed, numRuns },
    );
    for (const { value } of hostileValues()) {
      expect(isResult(comm100Adapter.toVendor(value as never))).toBe(true);
      expect(isResult(comm100Adapter.fromVendor(value))).toBe(true);
      expect(isResult(comm100Adapter.fromVendor({ event: 'chat_started', visitor: { custom_variables: [{ name: 'plan', value }] } }))).toBe(true);
    }
  }, timeout);

  it('parseComm100WebhookEvent, parseComm100Date and splitComm100Transcript', () => {
    fc.assert(
      fc.property(hostileValueArbitrary(), hostileOptionsArbitrary(['maxBytes', 'maxDepth']), (value, limits) => {
        expect(isResult(parseComm100WebhookEvent(value, limits as never))).toBe(true);
        expect(isResult(parseComm100WebhookEvent(chatStarted, limits as never))).toBe(true);
        const date = parseComm100Date(value as string);
        expect(date === undefined || typeof date === 'string').toBe(true);
        expect(Array.isArray(splitComm100Transcript(value as string))).toBe(true);
      }),
      { seed, numRuns },
    );
  }, timeout);

  it('parseComm100WebhookEvent refuses limits that would switch its checks off', () => {
    for (const maxBytes of [Number.NaN, Number.POSITIVE_INFINITY, -1, 0, 1.5]) {
      const result = parseComm100WebhookEvent(JSON.stringify(chatStarted), { maxBytes });
      expect(result.ok).toBe(false);
      expect(result.diagnostics.map((item) => [item.code, item.path])).toEqual([['invalid_option', ['maxBytes']]]);
    }
  }, timeout);

  it('translateComm100Context returns a Result for hostile contexts and options', () => {
    fc.assert(
      fc.property(hostileValueArbitrary(), hostileOptionsArbitrary(toOptionKeys), (value, options) => {
        expect(isResult(translateComm100Context(value as never, options as never))).toBe(true);
        expect(isResult(translateComm100Context({ visitor: { name: 'A' }, attributes: { plan: 'pro' } }, options as never))).toBe(true);
      }),
      { seed, numRuns },
    );
  }, timeout);

  it('handleComm100Webhook resolves with a Result for hostile requests and options', async () => {
    const body = JSON.stringify(chatStarted);
    const odd = [
      ...hostileValues().map(({ value }) => value),
      { method: 'POST' },
      { method: 'POST', headers: { get: () => 'application/json' } },
      { method: 'POST', headers: { get: () => 'application/json' }, body: { getReader: () => ({ read: async () => ({ done: false, value: 'text' }) }) } },
      { method: 'POST', headers: { get: () => 'application/json' }, body: { getReader: () => ({ read: () => Promise.reject({ toString: () => { throw new Error('x'); } }) }) } },
      { method: { toString: () => 'POST' }, headers: new Headers() },
      { get method() { throw new Error('no method'); } },
    ];
    for (const request of odd) {
      expect(isResult(await settles(handleComm100Webhook(request as Request)))).toBe(true);
    }
    await fc.assert(
      fc.asyncProperty(hostileOptionsArbitrary(['maxBodyBytes', 'adapter', 'fieldVariables', 'strict']), async (options) => {
        const request = new Request('https://hooks.example.com/c', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        expect(isResult(await settles(handleComm100Webhook(request, options as never)))).toBe(true);
      }),
      { seed, numRuns: 60 },
    );
  }, timeout);

  it('applyComm100Payload, applyComm100Context and clearComm100VisitorData resolve with a Result, never hanging', async () => {
    // Options that are no plain object fall back to the page's own window: a ready widget there, so they do not wait 10 s.
    Object.assign(globalThis, readyWindow());
    await fc.assert(
      fc.asyncProperty(hostileValueArbitrary(), hostileOptionsArbitrary([...runtimeKeys, ...toOptionKeys, 'customVariables', 'prechatFields']), async (value, options) => {
        const runtime = withRuntimeDefaults(options, runtimeDefaults());
        expect(isResult(await settles(applyComm100Payload(value as never, runtime as never)))).toBe(true);
        expect(isResult(await settles(applyComm100Payload({ customVariables: [{ name: 'plan', value: 'pro' }], prechatFields: [{ type: 'name', value: 'A' }], skipPrechat: false }, runtime as never)))).toBe(true);
        expect(isResult(await settles(applyComm100Context(value as never, runtime as never)))).toBe(true);
        expect(isResult(await settles(clearComm100VisitorData(runtime as never)))).toBe(true);
      }),
      { seed, numRuns: 80 },
    );
    for (const timeoutMs of [Number.NaN, Number.POSITIVE_INFINITY, -1, 2 ** 31]) {
      const result = await settles(applyComm100Payload({ customVariables: [], prechatFields: [], skipPrechat: false }, { window: {}, timeoutMs }));
      expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'invalid_option' }] });
    }
    delete (globalThis as { Comm100API?: unknown }).Comm100API;
  }, timeout);
});
