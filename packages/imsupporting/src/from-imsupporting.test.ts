import { describe, expect, it } from 'vitest';
import { imsupportingAdapter } from './index.js';
import activeSessionsRow from './__fixtures__/activesessions-row.json' with { type: 'json' };
import bothPhoneKeys from './__fixtures__/both-phone-keys-context.json' with { type: 'json' };
import phpSession from './__fixtures__/php-session-context.json' with { type: 'json' };
import seedExample from './__fixtures__/seed-example-context.json' with { type: 'json' };
import wirePayloads from './__fixtures__/wire-payloads.json' with { type: 'json' };
import wordpress from './__fixtures__/wordpress-context.json' with { type: 'json' };

const summary = (result: { diagnostics: readonly { code: string; severity: string; path: readonly (string | number)[] }[] }) =>
  result.diagnostics.map(({ code, severity, path }) => `${severity} ${code} ${path.join('.')}`);

describe('fromVendor: stored visitor_context_data', () => {
  it('reads the documentation example', () => {
    expect(imsupportingAdapter.fromVendor(seedExample)).toMatchInlineSnapshot(`
      {
        "diagnostics": [],
        "ok": true,
        "value": {
          "attributes": {
            "last_order": "#ORD-20241122",
            "plan": "Pro",
          },
          "visitor": {
            "email": "jane@example.com",
            "id": "USR-84920",
            "name": "Jane Smith",
          },
        },
      }
    `);
  });

  it('reads the PHP session example, with ims_telephone and company', () => {
    expect(imsupportingAdapter.fromVendor(phpSession)).toMatchInlineSnapshot(`
      {
        "diagnostics": [],
        "ok": true,
        "value": {
          "attributes": {
            "last_login": "2024-11-22 09:14",
            "plan": "Pro",
          },
          "visitor": {
            "company": "Acme Ltd",
            "email": "jane@example.com",
            "id": "USR-84920",
            "name": "Jane Smith",
            "phone": "+44 20 7946 0958",
          },
        },
      }
    `);
  });

  it('reads the WordPress example, keeping a numeric id as a number attribute', () => {
    expect(imsupportingAdapter.fromVendor(wordpress)).toMatchInlineSnapshot(`
      {
        "diagnostics": [],
        "ok": true,
        "value": {
          "attributes": {
            "last_order": "#20241122",
            "wp_role": "customer, subscriber",
            "wp_user_id": 1842,
          },
          "visitor": {
            "email": "jane@example.com",
            "name": "Jane Smith",
          },
        },
      }
    `);
  });

  it('prefers ims_telephone and keeps ims_phone in the vendor bag', () => {
    expect(imsupportingAdapter.fromVendor(bothPhoneKeys)).toMatchInlineSnapshot(`
      {
        "diagnostics": [],
        "ok": true,
        "value": {
          "attributes": {
            "crm_ref": "CRM-5531",
          },
          "vendor": {
            "imsupporting": {
              "pairs": {
                "ims_phone": "+44 7700 900123",
              },
            },
          },
          "visitor": {
            "name": "Jane Smith",
            "phone": "+44 20 7946 0958",
          },
        },
      }
    `);
    expect(imsupportingAdapter.fromVendor({ ims_phone: '+44 7700 900123' })).toMatchObject({
      ok: true,
      value: { visitor: { phone: '+44 7700 900123' } },
    });
  });

  it('reads the JSON text of an activesessions row column', () => {
    const result = imsupportingAdapter.fromVendor(activeSessionsRow.visitor_context_data);
    expect(result).toEqual(imsupportingAdapter.fromVendor(seedExample));
  });

  it('gives back what came in: vendor → canonical → vendor', () => {
    for (const fixture of [seedExample, phpSession, bothPhoneKeys]) {
      const canonical = imsupportingAdapter.fromVendor(fixture);
      expect(canonical.ok).toBe(true);
      if (!canonical.ok) continue;
      const back = imsupportingAdapter.toVendor(canonical.value);
      expect(back).toMatchObject({ ok: true, diagnostics: [] });
      expect(back.ok && back.value).toEqual(fixture);
    }
    const wordpressBack = imsupportingAdapter.toVendor(imsupportingAdapter.fromVendor(wordpress).ok ? (imsupportingAdapter.fromVendor(wordpress) as { value: object }).value : {});
    expect(wordpressBack.ok && wordpressBack.value).toEqual({ ...wordpress, wp_user_id: '1842' });
    expect(summary(wordpressBack)).toEqual(['warning value_coerced attributes.wp_user_id']);
  });

  it('keeps what has no canonical field in vendor.imsupporting, and invalid emails in rejectedFields', () => {
    const result = imsupportingAdapter.fromVendor({ ims_email: 'n/a', [`k${'x'.repeat(100)}`]: 'long key', list: [1, 2] });
    expect(result).toMatchInlineSnapshot(`
      {
        "diagnostics": [
          {
            "code": "field_dropped",
            "message": "The imsupporting payload's value for visitor.email is not valid in the canonical model (visitor.email is not a valid email address. Send a valid address, or leave it out.); it was kept in vendor.imsupporting.rejectedFields instead.",
            "path": [
              "visitor",
              "email",
            ],
            "severity": "warning",
          },
        ],
        "ok": true,
        "value": {
          "vendor": {
            "imsupporting": {
              "pairs": {
                "kxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx": "long key",
                "list": [
                  1,
                  2,
                ],
              },
              "rejectedFields": {
                "visitor.email": "n/a",
              },
            },
          },
        },
      }
    `);
    const back = result.ok ? imsupportingAdapter.toVendor(result.value) : result;
    expect(back.ok && back.value).toEqual({ ims_email: 'n/a' });
    expect(summary(back)).toEqual([
      `warning field_dropped vendor.imsupporting.pairs.k${'x'.repeat(100)}`,
      'warning field_dropped vendor.imsupporting.pairs.list',
    ]);
  });

  it('refuses payloads that are not objects', () => {
    expect(summary(imsupportingAdapter.fromVendor([seedExample]))).toEqual(['error not_an_object ']);
    expect(summary(imsupportingAdapter.fromVendor(42))).toEqual(['error not_an_object ']);
    expect(summary(imsupportingAdapter.fromVendor('{"__proto__":{"x":1}}'))).toEqual(['error forbidden_key __proto__']);
  });
});

