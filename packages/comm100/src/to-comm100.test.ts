import { describe, expect, it } from 'vitest';
import { comm100Adapter, createComm100Adapter } from './index.js';
import { hostile, namedInParts, shopper } from './__fixtures__/visitor-contexts.js';

const summary = (result: ReturnType<typeof comm100Adapter.toVendor>) => ({
  value: result.ok ? result.value : undefined,
  warnings: result.diagnostics.map((item) => `${item.severity} ${item.code} ${item.path.join('.')}`),
});

describe('toVendor', () => {
  it('sends attributes as custom variables and visitor fields as pre-chat values, reporting the rest', () => {
    expect(summary(comm100Adapter.toVendor(shopper))).toMatchInlineSnapshot(`
      {
        "value": {
          "customVariables": [
            {
              "name": "plan",
              "value": "pro",
            },
            {
              "name": "cart_total",
              "value": "129.9",
            },
            {
              "name": "returning",
              "value": "true",
            },
          ],
          "prechatFields": [
            {
              "type": "name",
              "value": "Ada Lovelace",
            },
            {
              "type": "email",
              "value": "ada@example.com",
            },
            {
              "type": "phone",
              "value": "+44 20 7946 0000",
            },
            {
              "type": "company",
              "value": "Analytical Engines Ltd",
            },
          ],
          "skipPrechat": false,
        },
        "warnings": [
          "warning field_dropped visitor.id",
          "warning field_dropped visitor.locale",
          "warning field_dropped page.url",
          "warning field_dropped page.title",
          "warning value_coerced attributes.cart_total",
          "warning value_coerced attributes.returning",
          "warning custom_variables_unverified attributes",
        ],
      }
    `);
  });

  it('drops attributes whose names are not defined in the Control Panel, instead of letting Comm100 drop them silently', () => {
    const adapter = createComm100Adapter({ customVariables: ['plan', 'user_id'], fieldVariables: { 'visitor.id': 'user_id' } });
    expect(summary(adapter.toVendor(shopper))).toMatchInlineSnapshot(`
      {
        "value": {
          "customVariables": [
            {
              "name": "user_id",
              "value": "u-42",
            },
            {
              "name": "plan",
              "value": "pro",
            },
          ],
          "prechatFields": [
            {
              "type": "name",
              "value": "Ada Lovelace",
            },
            {
              "type": "email",
              "value": "ada@example.com",
            },
            {
              "type": "phone",
              "value": "+44 20 7946 0000",
            },
            {
              "type": "company",
              "value": "Analytical Engines Ltd",
            },
          ],
          "skipPrechat": false,
        },
        "warnings": [
          "warning field_dropped visitor.locale",
          "warning field_dropped page.url",
          "warning field_dropped page.title",
          "warning field_dropped attributes.cart_total",
          "warning field_dropped attributes.returning",
        ],
      }
    `);
  });

  it('joins first and last name into the pre-chat name when there is no name', () => {
    expect(summary(comm100Adapter.toVendor(namedInParts))).toMatchInlineSnapshot(`
      {
        "value": {
          "customVariables": [],
          "prechatFields": [
            {
              "type": "email",
              "value": "grace@example.com",
            },
            {
              "type": "name",
              "value": "Grace Hopper",
            },
          ],
          "skipPrechat": false,
        },
        "warnings": [
          "warning field_renamed visitor.firstName",
          "warning field_renamed visitor.lastName",
        ],
      }
    `);
  });

  it('can leave the pre-chat form alone, or ask Comm100 to skip it', () => {
    expect(summary(comm100Adapter.toVendor(namedInParts, { prechat: false, skipPrechat: true }))).toMatchInlineSnapshot(`
      {
        "value": {
          "customVariables": [],
          "prechatFields": [],
          "skipPrechat": true,
        },
        "warnings": [
          "warning field_dropped visitor.firstName",
          "warning field_dropped visitor.lastName",
          "warning field_dropped visitor.email",
        ],
      }
    `);
  });

  it('keeps hostile values as data (encoding is the snippet\'s job)', () => {
    const result = comm100Adapter.toVendor(hostile, { customVariables: ['plan'] });
    expect(result.ok && result.value.prechatFields).toEqual([
      { type: 'name', value: '</script><script>alert(1)</script>' },
      { type: 'email', value: 'x@example.com' },
    ]);
    expect(result.ok && result.value.customVariables).toEqual([{ name: 'plan', value: '\u2028\u2029</SCRIPT >' }]);
  });

  it('does not send the same custom variable twice', () => {
    const adapter = createComm100Adapter({ customVariables: ['plan'], fieldVariables: { 'visitor.company': 'plan' } });
    const result = adapter.toVendor({ visitor: { company: 'ACME' }, attributes: { plan: 'pro' } });
    expect(summary(result)).toEqual({
      value: { customVariables: [{ name: 'plan', value: 'ACME' }], prechatFields: [{ type: 'company', value: 'ACME' }], skipPrechat: false },
      warnings: ['warning field_dropped attributes.plan'],
    });
  });

  it('fails under strict when anything is lost, and on invalid contexts and options, without throwing', () => {
    expect(comm100Adapter.toVendor(shopper, { strict: true }).ok).toBe(false);
    expect(comm100Adapter.toVendor({ visitor: { name: 'A' } }, { strict: true })).toEqual({
      ok: true,
      value: { customVariables: [], prechatFields: [{ type: 'name', value: 'A' }], skipPrechat: false },
      diagnostics: [],
    });
    expect(summary(comm100Adapter.toVendor({ visitor: { email: 'nope' } } as never)).warnings).toEqual(['error invalid_email visitor.email']);
    expect(summary(comm100Adapter.toVendor(shopper, { customVariables: 'plan' } as never)).warnings).toEqual([
      'error invalid_option customVariables',
    ]);
    expect(summary(comm100Adapter.toVendor(shopper, { fieldVariables: { 'visitor.nickname': 'x' } } as never)).warnings[0]).toMatch(
      /^error invalid_option fieldVariables/,
    );
  });

  it('rejects invalid factory options at start-up', () => {
    expect(() => createComm100Adapter({ customVariables: [''] })).toThrow(/customVariables/);
  });

  it('declares fields mapped with fieldVariables in its capabilities', () => {
    const adapter = createComm100Adapter({ fieldVariables: { 'visitor.id': 'user_id', 'page.url': 'page' } });
    expect(adapter.capabilities.fields.filter((field) => field.canonical === 'visitor.id' || field.canonical === 'page.url')).toEqual([
      { canonical: 'page.url', vendorName: 'visitor.current_browsing / custom variable page', valueType: 'string', note: 'Also sent as custom variable "page", which wins when read back.' },
      { canonical: 'visitor.id', vendorName: 'custom variable user_id', valueType: 'string' },
    ]);
  });
});
