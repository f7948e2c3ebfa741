import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { genesysAdapter } from './index.js';

const fixtureFolder = new URL('./__fixtures__/', import.meta.url);
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(name, fixtureFolder), 'utf8'));

describe('fromVendor on every fixture', () => {
  for (const name of readdirSync(fixtureFolder).filter((file) => file.endsWith('.json')).sort()) {
    it(name, () => {
      const result = genesysAdapter.fromVendor(fixture(name));
      expect(result.ok).toBe(true);
      expect(result).toMatchSnapshot();
    });
  }
});

describe('fromVendor', () => {
  it('reads the customer participant of a Chat v2 conversation, with the context. prefix removed', () => {
    const result = genesysAdapter.fromVendor(fixture('conversation-chat-v2.json'));
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    expect(result.value.visitor).toEqual({
      name: 'Jane Doe',
      id: 'CRM-12345-XYZ',
      firstName: 'Jane',
      lastName: 'Doe',
      email: 'jane.doe@example.com',
      phone: '+1 317 555 0100',
    });
    expect(result.value.page).toEqual({ url: 'https://shop.example/cart', title: 'Cart', referrer: 'https://search.example/?q=engines' });
    expect(result.value.device).toEqual({ browser: 'Chrome 131.0', os: 'Windows 10' });
    expect(result.value.location).toEqual({ city: 'Indianapolis', region: 'IN' });
    expect(result.value.attributes).toEqual({ tier: 'Gold', order: 'A-1001' });
    expect(result.value.vendor?.['genesys']).toMatchObject({
      conversationId: '8c7d2a4e-4b1f-4d3e-9a51-2f0a6b9c1d11',
      participantId: '5e1a7f3c-0d2b-4c8e-a9f4-3b6d8e2c7a01',
      fields: {
        phoneType: 'Cell',
        addressStreet: '601 Interactive Way',
        addressPostalCode: '46278',
        _genesys_source: 'web',
        'genesys.legacyRoutingTargetQueueAddress': 'Support',
      },
    });
  });

  it('reads the default form lower-case keys (firstname, lastname), and the chat participant name', () => {
    const result = genesysAdapter.fromVendor(fixture('participant-default-form.json'));
    expect(result.ok && result.value.visitor).toEqual({ name: 'jane doe', firstName: 'jane', lastName: 'doe', email: 'jane@example.com' });
  });

  it('keeps the second spelling of a field in the vendor bag instead of overwriting the first', () => {
    const result = genesysAdapter.fromVendor(fixture('bare-attributes.json'));
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    expect(result.value.visitor).toEqual({ firstName: 'Jane', id: 'CRM-1' });
    expect(result.value.attributes).toEqual({ customField1: 'unlabelled value', 'Order Number': 'A-1001' });
    expect(result.value.vendor?.['genesys']?.['fields']).toEqual({
      firstname: 'jane',
      'genesys.legacyRoutingTargetQueueAddress': 'Support',
    });
  });

  it('reads Web Messaging attributes without a prefix, and un-escapes attributes.<key>', () => {
    const result = genesysAdapter.fromVendor(fixture('conversation-web-messaging.json'));
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    // The messaging participant's own name ("Web Messaging Guest") is a placeholder: kept, not used as the name.
    expect(result.value.visitor).toEqual({ id: 'c-1001', email: 'ada@example.com', name: 'Ada Lovelace' });
    expect(result.value.vendor?.['genesys']?.['participantName']).toBe('Web Messaging Guest');
    expect(result.value.attributes).toEqual({ plan: 'pro', seats: '12', email: 'billing@example.com' });
    expect(result.value.page).toEqual({ url: 'https://shop.example/cart' });
  });

  it('accepts raw JSON text and a bare participant', () => {
    const text = JSON.stringify({ purpose: 'customer', attributes: { 'context.email': 'a@example.com' } });
    expect(genesysAdapter.fromVendor(text)).toMatchObject({ ok: true, value: { visitor: { email: 'a@example.com' } } });
  });

  it('fails with no_customer_participant when no participant has the purpose', () => {
    const conversation = { id: 'c', participants: [{ purpose: 'agent', attributes: { 'context.email': 'a@example.com' } }] };
    const result = genesysAdapter.fromVendor(conversation);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['no_customer_participant']);
    expect(genesysAdapter.fromVendor(conversation, { participantPurpose: 'agent' }).ok).toBe(true);
  });

  it('moves a value the canonical model refuses to rejectedFields with a warning', () => {
    const result = genesysAdapter.fromVendor({ 'context.email': 'n/a', 'context.firstName': 'Jo' });
    expect(result).toMatchObject({
      ok: true,
      value: { visitor: { firstName: 'Jo' }, vendor: { genesys: { rejectedFields: { 'visitor.email': 'n/a' } } } },
    });
    expect(result.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.path])).toEqual([['field_dropped', ['visitor', 'email']]]);
  });

  it('keeps nested values and over-long keys in the vendor bag', () => {
    const longKey = 'k'.repeat(101);
    const result = genesysAdapter.fromVendor({ purpose: 'customer', attributes: { plan: 'pro', nested: { a: 1 }, [longKey]: 'v', empty: null } });
    expect(result).toMatchObject({
      ok: true,
      value: { attributes: { plan: 'pro' }, vendor: { genesys: { fields: { nested: { a: 1 }, [longKey]: 'v', empty: null } } } },
    });
  });

  it('refuses a non-object payload', () => {
    const result = genesysAdapter.fromVendor('"just text"');
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]?.code).toBe('not_an_object');
  });

  it('drops a constructor key with a warning (it cannot be kept anywhere)', () => {
    const result = genesysAdapter.fromVendor({ constructor: 'x', plan: 'pro' });
    expect(result).toMatchObject({ ok: true, value: { attributes: { plan: 'pro' } } });
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['field_dropped']);
  });
});
