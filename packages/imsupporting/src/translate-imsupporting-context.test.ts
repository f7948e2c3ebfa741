import type { VisitorContext } from '@visitor-context/core';
import { visitorContextArbitrary, reachableImports } from '@visitor-context/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import activeSessionsRow from './__fixtures__/activesessions-row.json' with { type: 'json' };
import bothPhoneKeys from './__fixtures__/both-phone-keys-context.json' with { type: 'json' };
import phpSession from './__fixtures__/php-session-context.json' with { type: 'json' };
import seedExample from './__fixtures__/seed-example-context.json' with { type: 'json' };
import wirePayloads from './__fixtures__/wire-payloads.json' with { type: 'json' };
import wordpress from './__fixtures__/wordpress-context.json' with { type: 'json' };
import { translateImsupportingContext } from './browser.js';
import { imsupportingAdapter, type ImsupportingToVendorOptions } from './index.js';

/** Every option combination that changes what toVendor sends or reports. */
const optionVariants: readonly ImsupportingToVendorOptions[] = [
  {},
  { phoneKey: 'ims_phone' },
  { invalidKeys: 'replace' },
  { strict: true },
  { strict: false, phoneKey: 'ims_telephone', invalidKeys: 'drop' },
];

const optionsArbitrary: fc.Arbitrary<ImsupportingToVendorOptions> = fc.record(
  {
    strict: fc.boolean(),
    phoneKey: fc.constantFrom('ims_telephone' as const, 'ims_phone' as const),
    invalidKeys: fc.constantFrom('drop' as const, 'replace' as const),
  },
  { requiredKeys: [] },
);

/** A canonical context read from a vendor fixture, vendor bags included, so translation sends them back. */
function readBack(input: unknown): VisitorContext {
  const result = imsupportingAdapter.fromVendor(input);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.value;
}

const fixtureContexts: Record<string, VisitorContext> = {
  'seed example': readBack(seedExample),
  'PHP session': readBack(phpSession),
  'both phone keys': readBack(bothPhoneKeys),
  WordPress: readBack(wordpress),
  'activesessions row': readBack(activeSessionsRow.visitor_context_data),
  'wire payload': readBack(wirePayloads.seedExample),
  'wire payload the server cleans': readBack(wirePayloads.needsServerCleaning),
  'every field, HTML, an invalid key and other adapters’ bags': {
    visitor: { id: 'USR-1', name: 'Jane <b>Smith</b>', email: 'jane@example.com', phone: '+44 20 7946 0958', firstName: 'Jane', locale: 'en-GB' },
    page: { url: 'https://shop.example.com/checkout', title: 'Checkout &amp; pay' },
    device: { language: 'en-GB', timeZone: 'Europe/London' },
    location: { country: 'GB' },
    attributes: { plan: 'Pro', seats: 12, vip: true, 'first name': 'Jane', ims_Email: 'x@y.z', account_id: 'clash' },
    vendor: { imsupporting: { pairs: { crm_ref: 'CRM-5531', nested: { a: 1 } }, other: 'x' }, genesys: { queue: 'sales' } },
  },
};

describe('translateImsupportingContext', () => {
  it('gives a fixture payload with no warnings, like toVendor', () => {
    expect(translateImsupportingContext(fixtureContexts['seed example']!)).toEqual({
      ok: true,
      value: { ims_username: 'Jane Smith', ims_email: 'jane@example.com', account_id: 'USR-84920', plan: 'Pro', last_order: '#ORD-20241122' },
      diagnostics: [],
    });
  });

  it.each(Object.entries(fixtureContexts))('gives the same payload and diagnostics as toVendor for the %s context', (_name, context) => {
    // A context toVendor refuses would make the comparison say little about the translation itself.
    expect(imsupportingAdapter.toVendor(context).ok).toBe(true);
    for (const options of optionVariants) {
      expect(translateImsupportingContext(context, options)).toEqual(imsupportingAdapter.toVendor(context, options));
    }
  });

  it('gives the same result as toVendor for every valid context and options', () => {
    fc.assert(
      fc.property(visitorContextArbitrary(), optionsArbitrary, (context, options) => {
        expect(translateImsupportingContext(context, options)).toEqual(imsupportingAdapter.toVendor(context, options));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the key order toVendor sends, which decides what the 50-pair cut drops', () => {
    const context = fixtureContexts['every field, HTML, an invalid key and other adapters’ bags']!;
    const translated = translateImsupportingContext(context);
    const expected = imsupportingAdapter.toVendor(context);
    expect(translated.ok && Object.keys(translated.value)).toEqual(expected.ok && Object.keys(expected.value));
  });

  it('refuses what is not plain data instead of throwing, without running a getter', () => {
    let read = false;
    const visitor = Object.defineProperty({}, 'name', {
      enumerable: true,
      get: () => {
        read = true;
        return 'Jane';
      },
    });
    const result = translateImsupportingContext({ visitor } as VisitorContext);
    expect(result.ok).toBe(false);
    expect(read).toBe(false);
    expect(translateImsupportingContext(null as unknown as VisitorContext).diagnostics.map((item) => item.code)).toEqual(['not_an_object']);
  });
});


describe('./browser entry boundary', () => {
  it('reaches no zod at run time, so translation in the browser never constructs or runs a schema', () => {
    const reached = [...reachableImports(new URL('./browser.ts', import.meta.url))];
    expect(reached).toContain('./to-imsupporting.ts');
    expect(reached.filter((name) => name.startsWith('zod') || name === './imsupporting-options.ts' || name === './imsupporting-api.ts')).toEqual([]);
  });
});
