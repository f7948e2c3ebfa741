import type { VisitorContext } from '@visitor-context/core';
import { describe, expect, it } from 'vitest';
import { createGenesysAdapter, genesysAdapter, type GenesysChannel } from './index.js';

const channels: readonly GenesysChannel[] = ['messenger', 'attributes', 'open-messaging', 'web-chat', 'widgets', 'guest-chat'];

const shopper: VisitorContext = {
  visitor: { id: 'CRM-12345-XYZ', name: 'Jane van Doe', email: 'jane@example.com', phone: '+1 317 555 0100', company: 'ACME', locale: 'en-US' },
  attributes: { tier: 'Gold', seats: 12, vip: true, email: 'billing@example.com' },
  page: { url: 'https://shop.example/cart', title: 'Cart', referrer: 'https://search.example/' },
  device: { browser: 'Chrome 131', os: 'Windows 10', language: 'en-US' },
  location: { city: 'Indianapolis', region: 'IN', country: 'US' },
  vendor: { genesys: { fields: { phoneType: 'Cell', subject: 'Order' }, conversationId: 'c-1' } },
};

const summary = (channel: GenesysChannel, context: VisitorContext = shopper) => {
  const result = genesysAdapter.toVendor(context, { channel });
  return {
    value: result.ok ? result.value : undefined,
    warnings: result.diagnostics.map((diagnostic) => `${diagnostic.severity} ${diagnostic.code} ${diagnostic.path.join('.')}`),
  };
};

describe('toVendor output and warnings', () => {
  for (const channel of channels) {
    it(channel, () => {
      expect(summary(channel)).toMatchSnapshot();
    });
  }
});

