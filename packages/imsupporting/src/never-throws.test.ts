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
import { applyImsupportingContext, applyImsupportingPayload, translateImsupportingContext } from './browser.js';
import { createImsupportingAdapter, imsupportingAdapter, renderImsupportingSnippet } from './index.js';
import seedExample from './__fixtures__/seed-example-context.json' with { type: 'json' };

/*
 * Every public function whose TSDoc says it never throws (and the snippet renderer, which answers with a
 * Result), given hostile values in every argument and option. Each must answer with its documented result,
 * never throw or reject, and never hang.
 */

const seed = 20261202;
const numRuns = 100;
/** Property runs are slow on a loaded machine; a hang is caught per call by `settles`. */
const timeout = 120_000;

/** A page with the loader tag and a widget ready to reload, so that only the hostile options decide how long a call waits. */
const readyWindow = () => {
  const script = { setAttribute: () => undefined, removeAttribute: () => undefined };
  return { document: { querySelector: () => script }, imsFlowConfig: { siteid: 's', mode: 'popover' }, imsFlowWidget: { reload: () => undefined } };
};
/** Sane runtime options under the hostile ones (a fresh ready window each time), so that an option left unset does not wait the default 10 s. */
const runtimeDefaults = () => ({ window: readyWindow(), timeoutMs: 20, intervalMs: 5 });

const toOptionKeys = ['strict', 'phoneKey', 'invalidKeys'];
const adapters = [imsupportingAdapter, createImsupportingAdapter({ metadataKeys: { 'visitor.id': 'customer_id' }, limits: { maxEntries: 5 } })];

describe('functions documented as never throwing, under hostile input', () => {
  it('adapters: toVendor and fromVendor return a Result for hostile contexts, payloads and options', () => {
    fc.assert(
      fc.property(hostileValueArbitrary(), hostileOptionsArbitrary(toOptionKeys), hostileOptionsArbitrary(['strict']), (value, toOptions, fromOptions) => {
        for (const adapter of adapters) {
          expect(isResult(adapter.toVendor(value as never, toOptions as never))).toBe(true);
          expect(isResult(adapter.fromVendor(value, fromOptions as never))).toBe(true);
          expect(isResult(adapter.fromVendor(seedExample, fromOptions as never))).toBe(true);
          expect(isResult(adapter.fromVendor({ visitor_context_data: value }))).toBe(true);
          expect(isResult(adapter.fromVendor({ siteid: 's', mode: 'popover', visitorContext: { plan: value } }))).toBe(true);
        }
      }),
      { seed, numRuns },
    );
    for (const { value } of hostileValues()) {
      expect(isResult(imsupportingAdapter.toVendor(value as never))).toBe(true);
      expect(isResult(imsupportingAdapter.fromVendor(value))).toBe(true);
    }
  }, timeout);

  it('translateImsupportingContext and renderImsupportingSnippet return a Result', () => {
    fc.assert(
      fc.property(hostileValueArbitrary(), hostileOptionsArbitrary(toOptionKeys), hostileOptionsArbitrary([...toOptionKeys, 'siteId', 'mode', 'form', 'scriptUrl', 'nonce']), hostileValueArbitrary(), (value, options, snippetOptions, adapter) => {
        expect(isResult(translateImsupportingContext(value as never, options as never))).toBe(true);
        expect(isResult(translateImsupportingContext({ visitor: { name: 'A' } }, options as never))).toBe(true);
        expect(isResult(renderImsupportingSnippet(value as never, snippetOptions as never))).toBe(true);
        expect(isResult(renderImsupportingSnippet({ visitor: { name: 'A' } }, { siteId: 's' }, adapter as never))).toBe(true);
      }),
      { seed, numRuns },
    );
  }, timeout);

  it('applyImsupportingPayload and applyImsupportingContext resolve with a Result, never hanging', async () => {
    await fc.assert(
      fc.asyncProperty(hostileValueArbitrary(), hostileOptionsArbitrary(['window', 'timeoutMs', 'intervalMs', 'signal', 'script', ...toOptionKeys]), async (value, options) => {
        const runtime = withRuntimeDefaults(options, runtimeDefaults());
        expect(isResult(await settles(applyImsupportingPayload(value as never, runtime as never)))).toBe(true);
        expect(isResult(await settles(applyImsupportingPayload({ plan: 'pro' }, runtime as never)))).toBe(true);
        expect(isResult(await settles(applyImsupportingContext(value as never, runtime as never)))).toBe(true);
      }),
      { seed, numRuns: 80 },
    );
    for (const timeoutMs of [Number.NaN, Number.POSITIVE_INFINITY, -1, 2 ** 31]) {
      const page = { ...readyWindow(), imsFlowWidget: undefined };
      const result = await settles(applyImsupportingPayload({ plan: 'pro' }, { window: page as never, timeoutMs }));
      expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'invalid_option' }] });
    }
  }, timeout);
});
