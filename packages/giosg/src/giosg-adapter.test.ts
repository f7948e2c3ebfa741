import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { VisitorContext } from '@visitor-context/core';
import { createGiosgAdapter, giosgAdapter } from './index.js';

const fixturesDirectory = new URL('./__fixtures__/', import.meta.url);
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(name, fixturesDirectory), 'utf8'));
const fixtureNames = readdirSync(fixturesDirectory).filter((name) => name.endsWith('.json')).sort();

const loggedInCustomer: VisitorContext = {
  visitor: { id: 'C-1001', name: 'Ada Lovelace', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000', company: 'Analytical Engines Ltd', locale: 'en-GB' },
  attributes: { plan: 'pro', seats: 12, vip: true },
  page: { url: 'https://shop.example/cart' },
  device: { browser: 'Chrome 131' },
  location: { country: 'GB' },
};

describe('toVendor', () => {
  it('sends visitor fields and attributes as keys, username renaming the visitor, and reports what giosg records itself', () => {
    expect(giosgAdapter.toVendor(loggedInCustomer)).toMatchInlineSnapshot(`
      {
        "diagnostics": [
          {
            "code": "field_dropped",
            "message": "giosg's visitor API has no place for page.url; giosg records the visitor's page, browser and location itself. It was not sent.",
            "path": [
              "page",
              "url",
            ],
            "severity": "warning",
          },
          {
            "code": "field_dropped",
            "message": "giosg's visitor API has no place for device.browser; giosg records the visitor's page, browser and location itself. It was not sent.",
            "path": [
              "device",
              "browser",
            ],
            "severity": "warning",
          },
          {
            "code": "field_dropped",
            "message": "giosg's visitor API has no place for location.country; giosg records the visitor's page, browser and location itself. It was not sent.",
            "path": [
              "location",
              "country",
            ],
            "severity": "warning",
          },
        ],
        "ok": true,
        "value": {
          "replaceExisting": false,
          "signingAlgorithm": "plain",
          "visitorData": {
            "company": "Analytical Engines Ltd",
            "customer_id": "C-1001",
            "email": "ada@example.com",
            "first_name": "Ada",
            "last_name": "Lovelace",
            "locale": "en-GB",
            "phone": "+44 20 7946 0000",
            "plan": "pro",
            "seats": 12,
            "username": "Ada Lovelace",
            "vip": true,
          },
        },
      }
    `);
  });

  it('renames attributes that giosg would read back as another field, reversibly', () => {
    const context: VisitorContext = {
      visitor: { email: 'ada@example.com' },
      attributes: { email: 'billing@example.com', exp: 5, _checksum: 'x', 'attributes.plan': 'pro', username: 'ada' },
    };
    const outbound = giosgAdapter.toVendor(context);
    expect(outbound).toMatchInlineSnapshot(`
      {
        "diagnostics": [
          {
            "code": "field_renamed",
            "message": "giosg would read the key "email" back as another field, so this attribute is sent as "attributes.email" (and read back as attributes.email).",
            "path": [
              "attributes",
              "email",
            ],
            "severity": "warning",
          },
          {
            "code": "field_renamed",
            "message": "giosg would read the key "exp" back as another field, so this attribute is sent as "attributes.exp" (and read back as attributes.exp).",
            "path": [
              "attributes",
              "exp",
            ],
            "severity": "warning",
          },
          {
            "code": "field_renamed",
            "message": "giosg would read the key "_checksum" back as another field, so this attribute is sent as "attributes._checksum" (and read back as attributes._checksum).",
            "path": [
              "attributes",
              "_checksum",
            ],
            "severity": "warning",
          },
          {
            "code": "field_renamed",
            "message": "giosg would read the key "attributes.plan" back as another field, so this attribute is sent as "attributes.attributes.plan" (and read back as attributes.attributes.plan).",
            "path": [
              "attributes",
              "attributes.plan",
            ],
            "severity": "warning",
          },
          {
            "code": "field_renamed",
            "message": "giosg would read the key "username" back as another field, so this attribute is sent as "attributes.username" (and read back as attributes.username).",
            "path": [
              "attributes",
              "username",
            ],
            "severity": "warning",
          },
        ],
        "ok": true,
        "value": {
          "replaceExisting": false,
          "signingAlgorithm": "plain",
          "visitorData": {
            "attributes._checksum": "x",
            "attributes.attributes.plan": "pro",
            "attributes.email": "billing@example.com",
            "attributes.exp": 5,
            "attributes.username": "ada",
            "email": "ada@example.com",
          },
        },
      }
    `);
    const inbound = giosgAdapter.fromVendor(outbound.ok ? outbound.value : null);
    expect(inbound.ok && inbound.value).toEqual(context);
  });

  it('takes rooms and replaceExisting from options, then from vendor.giosg, and turns warnings into errors under strict', () => {
    const context: VisitorContext = { visitor: { name: 'Ada' }, vendor: { giosg: { rooms: [{ id: 'room-1' }], replaceExisting: true } } };
    expect(giosgAdapter.toVendor(context)).toMatchObject({ ok: true, value: { rooms: [{ id: 'room-1' }], replaceExisting: true } });
    expect(giosgAdapter.toVendor(context, { rooms: [{ name: 'Sales' }], replaceExisting: false })).toMatchObject({
      ok: true,
      value: { rooms: [{ name: 'Sales' }], replaceExisting: false },
    });
    const strict = giosgAdapter.toVendor(loggedInCustomer, { strict: true });
    expect(strict.ok).toBe(false);
    expect(strict.diagnostics.map((item) => [item.code, item.severity, item.path.join('.')])).toEqual([
      ['field_dropped', 'error', 'page.url'],
      ['field_dropped', 'error', 'device.browser'],
      ['field_dropped', 'error', 'location.country'],
    ]);
  });

  it('refuses invalid options', () => {
    const result = giosgAdapter.toVendor({ visitor: { name: 'Ada' } }, { rooms: [{ room: 'x' }] } as never);
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]?.code).toBe('invalid_option');
  });

  it('binds defaults with createGiosgAdapter; per-call options win', () => {
    const adapter = createGiosgAdapter({ rooms: [{ name: 'Support' }], replaceExisting: true });
    expect(adapter.toVendor({ visitor: { name: 'Ada' } })).toMatchObject({ value: { rooms: [{ name: 'Support' }], replaceExisting: true } });
    expect(adapter.toVendor({ visitor: { name: 'Ada' } }, { replaceExisting: false })).toMatchObject({ value: { replaceExisting: false } });
    expect(createGiosgAdapter({ strict: true }).toVendor(loggedInCustomer).ok).toBe(false);
  });
});

