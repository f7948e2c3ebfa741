import { describe, expect, it } from 'vitest';
import type { VisitorContext } from '@visitor-context/core';
import { createImsupportingAdapter, imsupportingAdapter } from './index.js';

const warnings = (result: { diagnostics: readonly { code: string; severity: string; path: readonly (string | number)[] }[] }) =>
  result.diagnostics.map(({ code, severity, path }) => `${severity} ${code} ${path.join('.')}`);

describe('toVendor', () => {
  it('sends pre-fill keys first, then visitor metadata, attributes, page, device and location', () => {
    const result = imsupportingAdapter.toVendor({
      visitor: { id: 'USR-84920', name: 'Jane Smith', email: 'jane@example.com', phone: '+44 20 7946 0958', company: 'Acme Ltd' },
      attributes: { plan: 'Pro', last_order: '#ORD-20241122' },
      page: { url: 'https://shop.example.com/checkout' },
      device: { language: 'en-GB' },
      location: { country: 'GB' },
    });
    expect(result.ok && Object.entries(result.value)).toMatchInlineSnapshot(`
      [
        [
          "ims_username",
          "Jane Smith",
        ],
        [
          "ims_email",
          "jane@example.com",
        ],
        [
          "ims_telephone",
          "+44 20 7946 0958",
        ],
        [
          "account_id",
          "USR-84920",
        ],
        [
          "company",
          "Acme Ltd",
        ],
        [
          "plan",
          "Pro",
        ],
        [
          "last_order",
          "#ORD-20241122",
        ],
        [
          "page_url",
          "https://shop.example.com/checkout",
        ],
        [
          "browser_language",
          "en-GB",
        ],
        [
          "country",
          "GB",
        ],
      ]
    `);
    expect(warnings(result)).toEqual([]);
  });

  it('uses the ims_phone alias only when asked', () => {
    const context: VisitorContext = { visitor: { phone: '+44 7700 900123' } };
    expect(imsupportingAdapter.toVendor(context)).toMatchObject({ ok: true, value: { ims_telephone: '+44 7700 900123' } });
    expect(imsupportingAdapter.toVendor(context, { phoneKey: 'ims_phone' })).toMatchObject({
      ok: true,
      value: { ims_phone: '+44 7700 900123' },
    });
  });

  it('warns that an ims_phone attribute next to ims_telephone is only an ignored alias', () => {
    const result = imsupportingAdapter.toVendor({ visitor: { phone: '+44 20 7946 0958' }, attributes: { ims_phone: '+44 7700 900123' } });
    expect(result.ok && result.value).toEqual({ ims_telephone: '+44 20 7946 0958', ims_phone: '+44 7700 900123' });
    expect(result.diagnostics.map((item) => [item.code, item.message])).toEqual([
      [
        'field_renamed',
        'attributes.ims_phone is sent as "ims_phone", a key this adapter reads back as vendor.imsupporting.pairs.ims_phone. Rename the attribute, or set vendor.imsupporting.pairs.ims_phone instead.',
      ],
    ]);
  });

  it('converts numbers and booleans to strings, with a warning naming each', () => {
    const result = imsupportingAdapter.toVendor({ attributes: { orders: 12, vip: true, ratio: 0.5 } });
    expect(result.ok && result.value).toEqual({ orders: '12', vip: 'true', ratio: '0.5' });
    expect(warnings(result)).toMatchInlineSnapshot(`
      [
        "warning value_coerced attributes.orders",
        "warning value_coerced attributes.vip",
        "warning value_coerced attributes.ratio",
      ]
    `);
  });

  it('drops keys the server rejects, or replaces their characters when asked', () => {
    const context: VisitorContext = { attributes: { 'first name': 'Jane', 'crm.ref': 'C-1', 'ok-key_1': 'yes' } };
    const dropped = imsupportingAdapter.toVendor(context);
    expect(dropped.ok && dropped.value).toEqual({ 'ok-key_1': 'yes' });
    expect(dropped.diagnostics).toMatchInlineSnapshot(`
      [
        {
          "code": "field_dropped",
          "message": "attributes["first name"] is not sent: the server silently drops keys that do not match ^[a-zA-Z0-9_-]+$ (letters, digits, "_" and "-"). Rename it, or pass invalidKeys: "replace".",
          "path": [
            "attributes",
            "first name",
          ],
          "severity": "warning",
        },
        {
          "code": "field_dropped",
          "message": "attributes["crm.ref"] is not sent: the server silently drops keys that do not match ^[a-zA-Z0-9_-]+$ (letters, digits, "_" and "-"). Rename it, or pass invalidKeys: "replace".",
          "path": [
            "attributes",
            "crm.ref",
          ],
          "severity": "warning",
        },
      ]
    `);
    const replaced = imsupportingAdapter.toVendor(context, { invalidKeys: 'replace' });
    expect(replaced.ok && replaced.value).toEqual({ first_name: 'Jane', crm_ref: 'C-1', 'ok-key_1': 'yes' });
    expect(warnings(replaced)).toMatchInlineSnapshot(`
      [
        "warning field_renamed attributes.first name",
        "warning field_renamed attributes.first name",
        "warning field_renamed attributes.crm.ref",
      ]
    `);
  });

  it('sends values as the server stores them: HTML decoded and stripped, cut to 500 characters', () => {
    const result = imsupportingAdapter.toVendor({
      attributes: {
        note: 'VIP <b>customer</b>',
        carrier: 'AT&amp;T',
        comparison: 'a < b',
        long: 'x'.repeat(501),
        emoji: `${'y'.repeat(499)}😀😀`,
        double: '&amp;lt;b&amp;gt;',
      },
    });
    expect(result.ok && result.value).toMatchInlineSnapshot(`
      {
        "carrier": "AT&T",
        "comparison": "a < b",
        "double": "&amp;lt;b&amp;gt;",
        "emoji": "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy😀",
        "long": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "note": "VIP customer",
      }
    `);
    expect(warnings(result)).toMatchInlineSnapshot(`
      [
        "warning html_sanitized attributes.note",
        "warning html_sanitized attributes.carrier",
        "warning value_truncated attributes.long",
        "warning value_truncated attributes.emoji",
        "warning html_sanitized attributes.double",
      ]
    `);
  });

  it('warns about ims_-prefixed keys that are not reserved, and about keys that read back as other fields', () => {
    const result = imsupportingAdapter.toVendor({
      visitor: { email: 'jane@example.com' },
      attributes: { ims_Email: 'jane@example.com', IMS_plan: 'Pro', ims_email: 'other@example.com', company: 'Acme', account_id: 'A-1' },
    });
    expect(result.ok && result.value).toMatchInlineSnapshot(`
      {
        "IMS_plan": "Pro",
        "account_id": "A-1",
        "company": "Acme",
        "ims_Email": "jane@example.com",
        "ims_email": "jane@example.com",
      }
    `);
    expect(result.diagnostics).toMatchInlineSnapshot(`
      [
        {
          "code": "unreserved_ims_key",
          "message": ""ims_Email" starts with "ims_" but is not a reserved pre-fill key (keys are case-sensitive; the reserved ones are ims_username, ims_email, ims_telephone and ims_phone). The vendor shows it as plain metadata and pre-fills nothing.",
          "path": [
            "attributes",
            "ims_Email",
          ],
          "severity": "warning",
        },
        {
          "code": "unreserved_ims_key",
          "message": ""IMS_plan" starts with "ims_" but is not a reserved pre-fill key (keys are case-sensitive; the reserved ones are ims_username, ims_email, ims_telephone and ims_phone). The vendor shows it as plain metadata and pre-fills nothing.",
          "path": [
            "attributes",
            "IMS_plan",
          ],
          "severity": "warning",
        },
        {
          "code": "field_dropped",
          "message": "attributes.ims_email is not sent: its key "ims_email" already carries visitor.email. Rename one of them.",
          "path": [
            "attributes",
            "ims_email",
          ],
          "severity": "warning",
        },
        {
          "code": "field_renamed",
          "message": "attributes.company is sent as "company", a key this adapter reads back as visitor.company. Rename the attribute, or set visitor.company instead.",
          "path": [
            "attributes",
            "company",
          ],
          "severity": "warning",
        },
        {
          "code": "field_renamed",
          "message": "attributes.account_id is sent as "account_id", a key this adapter reads back as visitor.id. Rename the attribute, or set visitor.id instead.",
          "path": [
            "attributes",
            "account_id",
          ],
          "severity": "warning",
        },
      ]
    `);
  });

  it('keeps only the first 50 pairs, pre-fill keys first', () => {
    const attributes = Object.fromEntries(Array.from({ length: 60 }, (_, index) => [`key_${index}`, `value ${index}`]));
    const result = imsupportingAdapter.toVendor({ visitor: { name: 'Jane Smith' }, attributes });
    expect(result.ok && Object.keys(result.value)).toHaveLength(50);
    expect(result.ok && Object.keys(result.value)[0]).toBe('ims_username');
    expect(warnings(result)).toEqual(
      Array.from({ length: 11 }, (_, index) => `warning field_dropped attributes.key_${index + 49}`),
    );
  });

  it('drops trailing pairs until the base64 payload fits in 20,000 characters', () => {
    const attributes = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`key_${index}`, 'é'.repeat(300)]));
    const result = imsupportingAdapter.toVendor({ attributes });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const base64 = btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(result.value))));
    expect(base64.length).toBeLessThanOrEqual(20_000);
    const withNext = { ...result.value, extra: 'é'.repeat(300) };
    expect(btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(withNext)))).length).toBeGreaterThan(20_000);
    const kept = Object.keys(result.value).length;
    expect(warnings(result)).toEqual(
      Array.from({ length: 40 - kept }, (_, index) => `warning field_dropped attributes.key_${kept + index}`),
    );
  });

  it('turns every warning into an error under strict', () => {
    const result = imsupportingAdapter.toVendor({ attributes: { 'first name': 'Jane', plan: 'Pro' } }, { strict: true });
    expect(result.ok).toBe(false);
    expect(warnings(result)).toEqual(['error field_dropped attributes.first name']);
  });

  it('sends the vendor bag pairs back and reports what it cannot send', () => {
    const result = imsupportingAdapter.toVendor({
      visitor: { phone: '+44 20 7946 0958' },
      vendor: {
        imsupporting: {
          pairs: { ims_phone: '+44 7700 900123', nested: { a: 1 } },
          rejectedFields: { 'visitor.email': 'n/a' },
          other: 'x',
        },
        giosg: { room: 'r1' },
      },
    });
    expect(result.ok && result.value).toEqual({ ims_telephone: '+44 20 7946 0958', ims_phone: '+44 7700 900123', ims_email: 'n/a' });
    expect(warnings(result)).toEqual([
      'warning field_dropped vendor.giosg',
      'warning field_dropped vendor.imsupporting.pairs.nested',
      'warning field_dropped vendor.imsupporting.other',
    ]);
  });

  it('uses configured metadata keys and reports fields turned off', () => {
    const adapter = createImsupportingAdapter({ metadataKeys: { 'visitor.id': 'customer_id', 'device.ip': false } });
    const result = adapter.toVendor({ visitor: { id: 'C-1' }, device: { ip: '203.0.113.9' } });
    expect(result.ok && result.value).toEqual({ customer_id: 'C-1' });
    expect(warnings(result)).toEqual(['warning field_dropped device.ip']);
    expect(adapter.fromVendor({ customer_id: 'C-1' })).toMatchObject({ ok: true, value: { visitor: { id: 'C-1' } } });
  });

  it('refuses invalid factory and call options', () => {
    expect(() => createImsupportingAdapter({ metadataKeys: { 'visitor.id': 'ims_account' } })).toThrow(/ims_/);
    expect(() => createImsupportingAdapter({ metadataKeys: { 'visitor.id': 'plan', 'visitor.company': 'plan' } })).toThrow(
      /already the key/,
    );
    expect(() => createImsupportingAdapter({ limits: { keyPattern: '(' } })).toThrow(/regular expression/);
    const result = imsupportingAdapter.toVendor({}, { phoneKey: 'phone' as never });
    expect(result.ok).toBe(false);
    expect(warnings(result)).toEqual(['error invalid_option phoneKey']);
  });

  it('fails without throwing on an invalid context', () => {
    const result = imsupportingAdapter.toVendor({ visitor: { email: 'not an email' } });
    expect(result.ok).toBe(false);
    expect(warnings(result)).toEqual(['error invalid_email visitor.email']);
  });
});
