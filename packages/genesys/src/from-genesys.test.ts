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

  it('reads the dot-free page, device and location names, and still the dotted names of earlier versions', () => {
    const current = genesysAdapter.fromVendor({ customerId: 'c-1', pageUrl: 'https://shop.example/', deviceOs: 'Linux', locationCity: 'Ghent', attributes_email: 'b@example.com' });
    const earlier = genesysAdapter.fromVendor({ customerId: 'c-1', 'page.url': 'https://shop.example/', 'device.os': 'Linux', 'location.city': 'Ghent', 'attributes.email': 'b@example.com' });
    const expected = {
      visitor: { id: 'c-1' },
      page: { url: 'https://shop.example/' },
      device: { os: 'Linux' },
      location: { city: 'Ghent' },
      attributes: { email: 'b@example.com' },
    };
    expect(current).toEqual({ ok: true, value: expected, diagnostics: [] });
    expect(earlier).toEqual({ ok: true, value: expected, diagnostics: [] });
  });
});

describe('fromVendor on analytics conversation rows', () => {
  it('reads a details query response with one row like a conversation, and names every part it does not keep', () => {
    const result = genesysAdapter.fromVendor(fixture('analytics-details-query.json'));
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    expect(result.value).toEqual({
      visitor: { id: 'CRM-4711', email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' },
      attributes: { plan: 'pro' },
      page: { url: 'https://shop.example/checkout', title: 'Checkout' },
      device: { os: 'macOS 15' },
      location: { country: 'GB' },
      vendor: {
        genesys: {
          conversationId: '6f5e4d3c-2b1a-4098-8f7e-6d5c4b3a2910',
          participantId: 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d',
          // A messaging participant's name is a placeholder: kept, not read as the visitor's name.
          participantName: 'Web Messaging Guest',
        },
      },
    });
    expect(result.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.path.join('.')}`)).toEqual([
      'field_dropped conversations.0.conversationStart',
      'field_dropped conversations.0.conversationEnd',
      'field_dropped conversations.0.originatingDirection',
      'field_dropped conversations.0.divisionIds',
      'field_dropped conversations.0.participants.1',
      'field_dropped conversations.0.participants.2',
      'field_dropped conversations.0.participants.0.sessions',
    ]);
    expect(result.diagnostics.every((diagnostic) => diagnostic.severity === 'warning')).toBe(true);
  });

  it('reads a details job row of a Chat v2 chat: the participant name is the visitor, externalContactId is kept', () => {
    const result = genesysAdapter.fromVendor(fixture('analytics-details-job-chat.json'));
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    expect(result.value.visitor).toEqual({ name: 'Jane Doe', firstName: 'Jane', lastName: 'Doe', email: 'jane.doe@example.com', id: 'CRM-12345-XYZ' });
    expect(result.value.attributes).toEqual({ tier: 'Gold' });
    expect(result.value.page).toEqual({ url: 'https://shop.example/cart' });
    expect(result.value.vendor?.['genesys']).toEqual({
      conversationId: '7a6b5c4d-3e2f-4109-9a8b-7c6d5e4f3a21',
      participantId: '11111111-2222-4333-8444-555555555555',
      externalContactId: '99999999-8888-4777-8666-555555555555',
      fields: { _genesys_source: 'web' },
    });
    // Provenance is not sent back to Genesys.
    expect(genesysAdapter.toVendor(result.value).diagnostics.filter((diagnostic) => diagnostic.path[0] === 'vendor')).toEqual([]);
  });

  it('refuses a response with several rows, naming what to do', () => {
    const row = fixture('analytics-details-job-chat.json');
    const result = genesysAdapter.fromVendor({ conversations: [row, row] });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['not_one_conversation']);
    expect(result.diagnostics[0]?.message).toContain('pass each row');
  });

  it('says when an analytics participant carries no attributes', () => {
    const result = genesysAdapter.fromVendor({ conversationId: 'c', participants: [{ participantId: 'p', purpose: 'customer' }] });
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['no_participant_attributes']);
  });
});

describe('fromVendor on Open Messaging messages', () => {
  it('fills the visitor from channel.from, keeps the channel id in the bag with a warning, and lets custom attributes win', () => {
    const result = genesysAdapter.fromVendor(fixture('open-messaging-inbound.json'));
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    expect(result.value.visitor).toEqual({ id: 'CRM-12345-XYZ', firstName: 'Jane', lastName: 'Doe', email: 'jane.doe@example.com', name: 'Jane Doe' });
    expect(result.value.attributes).toEqual({ plan: 'pro' });
    expect(result.value.vendor?.['genesys']?.['from']).toMatchObject({ id: 'open-user-8c1f2a', idType: 'Opaque', nickname: 'jdoe' });
    expect(result.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.path.join('.')}`)).toEqual(['channel_id_kept channel.from.id']);
  });

  it('reads an Email id as the email and the nickname as the name when there is no first or last name', () => {
    const result = genesysAdapter.fromVendor(fixture('open-messaging-inbound-email-id.json'));
    expect(result).toMatchObject({ ok: true, diagnostics: [], value: { visitor: { email: 'sam@example.com', name: 'Sam Smith' } } });
    expect(result.ok && result.value.visitor?.id).toBeUndefined();
    const phone = genesysAdapter.fromVendor({ channel: { from: { id: '+15551234567', idType: 'Phone' } } });
    expect(phone).toMatchObject({ ok: true, value: { visitor: { phone: '+15551234567' } } });
  });

  it('does not overwrite custom attributes with channel.from', () => {
    const result = genesysAdapter.fromVendor({
      channel: { from: { id: 'x', idType: 'Email', firstName: 'Other', email: 'other@example.com' }, metadata: { customAttributes: { firstName: 'Jane', email: 'jane@example.com' } } },
    });
    expect(result).toMatchObject({ ok: true, value: { visitor: { firstName: 'Jane', email: 'jane@example.com', name: 'Other' } } });
  });
});