describe('fromVendor of every fixture', () => {
  it.each(fixtureNames)('%s', (name) => {
    expect(giosgAdapter.fromVendor(fixture(name))).toMatchSnapshot();
  });

  it('accepts the raw JSON text the same as the parsed value', () => {
    for (const name of fixtureNames) {
      const text = readFileSync(new URL(name, fixturesDirectory), 'utf8');
      expect(giosgAdapter.fromVendor(text)).toEqual(giosgAdapter.fromVendor(fixture(name)));
    }
  });
});

describe('vendor → canonical → vendor', () => {
  it('gives back the visitor data that came in, including values with no canonical field', () => {
    const submission = { visitorData: fixture('visitor-data-wordpress-login.json'), signingAlgorithm: 'plain', replaceExisting: true, rooms: [{ name: 'Another room' }] };
    const inbound = giosgAdapter.fromVendor(submission);
    expect(inbound.ok).toBe(true);
    const outbound = giosgAdapter.toVendor(inbound.ok ? inbound.value : {});
    expect(outbound).toEqual({ ok: true, value: submission, diagnostics: [] });
  });

  it('sends back a value the canonical model refused, under its giosg key', () => {
    const inbound = giosgAdapter.fromVendor({ username: 'Ada', email: 'n/a' }, { format: 'visitorData' });
    expect(inbound.ok && inbound.value.vendor).toEqual({ giosg: { rejectedFields: { 'visitor.email': 'n/a' } } });
    expect(inbound.diagnostics.map((item) => item.code)).toEqual(['field_dropped']);
    const outbound = giosgAdapter.toVendor(inbound.ok ? inbound.value : {});
    expect(outbound.ok && outbound.value.visitorData).toEqual({ username: 'Ada', email: 'n/a' });
  });

  it('coerces non-text values of visitor fields with a warning', () => {
    const inbound = giosgAdapter.fromVendor([{ name: 'customer_id', value: 1001 }]);
    expect(inbound).toMatchObject({ ok: true, value: { visitor: { id: '1001' } } });
    expect(inbound.diagnostics.map((item) => [item.code, item.path])).toEqual([['value_coerced', ['visitor', 'id']]]);
  });

  it('keeps attributes beyond the canonical limit in vendor.giosg.extraData', () => {
    const items = Array.from({ length: 205 }, (_, index) => ({ name: `key_${index}`, value: String(index) }));
    const inbound = giosgAdapter.fromVendor(items);
    expect(inbound.ok).toBe(true);
    if (!inbound.ok) return;
    expect(Object.keys(inbound.value.attributes ?? {})).toHaveLength(200);
    expect(inbound.value.vendor?.['giosg']?.['extraData']).toEqual({ key_200: '200', key_201: '201', key_202: '202', key_203: '203', key_204: '204' });
    expect(inbound.diagnostics.filter((item) => item.code === 'attribute_limit')).toHaveLength(5);
    const outbound = giosgAdapter.toVendor(inbound.value);
    expect(outbound.ok && Object.keys(outbound.value.visitorData)).toHaveLength(205);
  });

  it('refuses a signed submission and a whole listing page, pointing to what to do', () => {
    const signed = giosgAdapter.fromVendor(fixture('submit-jwt.json'));
    expect(signed.ok).toBe(false);
    expect(signed.diagnostics[0]?.code).toBe('signed_payload');
    const listing = giosgAdapter.fromVendor({ count: 1, per_page: 25, results: [fixture('rest-chat.json')] });
    expect(listing.diagnostics[0]?.code).toBe('chat_listing');
    const malformed = giosgAdapter.fromVendor({ api_data: [{ value: 'x' }] });
    expect(malformed.ok).toBe(false);
    expect(malformed.diagnostics[0]).toMatchObject({ code: 'invalid_type', path: ['api_data', 0, 'name'] });
    expect(giosgAdapter.fromVendor('"just text"').ok).toBe(false);
  });
});

