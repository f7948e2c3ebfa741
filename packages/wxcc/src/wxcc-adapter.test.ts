import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWxccAdapter, wxccAdapter } from './index.js';
import { firstMessageExtras } from './__fixtures__/first-message-extras.js';

const fixtureDirectory = new URL('./__fixtures__/', import.meta.url);
const fixtures = readdirSync(fixtureDirectory).filter((name) => name.endsWith('.json')).sort();
const readFixture = (name: string): unknown => JSON.parse(readFileSync(new URL(name, fixtureDirectory), 'utf8'));

const fullContext = {
  visitor: { id: 'c-1001', name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000', company: 'Analytical Engines Ltd' },
  attributes: { plan: 'pro', seats: 12, vip: true },
  page: { url: 'https://shop.example/cart' },
  device: { language: 'en-GB' },
};

const adminFields = createWxccAdapter({
  fields: { 'visitor.name': 'Customer Name', 'visitor.email': 'email', 'visitor.id': 'id', 'attributes.plan': 'Plan', 'attributes.*': 'attr *' },
});

describe('toVendor', () => {
  it('maps the default fields and warns about every field without a custom chat field', () => {
    expect(wxccAdapter.toVendor(fullContext)).toMatchSnapshot();
  });

  it('uses admin field names with spaces, explicit attribute names and an attribute template', () => {
    expect(adminFields.toVendor(fullContext)).toMatchSnapshot();
  });

  it('gives an explicit field precedence over the attribute template, and warns about the one it displaced', () => {
    const result = wxccAdapter.toVendor({ visitor: { name: 'Ada' }, attributes: { name: 'shadow', other: 'kept' } });
    expect(result.ok && result.value).toEqual({ custom_chat_fields: { name: 'Ada', other: 'kept' } });
    expect(result.diagnostics).toMatchObject([{ code: 'field_dropped', severity: 'warning', path: ['attributes', 'name'] }]);
  });

  it('sends back custom chat fields that came in without a canonical field, and reports the widget-made extras', () => {
    const inbound = createWxccAdapter({ fields: { 'visitor.name': 'name' } }).fromVendor(readFixture('extras-typed-fields.json'));
    expect(inbound.ok).toBe(true);
    if (!inbound.ok) return;
    const outbound = createWxccAdapter({ fields: { 'visitor.name': 'name' } }).toVendor(inbound.value);
    expect(outbound).toMatchSnapshot();
    const original = JSON.parse((readFixture('extras-typed-fields.json') as { custom_chat_attr: string }).custom_chat_attr);
    expect(outbound.ok && outbound.value.custom_chat_fields).toEqual(original);
  });

  it('turns every warning into an error under strict', () => {
    const result = wxccAdapter.toVendor(fullContext, { strict: true });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics.every((diagnostic) => diagnostic.severity === 'error')).toBe(true);
  });

  it('is clean when every field has a custom chat field', () => {
    expect(wxccAdapter.toVendor({ visitor: { name: 'Ada', email: 'ada@example.com' }, attributes: { plan: 'pro' } })).toEqual({
      ok: true,
      value: { custom_chat_fields: { name: 'Ada', email: 'ada@example.com', plan: 'pro' } },
      diagnostics: [],
    });
  });

  it('refuses unknown options and invalid contexts without throwing', () => {
    expect(wxccAdapter.toVendor(fullContext, { fields: {} } as never)).toMatchObject({ ok: false, diagnostics: [{ code: 'invalid_option' }] });
    expect(wxccAdapter.toVendor({ visitor: { email: 'not an email' } })).toMatchObject({ ok: false });
  });
});