describe('fromVendor on Widgets v2', () => {
  it('reads WebChat.open options: the form (not its autoSubmit option) and userData', () => {
    const result = genesysAdapter.fromVendor(fixture('widgets-webchat-open.json'));
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    expect(result.value.visitor).toEqual({ firstName: 'Juan', lastName: 'Pérez', email: 'juan@example.com', phone: '5411-4892-2045', id: 'CRM-555' });
    expect(result.value.page).toEqual({ url: 'https://bank.example/accounts' });
    expect(result.value.vendor?.['genesys']?.['fields']).toEqual({ subject: 'E-Bank', phoneType: 'Cell' });
    expect(result.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.path.join('.')}`)).toEqual(['field_dropped form.autoSubmit']);
  });

  it('reads the userData of a whole window._genesys config', () => {
    const result = genesysAdapter.fromVendor(fixture('widgets-config.json'));
    expect(result).toMatchObject({ ok: true, diagnostics: [], value: { visitor: { phone: '5411-4892-2045' }, vendor: { genesys: { fields: { phoneType: 'Cell' } } } } });
  });

  it('round-trips the widgets payload', () => {
    const context = { visitor: { firstName: 'Juan', lastName: 'Pérez', email: 'juan@example.com', id: 'CRM-555' }, page: { url: 'https://bank.example/' }, attributes: { plan: 'pro' } };
    const payload = genesysAdapter.toVendor(context, { channel: 'widgets' });
    expect(payload).toMatchObject({ ok: true, value: { form: { firstname: 'Juan', lastname: 'Pérez', email: 'juan@example.com' }, userData: { customerId: 'CRM-555', pageUrl: 'https://bank.example/', plan: 'pro' } } });
    expect(payload.ok && genesysAdapter.fromVendor(payload.value)).toEqual({ ok: true, value: context, diagnostics: [] });
  });
});

describe('fromVendor on payloads it does not recognise', () => {
  const shapes = ['participants', 'analytics', 'channel.from', 'messaging.customAttributes', 'memberInfo.customFields', 'userData'];
  for (const [name, payload] of [
    ['an empty object', {}],
    ['a Comm100 webhook', { event: 'chat_started', visitor: { id: 42, name: 'Jane', email: 'jane@example.com' } }],
    ['a giosg chat', { id: 'c1', room_id: 'r1', first_visitor_message_url: 'https://x.example/', message_count: 3 }],
  ] as const) {
    it(`warns unrecognized_payload for ${name}, listing the shapes it reads, and fills no canonical field`, () => {
      const result = genesysAdapter.fromVendor(payload);
      expect(result.ok).toBe(true);
      expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['unrecognized_payload']);
      for (const shape of shapes) expect(result.diagnostics[0]?.message).toContain(shape);
      expect(result.ok && Object.keys(result.value)).toEqual(['vendor']);
      expect(result.ok && result.value.vendor?.['genesys']?.['unrecognized']).toEqual(payload);
    });
  }

  it('declares the shapes in capabilities.payloadShapes', () => {
    expect(genesysAdapter.capabilities.payloadShapes?.length).toBeGreaterThan(5);
  });
});