describe('keys named like Object.prototype members', () => {
  const prototypeNames = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];

  it('toVendor never looks a key up on Object.prototype (no "function toString() { [native code] }" keys)', () => {
    const rejectedFields = Object.fromEntries(prototypeNames.map((name) => [`visitor.${name}`, 'x']));
    const result = giosgAdapter.toVendor({ visitor: { name: 'Ada' }, vendor: { giosg: { rejectedFields } } });
    expect(result.ok && result.value.visitorData).toEqual({ username: 'Ada' });
    expect(result.diagnostics.map((item) => [item.code, item.path.at(-1)])).toEqual(prototypeNames.map((name) => ['field_dropped', `visitor.${name}`]));
    const attributes = { toString: 'b', valueOf: 'c', hasOwnProperty: 'd' };
    const sent = giosgAdapter.toVendor({ attributes });
    expect(sent.ok && sent.value.visitorData).toEqual(attributes);
    expect(sent.ok && Object.keys(sent.value.visitorData).every((key) => !key.includes('native code'))).toBe(true);
    // Core refuses a "constructor" attribute in a context; one kept from giosg goes back under its own key.
    expect(giosgAdapter.toVendor({ attributes: { constructor: 'a' } }).ok).toBe(false);
    const kept = giosgAdapter.toVendor({ vendor: { giosg: { rejectedFields: { 'attributes.constructor': 'a' } } } });
    expect(kept.ok && kept.value.visitorData).toEqual({ constructor: 'a' });
  });

  it('fromVendor reads such keys as plain attributes, from visitor data and from api_data', () => {
    const data = { username: 'Ada', constructor: 'a', toString: 'b', valueOf: 'c' };
    const fromData = giosgAdapter.fromVendor(data);
    expect(fromData).toMatchObject({
      ok: true,
      value: { visitor: { name: 'Ada' }, attributes: { toString: 'b', valueOf: 'c' }, vendor: { giosg: { rejectedFields: { 'attributes.constructor': 'a' } } } },
    });
    const back = giosgAdapter.toVendor(fromData.ok ? fromData.value : {});
    expect(back.ok && back.value.visitorData).toEqual(data);
    const fromApiData = giosgAdapter.fromVendor(Object.entries(data).map(([name, value]) => ({ name, value })));
    expect(fromApiData.ok && fromApiData.value).toEqual(fromData.ok && fromData.value);
    const proto = giosgAdapter.fromVendor([{ name: '__proto__', value: 'x' }]);
    expect(Object.hasOwn(proto.ok ? (proto.value.attributes ?? {}) : {}, '__proto__')).toBe(false);
    expect(proto.diagnostics.map((item) => item.path)).toContainEqual(['attributes', '__proto__']);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

describe('the logged _giosg("visitor", "submit", …) argument list', () => {
  it('reads exactly as the submission object it stands for', () => {
    const call = giosgAdapter.fromVendor(fixture('submit-call-logged.json'));
    expect(call).toEqual(giosgAdapter.fromVendor(fixture('submit-plain-room-by-name.json')));
  });

  it('takes giosg\'s defaults for left-out or null trailing arguments, and reports extra ones', () => {
    expect(giosgAdapter.fromVendor(['visitor', 'submit', { username: 'Ada' }])).toEqual({ ok: true, value: { visitor: { name: 'Ada' } }, diagnostics: [] });
    expect(giosgAdapter.fromVendor(['visitor', 'submit', { username: 'Ada' }, null, null, null])).toEqual({ ok: true, value: { visitor: { name: 'Ada' } }, diagnostics: [] });
    const extra = giosgAdapter.fromVendor(['visitor', 'submit', { username: 'Ada' }, 'plain', false, [{ id: 'r1' }], 'surplus']);
    expect(extra.diagnostics.map((item) => [item.code, item.path])).toEqual([['field_dropped', [6]]]);
    const bad = giosgAdapter.fromVendor(['visitor', 'submit', { username: 'Ada' }, 'rot13']);
    expect(bad.diagnostics.map((item) => [item.code, item.path])).toEqual([['invalid_type', [3]]]);
    for (const notACall of [{ username: 'Ada' }, ['visitor', 'remove', 'email']]) {
      expect(giosgAdapter.fromVendor(notACall, { format: 'submitCall' }).diagnostics.map((item) => item.code)).toEqual(['invalid_type']);
    }
  });

  it('refuses a token in place of the data, whatever the algorithm, and never reads its unverified claims', () => {
    for (const algorithm of ['HS256', 'RS256', undefined]) {
      const token = 'eyJhbGciOiJSUzI1NiJ9.eyJ1c2VybmFtZSI6IkFkbWluIiwiZW1haWwiOiJyb290QGV4YW1wbGUuY29tIn0.c2ln';
      const result = giosgAdapter.fromVendor(['visitor', 'submit', token, ...(algorithm === undefined ? [] : [algorithm])]);
      expect(result.ok).toBe(false);
      expect(result.diagnostics.map((item) => [item.code, item.path])).toEqual([['signed_payload', [2]]]);
    }
    expect(giosgAdapter.fromVendor({ visitorData: 'a.b.c', signingAlgorithm: 'RS512', replaceExisting: false }).diagnostics[0]?.code).toBe('signed_payload');
  });
});

describe('Chat API chat objects (no api_data)', () => {
  it('take the page from first_visitor_message_url and keep every chat field, ids included, in vendor.giosg.chat', () => {
    const chat = fixture('chat-api-room-chat.json') as Record<string, unknown>;
    const result = giosgAdapter.fromVendor(chat);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.page).toEqual({ url: chat['first_visitor_message_url'], title: chat['first_visitor_message_url_title'] });
    expect(result.value.visitor).toBeUndefined();
    expect(result.value.attributes).toBeUndefined();
    const kept = result.value.vendor?.['giosg']?.['chat'] as Record<string, unknown>;
    expect(kept).toMatchObject({ id: chat['id'], room_id: chat['room_id'], token: chat['token'], message_count: 0 });
    expect(Object.keys(kept).sort()).toEqual(Object.keys(chat).filter((key) => !key.startsWith('first_visitor_message_url')).sort());
  });

  it('are recognised by any one of their own keys, and never read as visitor data', () => {
    for (const marker of ['first_visitor_message_url', 'autosuggest_url', 'visitor_message_count', 'is_real_conversation']) {
      const result = giosgAdapter.fromVendor({ id: 'c-1', [marker]: null, email: 'not-the-visitor@example.com' });
      expect(result.ok && result.value.visitor, marker).toBeUndefined();
      expect(result.ok && result.value.vendor?.['giosg']?.['chat']).toMatchObject({ id: 'c-1', email: 'not-the-visitor@example.com' });
    }
  });

  it('prefer the Chat API page names when a chat also has the listing\'s, keeping the other', () => {
    const result = giosgAdapter.fromVendor({ api_data: [], first_visitor_message_url: 'https://a.example/new', start_url: 'https://a.example/old' });
    expect(result.ok && result.value.page).toEqual({ url: 'https://a.example/new' });
    expect(result.ok && result.value.vendor?.['giosg']?.['chat']).toEqual({ start_url: 'https://a.example/old' });
  });
});

describe('payloads with nothing of giosg in them', () => {
  it('warn unrecognized_payload, listing the shapes read, and keep everything in vendor.giosg.extraData, never in attributes', () => {
    const others = [
      { extras: { 'Initiated from URL': 'https://shop.example/' }, customprofileparams: '{}' },
      { conversationId: 'c-1', participants: [{ participantId: 'p-1', purpose: 'customer' }] },
      { visitor: { name: 'Ada', email: 'ada@example.com' }, chatId: 1 },
      {},
    ];
    for (const payload of others) {
      const result = giosgAdapter.fromVendor(payload);
      expect(result.diagnostics.map((item) => item.code), JSON.stringify(payload)).toEqual(['unrecognized_payload']);
      expect(result.diagnostics[0]?.message).toContain('_giosg(\'visitor\', \'submit\'');
      expect(result.ok && result.value.attributes).toBeUndefined();
      expect(result.ok && result.value.visitor).toBeUndefined();
      expect(result.ok && (result.value.vendor?.['giosg']?.['extraData'] ?? {})).toEqual(payload);
    }
    expect(giosgAdapter.fromVendor(42).diagnostics.map((item) => item.code)).toEqual(['unrecognized_payload', 'not_an_object']);
    expect(giosgAdapter.fromVendor(['chat', 'close', { hide: true }]).diagnostics.map((item) => item.code)).toEqual(['unrecognized_payload', 'invalid_type']);
    expect(giosgAdapter.fromVendor({ plan: 'pro' }, { strict: true }).ok).toBe(false);
  });

  it('read custom-only keys as visitor data when the caller says so', () => {
    expect(giosgAdapter.fromVendor({ plan: 'pro' }, { format: 'visitorData' })).toEqual({ ok: true, value: { attributes: { plan: 'pro' } }, diagnostics: [] });
    expect(giosgAdapter.fromVendor({ plan: 'pro', username: 'Ada' })).toEqual({ ok: true, value: { visitor: { name: 'Ada' }, attributes: { plan: 'pro' } }, diagnostics: [] });
  });
});
