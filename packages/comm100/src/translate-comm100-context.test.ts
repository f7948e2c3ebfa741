/*
 * The zod-free browser translation must give exactly what the adapter gives for every valid context and valid
 * options: same payload, same diagnostics, same success. Only what the schema alone catches (an invalid email,
 * an invalid option) is left to the `.` entry, by design.
 */
import type { VisitorContext } from '@visitor-context/core';
import { visitorContextArbitrary } from '@visitor-context/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { translateComm100Context } from './browser.js';
import { visitorContextFieldNames } from '@visitor-context/core';
import { comm100Adapter, createComm100Adapter, type Comm100ToVendorOptions } from './index.js';
import { hostile, namedInParts, shopper } from './__fixtures__/visitor-contexts.js';

const fixtures: Record<string, VisitorContext> = {
  shopper,
  namedInParts,
  hostile,
  empty: {},
  withVendorBags: { visitor: { name: 'Ada' }, vendor: { comm100: { visits: 3 }, genesys: { conversationId: 'c-1' } } },
};

const optionSets: Record<string, Comm100ToVendorOptions> = {
  none: {},
  defined: { customVariables: ['plan', 'cart_total'] },
  mapped: { customVariables: ['user_id', 'plan'], fieldVariables: { 'visitor.id': 'user_id', 'page.url': 'page_url', 'visitor.company': 'plan' } },
  noPrechat: { prechat: false, fieldVariables: { 'visitor.email': 'email' } },
  skip: { skipPrechat: true, customVariables: [] },
  strict: { strict: true },
  strictWithoutLosses: { strict: true, customVariables: ['plan'] },
};

const variableName = fc.oneof(fc.constantFrom('plan', 'cart_total', 'user_id', 'a'), fc.string({ minLength: 1, maxLength: 24 }));
const optionsArbitrary: fc.Arbitrary<Comm100ToVendorOptions> = fc.record(
  {
    strict: fc.boolean(),
    customVariables: fc.array(variableName, { maxLength: 6 }),
    fieldVariables: fc.dictionary(fc.constantFrom(...visitorContextFieldNames), variableName, { maxKeys: 4, noNullPrototype: true }),
    prechat: fc.boolean(),
    skipPrechat: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe('translateComm100Context', () => {
  describe.each(Object.entries(fixtures))('gives what comm100Adapter.toVendor gives for %s', (_name, context) => {
    it.each(Object.entries(optionSets))('with options %s', (_options, options) => {
      expect(translateComm100Context(context, options)).toEqual(comm100Adapter.toVendor(context, options));
    });
  });

  it('gives what the adapter gives for any valid context and options (payload, diagnostics, success)', () => {
    fc.assert(
      fc.property(visitorContextArbitrary(), optionsArbitrary, (context, options) => {
        expect(translateComm100Context(context, options)).toEqual(comm100Adapter.toVendor(context, options));
      }),
      { numRuns: 300 },
    );
  });

  it('gives what an adapter from createComm100Adapter gives when passed the same options as defaults', () => {
    const options: Comm100ToVendorOptions = { customVariables: ['plan', 'user_id'], fieldVariables: { 'visitor.id': 'user_id' }, skipPrechat: true };
    expect(translateComm100Context(shopper, options)).toEqual(createComm100Adapter(options).toVendor(shopper));
  });

  it('reports other adapters\' vendor bags as dropped and never sends its own', () => {
    const result = translateComm100Context(fixtures['withVendorBags'] ?? {});
    expect(result).toEqual({
      ok: true,
      value: { customVariables: [], prechatFields: [{ type: 'name', value: 'Ada' }], skipPrechat: false },
      diagnostics: [expect.objectContaining({ code: 'field_dropped', severity: 'warning', path: ['vendor', 'genesys'] })],
    });
  });

  it('still refuses what is not plain data, prototype keys and oversize contexts, without throwing or invoking getters', () => {
    let invoked = false;
    const withGetter = {
      visitor: {
        get name() {
          invoked = true;
          return 'Ada';
        },
      },
    };
    const codes = (result: ReturnType<typeof translateComm100Context>) => (result.ok ? 'ok' : result.diagnostics.map((item) => item.code));
    expect(codes(translateComm100Context(withGetter as never))).toEqual(['not_plain_data']);
    expect(invoked).toBe(false);
    expect(codes(translateComm100Context(JSON.parse('{"attributes":{"__proto__":{"polluted":true}}}') as VisitorContext))).toEqual(['forbidden_key']);
    expect(codes(translateComm100Context({ attributes: { plan: 'x'.repeat(40_000) } }))).toEqual(['string_too_long']);
    expect(codes(translateComm100Context(null as never))).toEqual(['not_an_object']);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('turns every warning into an error under strict, like the adapter', () => {
    const result = translateComm100Context(shopper, { strict: true });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics.every((item) => item.severity === 'error')).toBe(true);
  });
});