describe('toVendor', () => {
  it('sends every value as a string on the Messenger, reporting the coercions', () => {
    const result = genesysAdapter.toVendor({ attributes: { seats: 12, vip: false } });
    expect(result).toMatchObject({
      ok: true,
      value: { channel: 'messenger', command: 'Database.set', options: { messaging: { customAttributes: { seats: '12', vip: 'false' } } } },
    });
    expect(result.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.path])).toEqual([
      ['value_coerced', ['attributes', 'seats']],
      ['value_coerced', ['attributes', 'vip']],
    ]);
  });

  it('uses Database.update when asked, per call or per adapter', () => {
    expect(genesysAdapter.toVendor({ attributes: { a: 'b' } }, { command: 'Database.update' })).toMatchObject({ value: { command: 'Database.update' } });
    expect(createGenesysAdapter({ command: 'Database.update' }).toVendor({ attributes: { a: 'b' } })).toMatchObject({
      value: { command: 'Database.update' },
    });
  });

  it('escapes an attribute that would read back as another field, in any case, under a dot-free prefix', () => {
    const result = genesysAdapter.toVendor(
      { attributes: { EMAIL: 'x', customField1: 'y', pageUrl: 'z', PAGEURL: 'q', firstname: 'f', plan: 'pro' } },
      { channel: 'attributes' },
    );
    expect(result).toMatchObject({
      value: {
        customAttributes: {
          attributes_EMAIL: 'x',
          attributes_customField1: 'y',
          attributes_pageUrl: 'z',
          attributes_PAGEURL: 'q',
          attributes_firstname: 'f',
          plan: 'pro',
        },
      },
    });
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(Array(5).fill('field_renamed'));
  });

  it('sends page, device and location fields under dot-free names, which agent scripts can read', () => {
    const result = genesysAdapter.toVendor(
      {
        page: { url: 'https://shop.example/', title: 'Shop', referrer: 'https://r.example/', landingPage: 'https://l.example/', searchKeywords: 'boots' },
        device: { userAgent: 'UA', browser: 'Chrome', os: 'Linux', screenResolution: '1920x1080', language: 'en', timeZone: 'UTC', ip: '203.0.113.7' },
        location: { city: 'Ghent', region: 'VOV', country: 'BE' },
      },
      { channel: 'attributes' },
    );
    if (!result.ok || result.value.channel !== 'attributes') throw new Error(JSON.stringify(result.diagnostics));
    expect(result.value.customAttributes).toEqual({
      pageUrl: 'https://shop.example/',
      pageTitle: 'Shop',
      pageReferrer: 'https://r.example/',
      pageLandingPage: 'https://l.example/',
      pageSearchKeywords: 'boots',
      deviceUserAgent: 'UA',
      deviceBrowser: 'Chrome',
      deviceOs: 'Linux',
      deviceScreenResolution: '1920x1080',
      deviceLanguage: 'en',
      deviceTimeZone: 'UTC',
      deviceIp: '203.0.113.7',
      locationCity: 'Ghent',
      locationRegion: 'VOV',
      locationCountry: 'BE',
    });
    expect(Object.keys(result.value.customAttributes).filter((key) => key.includes('.'))).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });

  it('warns about an attribute key with a dot instead of silently sending a name scripts cannot read', () => {
    const result = genesysAdapter.toVendor({ attributes: { 'order.id': 'A-1', 'page.url': 'x' } }, { channel: 'attributes' });
    expect(result).toMatchObject({ ok: true, value: { customAttributes: { 'order.id': 'A-1', 'attributes_page.url': 'x' } } });
    expect(result.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.path.join('.')}`)).toEqual([
      'dotted_attribute_name attributes.order.id',
      'field_renamed attributes.page.url',
      'dotted_attribute_name attributes.page.url',
    ]);
    expect(result.diagnostics[0]?.message).toContain('"order.id"');
    expect(genesysAdapter.toVendor({ attributes: { 'order.id': 'A-1' } }, { strict: true }).ok).toBe(false);
  });

  it('puts the Open Messaging attributes at message.channel.metadata.customAttributes, with token and text', () => {
    const result = genesysAdapter.toVendor({ visitor: { id: '7' } }, { channel: 'open-messaging', token: 'session-token', text: 'Hello' });
    expect(result).toMatchObject({
      ok: true,
      value: {
        channel: 'open-messaging',
        body: { action: 'onMessage', token: 'session-token', message: { type: 'Text', text: 'Hello', channel: { metadata: { customAttributes: { customerId: '7' } } } } },
      },
    });
    expect(result.ok && 'metadata' in (result.value as { body: Record<string, unknown> }).body).toBe(false);
  });

  it('splits the name for Web Chat v2 with a value_guessed warning, and not when first and last names are given', () => {
    const guessed = genesysAdapter.toVendor({ visitor: { name: 'Mary Ann Smith' } }, { channel: 'web-chat' });
    expect(guessed).toMatchObject({ ok: true, value: { data: { firstName: 'Mary Ann', lastName: 'Smith' } } });
    expect(guessed.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['value_guessed']);
    const given = genesysAdapter.toVendor({ visitor: { name: 'Mary Smith', firstName: 'Mary', lastName: 'Smith' } }, { channel: 'web-chat' });
    expect(given).toMatchObject({ ok: true, value: { data: { firstName: 'Mary', lastName: 'Smith' } }, diagnostics: [] });
    const differs = genesysAdapter.toVendor({ visitor: { name: 'Dr. Mary Smith', firstName: 'Mary', lastName: 'Smith' } }, { channel: 'web-chat' });
    expect(differs.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.path.join('.')}`)).toEqual(['field_dropped visitor.name']);
  });

  it('fits at most three attributes in chat custom fields and warns about the rest', () => {
    const result = genesysAdapter.toVendor({ attributes: { a: '1', b: '2', c: '3', d: '4' } }, { channel: 'web-chat' });
    expect(result).toMatchObject({
      ok: true,
      value: { data: { customField1Label: 'a', customField1: '1', customField2Label: 'b', customField2: '2', customField3Label: 'c', customField3: '3' } },
    });
    expect(result.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.path.join('.')}`)).toEqual(['field_dropped attributes.d']);
  });

  it('builds the Guest Chat body with displayName, routing and memberInfo.customFields', () => {
    const result = genesysAdapter.toVendor(
      { visitor: { firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com' }, page: { url: 'https://shop.example/' } },
      { channel: 'guest-chat', organizationId: 'org', deploymentId: 'dep', routingTarget: { targetType: 'QUEUE', targetAddress: 'Support' } },
    );
    expect(result).toEqual({
      ok: true,
      diagnostics: [],
      value: {
        channel: 'guest-chat',
        body: {
          organizationId: 'org',
          deploymentId: 'dep',
          routingTarget: { targetType: 'QUEUE', targetAddress: 'Support' },
          memberInfo: {
            displayName: 'Jane Doe',
            role: 'CUSTOMER',
            customFields: { firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com', _genesys_url: 'https://shop.example/' },
          },
        },
      },
    });
  });

  it('turns every warning into an error under strict', () => {
    const result = genesysAdapter.toVendor({ attributes: { seats: 1 } }, { strict: true });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((diagnostic) => `${diagnostic.severity} ${diagnostic.code}`)).toEqual(['error value_coerced']);
  });

  it('refuses unknown options', () => {
    const result = genesysAdapter.toVendor({}, { chanel: 'web-chat' } as never);
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]?.code).toBe('invalid_option');
  });

  it('round-trips a Chat v2 participant through the canonical model back to the same data block', () => {
    const participant = {
      purpose: 'customer',
      attributes: {
        'context.firstName': 'John', 'context.lastName': 'Doe', 'context.addressStreet': '64472 Brown Street',
        'context.addressCity': 'Lindgrenmouth', 'context.addressPostalCode': '50163', 'context.addressState': 'FL',
        'context.phoneNumber': '555', 'context.phoneType': 'Cell', 'context.customerId': '59606',
        'context.customField1Label': 'Account type', 'context.customField1': 'Business',
      },
    };
    const context = genesysAdapter.fromVendor(participant);
    if (!context.ok) throw new Error(JSON.stringify(context.diagnostics));
    const back = genesysAdapter.toVendor(context.value, { channel: 'web-chat' });
    const expected = Object.fromEntries(Object.entries(participant.attributes).map(([key, value]) => [key.slice('context.'.length), value]));
    expect(back).toMatchObject({ ok: true, diagnostics: [] });
    expect(back.ok && back.value).toEqual({ channel: 'web-chat', data: expected });
  });

  it('sends back a value the canonical model refused inbound (kept in rejectedFields) under its Genesys field', () => {
    const inbound = genesysAdapter.fromVendor({ 'context.email': 'n/a', 'context.firstName': 'Jo' });
    if (!inbound.ok) throw new Error(JSON.stringify(inbound.diagnostics));
    expect(genesysAdapter.toVendor(inbound.value, { channel: 'web-chat' })).toEqual({
      ok: true,
      value: { channel: 'web-chat', data: { firstName: 'Jo', email: 'n/a' } },
      diagnostics: [],
    });
    expect(genesysAdapter.toVendor(inbound.value, { channel: 'attributes' })).toMatchObject({
      value: { customAttributes: { firstName: 'Jo', email: 'n/a' } },
      diagnostics: [],
    });
    const taken = genesysAdapter.toVendor({ ...inbound.value, visitor: { email: 'jo@example.com' } }, { channel: 'attributes' });
    expect(taken.diagnostics.map((diagnostic) => diagnostic.path.join('.'))).toEqual(['vendor.genesys.rejectedFields.visitor.email']);
  });

  it('throws a TypeError for invalid factory options', () => {
    expect(() => createGenesysAdapter({ channel: 'fax' } as never)).toThrow(TypeError);
  });
});