describe('fromVendor: base64 wire payload', () => {
  it('decodes the documentation example', () => {
    expect(imsupportingAdapter.fromVendor(wirePayloads.seedExample)).toEqual(imsupportingAdapter.fromVendor(seedExample));
  });

  it('applies the server rules pair by pair, with a warning for each change', () => {
    expect(imsupportingAdapter.fromVendor(wirePayloads.needsServerCleaning)).toMatchInlineSnapshot(`
      {
        "diagnostics": [
          {
            "code": "html_sanitized",
            "message": "visitor.name is stored HTML-decoded and without tags.",
            "path": [
              "visitor",
              "name",
            ],
            "severity": "warning",
          },
          {
            "code": "field_dropped",
            "message": "The key "first name" does not match ^[a-zA-Z0-9_-]+$; the server drops the pair.",
            "path": [
              "attributes",
              "first name",
            ],
            "severity": "warning",
          },
          {
            "code": "value_coerced",
            "message": "attributes.tier is stored as the string "3".",
            "path": [
              "attributes",
              "tier",
            ],
            "severity": "warning",
          },
          {
            "code": "value_coerced",
            "message": "attributes.vip is stored as the string "true".",
            "path": [
              "attributes",
              "vip",
            ],
            "severity": "warning",
          },
          {
            "code": "html_sanitized",
            "message": "attributes.note is stored HTML-decoded and without tags.",
            "path": [
              "attributes",
              "note",
            ],
            "severity": "warning",
          },
          {
            "code": "field_dropped",
            "message": "attributes.nested is not a string, number or boolean; the server does not keep it.",
            "path": [
              "attributes",
              "nested",
            ],
            "severity": "warning",
          },
        ],
        "ok": true,
        "value": {
          "attributes": {
            "ims_Email": "jane@example.com",
            "note": "AT&T account",
            "tier": "3",
            "vip": "true",
          },
          "visitor": {
            "name": "Jane Smith",
          },
        },
      }
    `);
  });

  it.each([
    ['array', 'not_an_object'],
    ['notBase64', 'invalid_base64'],
    ['notJson', 'invalid_json'],
    ['tooLong', 'too_large'],
    ['wrappedLines', 'invalid_base64'],
  ] as const)('discards the whole %s payload with an error, as the server does', (name, code) => {
    const result = imsupportingAdapter.fromVendor(wirePayloads[name]);
    expect(result.ok).toBe(false);
    expect(summary(result)).toEqual([`error ${code} `]);
  });

  it('accepts the payload at exactly 20,000 characters and keeps only the first 50 pairs', () => {
    const pairs = Object.fromEntries(Array.from({ length: 52 }, (_, index) => [`k${index}`, 'v']));
    const result = imsupportingAdapter.fromVendor(btoa(JSON.stringify(pairs)));
    expect(result.ok && Object.keys(result.value.attributes ?? {})).toHaveLength(50);
    expect(summary(result)).toEqual(['warning field_dropped attributes.k50', 'warning field_dropped attributes.k51']);
    const padded = btoa(JSON.stringify({ k: 'x'.repeat(14_990) }));
    expect(padded).toHaveLength(20_000);
    expect(imsupportingAdapter.fromVendor(padded).ok).toBe(true);
    expect(summary(imsupportingAdapter.fromVendor(btoa(JSON.stringify({ k: 'x'.repeat(14_993) }))))).toEqual(['error too_large ']);
  });

  it('turns the wire warnings into errors under strict', () => {
    const result = imsupportingAdapter.fromVendor(wirePayloads.needsServerCleaning, { strict: true });
    expect(result.ok).toBe(false);
  });
});