describe('fromVendor', () => {
  for (const name of fixtures) {
    it(`reads ${name}`, () => {
      expect(wxccAdapter.fromVendor(readFixture(name))).toMatchSnapshot();
    });
  }

  it('reads the extras as JSON text, as JSON text inside a JSON string, and as an object alike', () => {
    const extras = readFixture('extras-first-message.json');
    const asObject = wxccAdapter.fromVendor(extras);
    expect(wxccAdapter.fromVendor(JSON.stringify(extras))).toEqual(asObject);
    expect(wxccAdapter.fromVendor(readFixture('extras-double-encoded.json'))).toEqual(asObject);
    expect(wxccAdapter.fromVendor(JSON.stringify(JSON.stringify(extras)))).toEqual(asObject);
  });

  it('reads custom_chat_attr that a tool already parsed into an object', () => {
    const extras = readFixture('extras-first-message.json') as Record<string, string>;
    const parsed = { ...extras, custom_chat_attr: JSON.parse(extras['custom_chat_attr'] as string) };
    expect(wxccAdapter.fromVendor(parsed)).toEqual(wxccAdapter.fromVendor(extras));
  });

  it('maps custom chat fields back through the same field map', () => {
    const result = adminFields.fromVendor(firstMessageExtras({ custom_chat_fields: { 'Customer Name': 'Ada', Plan: 'pro', 'attr seats': 12, Unknown: 'x' } }));
    expect(result.ok && result.value).toMatchObject({
      visitor: { name: 'Ada' },
      attributes: { plan: 'pro', seats: 12 },
      vendor: { wxcc: { customChatFields: { Unknown: 'x' } } },
    });
  });

  it('refuses prototype-polluting keys inside custom_chat_attr', () => {
    const result = wxccAdapter.fromVendor({ custom_chat_attr: '{"__proto__":{"polluted":"yes"}}' });
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'forbidden_key', path: ['custom_chat_attr', '__proto__'] }] });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses payloads that are not the extras object', () => {
    for (const input of ['[1,2]', '"just text"', 'null', '42']) {
      const result = wxccAdapter.fromVendor(input);
      expect(result.ok, input).toBe(false);
    }
  });

  it('keeps an unreadable custom_chat_attr and warns, and fails on it under strict', () => {
    const malformed = readFixture('extras-malformed-custom-chat-attr.json');
    const relaxed = wxccAdapter.fromVendor(malformed);
    expect(relaxed.ok && relaxed.value.vendor?.['wxcc']?.['extras']).toMatchObject({ custom_chat_attr: '{"name":"Anthony' });
    expect(relaxed.diagnostics).toMatchObject([{ code: 'custom_chat_attr_unreadable', severity: 'warning' }]);
    expect(wxccAdapter.fromVendor(malformed, { strict: true }).ok).toBe(false);
  });
});

describe('createWxccAdapter', () => {
  it('refuses invalid field maps at creation', () => {
    expect(() => createWxccAdapter({ fields: { 'visitor.name': 'name', 'visitor.email': 'name' } })).toThrow(/share one custom chat field/);
    expect(() => createWxccAdapter({ fields: { 'attributes.*': 'no wildcard' } })).toThrow(/exactly one \*/);
    expect(() => createWxccAdapter({ fields: { 'visitor.nickname': 'nick' } })).toThrow(TypeError);
    expect(() => createWxccAdapter({ fields: { 'visitor.name': '' } })).toThrow(TypeError);
    expect(() => createWxccAdapter({ fields: { 'visitor.name': 'line\nbreak' } })).toThrow(/control characters/);
  });

  it('declares one capability per mapped field, the attribute template and the inbound-only extras', () => {
    expect(adminFields.capabilities.fields.map((field) => [field.canonical, field.vendorName, field.directions ?? 'both'])).toEqual([
      ['visitor.name', 'custom_chat_fields.Customer Name', 'both'],
      ['visitor.email', 'custom_chat_fields.email', 'both'],
      ['visitor.id', 'custom_chat_fields.id', 'both'],
      ['attributes.plan', 'custom_chat_fields.Plan', 'both'],
      ['attributes.*', 'custom_chat_fields.attr <key>', 'both'],
      ['page.url', 'extras["Initiated from URL"]', ['fromVendor']],
      ['device.language', 'extras["Browser language"]', ['fromVendor']],
      ['device.userAgent', 'extras.useragent', ['fromVendor']],
      ['device.ip', 'extras.customprofileparams.IP', ['fromVendor']],
      ['location.city', 'extras.customprofileparams.City', ['fromVendor']],
      ['location.country', 'extras.customprofileparams.Country', ['fromVendor']],
    ]);
    const withUrl = createWxccAdapter({ fields: { 'page.url': 'Page' } });
    expect(withUrl.capabilities.fields.map((field) => field.canonical)).toEqual([
      'page.url',
      'device.language',
      'device.userAgent',
      'device.ip',
      'location.city',
      'location.country',
    ]);
  });

  it('prefers a custom chat field over "Initiated from URL" for page.url, keeping the other in vendor.wxcc', () => {
    const withUrl = createWxccAdapter({ fields: { 'page.url': 'Page' } });
    const result = withUrl.fromVendor({
      Webpage: 'https://media.imi.chat/widget/widgetloader.html?id=1',
      'Initiated from URL': 'https://shop.example/',
      custom_chat_attr: '{"Page":"https://shop.example/cart"}',
    });
    expect(result.ok && result.value).toEqual({
      page: { url: 'https://shop.example/cart' },
      vendor: { wxcc: { extras: { Webpage: 'https://media.imi.chat/widget/widgetloader.html?id=1', 'Initiated from URL': 'https://shop.example/' } } },
    });
  });

  it('reads names through the attribute template only when they fit it and no explicit field owns them', () => {
    const result = adminFields.fromVendor({ custom_chat_attr: JSON.stringify({ 'attr ': 'empty key', 'attr plan': 'shadow', 'attr x': 1, Plan: 'pro' }) });
    expect(result.ok && result.value).toEqual({
      attributes: { x: 1, plan: 'pro' },
      vendor: { wxcc: { customChatFields: { 'attr ': 'empty key', 'attr plan': 'shadow' } } },
    });
  });
});