describe('fromVendor: a whole activesessions / chatlogs record', () => {
  const record = {
    jsSessionId: 'b6f1c0e2-5c1d-4d0f-9a43-2f1d7c9e8a10',
    siteid: 'YOUR_SITEID',
    visitor_context_data: '{"account_id":"USR-84920","plan":"Pro","ims_username":"Jane Smith","ims_email":"jane@example.com"}',
  };

  it('reads visitor_context_data (JSON text) and keeps the record\'s other fields in vendor.imsupporting.record', () => {
    expect(imsupportingAdapter.fromVendor(record)).toEqual({
      ok: true,
      value: {
        visitor: { id: 'USR-84920', name: 'Jane Smith', email: 'jane@example.com' },
        attributes: { plan: 'Pro' },
        vendor: { imsupporting: { record: { jsSessionId: record.jsSessionId, siteid: 'YOUR_SITEID' } } },
      },
      diagnostics: [],
    });
    expect(imsupportingAdapter.fromVendor(JSON.stringify(record))).toEqual(imsupportingAdapter.fromVendor(record));
  });

  it('refuses a visitor_context_data that is not a JSON object, with the path', () => {
    expect(imsupportingAdapter.fromVendor({ ...record, visitor_context_data: '{"a":' })).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'invalid_json', path: ['visitor_context_data'] }],
    });
    expect(imsupportingAdapter.fromVendor({ ...record, visitor_context_data: '[1]' })).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'not_an_object', path: ['visitor_context_data'] }],
    });
    expect(imsupportingAdapter.fromVendor({ ...record, visitor_context_data: '{"__proto__":{"x":1}}' })).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'forbidden_key', path: ['visitor_context_data', '__proto__'] }],
    });
  });
});
