import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translateWxccContext } from './browser.js';
import { createWxccAdapter, wxccAdapter } from './index.js';

const readFixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

const codes = (result: { diagnostics: readonly { code: string }[] }): string[] => result.diagnostics.map((item) => item.code);
const prototypeKeys = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__', 'toLocaleString'];

describe('page.url', () => {
  it('comes from "Initiated from URL", never from Webpage (the chat iframe), which stays in vendor.wxcc.extras', () => {
    const result = wxccAdapter.fromVendor(readFixture('extras-proactive-chat-docs.json'));
    expect(result.ok && result.value.page).toEqual({ url: 'https://resilient-zany-reaction.glitch.me/' });
    expect(result.ok && result.value.vendor?.['wxcc']?.['extras']).toMatchObject({
      Webpage: 'https://attach.imichat.io/widget/widgetloader.html?docwidth=1720&id=419ec491-4cc3-11ee-a88b-0ea23f10b39f&org=',
    });
  });

  it('is never a bare file name, even when Webpage is the only page-like extra', () => {
    const result = wxccAdapter.fromVendor({ browserfingerprint: 'f', Webpage: 'index.html', Website: 'shop.example' });
    expect(result.ok && result.value.page).toBeUndefined();
  });

  it('is not set from an "Initiated from URL" that is not an absolute http(s) URL, with a warning', () => {
    for (const value of ['index.html', 'javascript:alert(1)', 'https://shop.example/a b', 'https://shop.example/\u0007']) {
      const result = wxccAdapter.fromVendor({ browserfingerprint: 'f', 'Initiated from URL': value, custom_chat_attr: '{}' });
      expect(result.ok && result.value.page, value).toBeUndefined();
      expect(result.diagnostics, value).toMatchObject([{ code: 'field_dropped', path: ['page', 'url'] }]);
      expect(result.ok && result.value.vendor?.['wxcc']?.['extras']?.['Initiated from URL' as never], value).toBe(value);
    }
  });
});

describe('customprofileparams', () => {
  const withParams = (customprofileparams: unknown) =>
    wxccAdapter.fromVendor({ browserfingerprint: 'f', custom_chat_attr: '{}', customprofileparams } as never);

  it('fills device.ip, location.city and location.country from its JSON text', () => {
    const result = withParams('{"IP":"2001:db8::7","City":"Zürich","Country":"Switzerland"}');
    expect(result).toMatchObject({ ok: true, diagnostics: [] });
    expect(result.ok && result.value).toEqual({
      device: { ip: '2001:db8::7' },
      location: { city: 'Zürich', country: 'Switzerland' },
      vendor: { wxcc: { extras: { browserfingerprint: 'f' } } },
    });
  });

  it('reads an object that a tool already parsed, and skips what the lookup left empty', () => {
    const result = withParams({ IP: '198.51.100.7', City: '', Country: 'Canada' });
    expect(result.ok && result.value).toEqual({
      device: { ip: '198.51.100.7' },
      location: { country: 'Canada' },
      vendor: { wxcc: { extras: { browserfingerprint: 'f' } } },
    });
  });

  it('never puts a value it is not sure of into a canonical field: it warns and keeps the text in vendor.wxcc.extras', () => {
    const cases: [unknown, string[]][] = [
      [{ IP: '999.1.1.1', City: 'Lyon', Country: 'France' }, ['device', 'ip']],
      [{ IP: '10.0.0.1; DROP TABLE', City: 'Lyon', Country: 'France' }, ['device', 'ip']],
      [{ IP: '203.0.113.5', City: 'Ly\u001bon', Country: 'France' }, ['location', 'city']],
      [{ IP: '203.0.113.5', City: 'Lyon', Country: 33 }, ['location', 'country']],
      [{ IP: '203.0.113.5', City: '  Lyon', Country: 'France' }, ['location', 'city']],
    ];
    for (const [params, path] of cases) {
      const text = JSON.stringify(params);
      const result = withParams(text);
      expect(result.ok, text).toBe(true);
      expect(result.diagnostics, text).toMatchObject([{ code: 'field_dropped', path }]);
      expect(result.ok && result.value.vendor?.['wxcc']?.['extras']?.['customprofileparams' as never], text).toBe(text);
      const section = result.ok ? (result.value[path[0] as 'device'] as Record<string, unknown> | undefined) : undefined;
      expect(section?.[path[1] as string], text).toBeUndefined();
    }
  });

  it('keeps an encrypted value (the vendor guide\'s example) as it came, with a warning', () => {
    const result = wxccAdapter.fromVendor(readFixture('extras-proactive-chat-docs.json'));
    expect(codes(result)).toContain('customprofileparams_unreadable');
    expect(result.ok && result.value.device?.ip).toBeUndefined();
    expect(result.ok && result.value.vendor?.['wxcc']?.['extras']?.['customprofileparams' as never]).toBe(
      'BWzJtGh66G0PSoRm3htLU/pR6lN4e2xdWjhnL9C6eL50AgL73hxmnoAMEUXUSZw9',
    );
  });

  it('leaves fields a custom chat field already filled, keeping the lookup in vendor.wxcc.extras', () => {
    const adapter = createWxccAdapter({ fields: { 'location.country': 'Country' } });
    const result = adapter.fromVendor({ custom_chat_attr: '{"Country":"Belgium"}', customprofileparams: '{"IP":"","City":"","Country":"France"}' });
    expect(result.ok && result.value.location).toEqual({ country: 'Belgium' });
    expect(result.ok && result.value.vendor?.['wxcc']?.['extras']).toEqual({ customprofileparams: '{"IP":"","City":"","Country":"France"}' });
  });
});

describe('custom_chat_attr_missing', () => {
  it('names an attachment sent first (SendFile), a quick reply, a later message, and a page that set nothing', () => {
    const reasons: [string, RegExp][] = [
      ['extras-first-message-attachment.json', /attachment.*SendFile\(\)/],
      ['extras-first-message-quick-reply.json', /quick reply/],
      ['extras-later-message.json', /later message/],
      ['extras-close-chat.json', /later message/],
      ['extras-proactive-chat-docs.json', /set no custom chat fields before the visitor's first message/],
    ];
    for (const [fixture, reason] of reasons) {
      const result = wxccAdapter.fromVendor(readFixture(fixture));
      const missing = result.diagnostics.filter((item) => item.code === 'custom_chat_attr_missing');
      expect(missing, fixture).toHaveLength(1);
      expect(missing[0]?.message, fixture).toMatch(reason);
      expect(wxccAdapter.fromVendor(readFixture(fixture), { strict: true }).ok, fixture).toBe(false);
    }
  });

  it('is not reported when the message or the page payload carries the fields', () => {
    expect(codes(wxccAdapter.fromVendor(readFixture('extras-first-message.json')))).toEqual([]);
    expect(codes(wxccAdapter.fromVendor(readFixture('init-payload-docs.json')))).toEqual([]);
  });
});

describe('the whole Webex Connect inbound event', () => {
  const bare = wxccAdapter.fromVendor(readFixture('extras-first-message.json'));
  const withoutBag = (result: typeof bare) => {
    if (!result.ok) return result;
    const { vendor, ...canonical } = result.value;
    return { canonical, extras: vendor?.['wxcc']?.['extras'], customChatFields: vendor?.['wxcc']?.['customChatFields'] };
  };

  it('reads the nested event, the flat variables and the event as JSON text like the bare extras', () => {
    for (const name of ['event-nested.json', 'event-flat-variables.json']) {
      const event = readFixture(name);
      expect(withoutBag(wxccAdapter.fromVendor(event)), name).toEqual(withoutBag(bare));
      expect(withoutBag(wxccAdapter.fromVendor(JSON.stringify(event))), name).toEqual(withoutBag(bare));
    }
  });

  it('reads extras that are already an object, and at inappmessaging.extras', () => {
    const extras = readFixture('extras-first-message.json');
    for (const event of [{ inappmessaging: { userId: 'u', message: { extras } } }, { inappmessaging: { userId: 'u', extras: JSON.stringify(extras) } }]) {
      expect(withoutBag(wxccAdapter.fromVendor(event))).toEqual(withoutBag(bare));
    }
  });

  it('keeps the rest of the event in vendor.wxcc.event, without the extras, and toVendor reports it as not sent', () => {
    const result = wxccAdapter.fromVendor(readFixture('event-nested.json'));
    expect(result.ok && result.value.vendor?.['wxcc']?.['event']).toMatchObject({
      inappmessaging: { userId: '3a9f0c2e7d41b6a8e5c90f12ab34cd56', threadId: '4c1d7e2a-0b9f-4e3c-8a6d-5f2e1b0c9d8a', message: { message: 'Where is my order?' } },
    });
    expect(JSON.stringify(result.ok && result.value.vendor?.['wxcc']?.['event'])).not.toContain('custom_chat_attr');
    if (!result.ok) return;
    const outbound = wxccAdapter.toVendor(result.value);
    expect(outbound.diagnostics).toContainEqual(expect.objectContaining({ code: 'field_dropped', path: ['vendor', 'wxcc', 'event'] }));
  });

  it('keeps unreadable extras in the event with a warning, and refuses forbidden keys inside them', () => {
    const unreadable = wxccAdapter.fromVendor({ inappmessaging: { userId: 'u', message: { extras: '' } } });
    expect(unreadable.ok).toBe(true);
    expect(codes(unreadable)).toEqual(['extras_unreadable']);
    expect(unreadable.ok && unreadable.value.vendor?.['wxcc']?.['event']).toEqual({ inappmessaging: { userId: 'u', message: { extras: '' } } });

    const polluted = wxccAdapter.fromVendor({ inappmessaging: { message: { extras: '{"__proto__":{"polluted":"yes"}}' } } });
    expect(polluted).toMatchObject({ ok: false, diagnostics: [{ code: 'forbidden_key', path: ['inappmessaging', 'message', 'extras', '__proto__'] }] });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('says so when an event carries no extras at all', () => {
    const result = wxccAdapter.fromVendor({ inappmessaging: { userId: 'u', threadId: 't' } });
    expect(codes(result)).toEqual(['custom_chat_attr_missing']);
    expect(result.ok && result.value.vendor?.['wxcc']?.['event']).toEqual({ inappmessaging: { userId: 'u', threadId: 't' } });
  });
});

describe('unrecognized_payload', () => {
  it('warns, naming the shapes it reads, when nothing is a Webex shape, and fails under strict', () => {
    const result = wxccAdapter.fromVendor(readFixture('unrecognized-payload.json'));
    expect(result.ok).toBe(true);
    expect(result.diagnostics).toMatchObject([{ code: 'unrecognized_payload', severity: 'warning', path: [] }]);
    expect(result.diagnostics[0]?.message).toMatch(/Webex Contact Center.*inappmessaging\.message\.extras.*custom_chat_fields/);
    expect(wxccAdapter.fromVendor(readFixture('unrecognized-payload.json'), { strict: true }).ok).toBe(false);
    expect(codes(wxccAdapter.fromVendor({}))).toEqual(['unrecognized_payload']);
  });

  it('is declared in the capabilities', () => {
    expect(wxccAdapter.capabilities.payloadShapes?.length).toBe(3);
  });
});

describe('prototype-named keys (never reach Object.prototype)', () => {
  it('are plain extras, custom chat fields and profile params', () => {
    for (const key of prototypeKeys) {
      const extras = {
        browserfingerprint: 'f',
        [key]: 'extra',
        custom_chat_attr: JSON.stringify({ [key]: 'field', name: 'Ada' }),
        customprofileparams: JSON.stringify({ [key]: 'x', IP: '203.0.113.9' }),
      };
      for (const input of [extras, { inappmessaging: { [key]: 'e', message: { [key]: 'm', extras } } }, { [key]: 1 }]) {
        const result = wxccAdapter.fromVendor(input);
        expect(result.ok, `${key}: ${JSON.stringify(result.diagnostics)}`).toBe(true);
        expect(codes(result), key).not.toContain('adapter_failed');
      }
      const result = wxccAdapter.fromVendor(extras);
      expect(result.ok && result.value.visitor, key).toEqual({ name: 'Ada' });
      const bag = (result.ok ? result.value.vendor?.['wxcc'] : undefined) as Record<string, Record<string, unknown>> | undefined;
      if (key === 'constructor') {
        // The canonical model refuses this key anywhere: the attribute and the extra are kept aside, with warnings.
        expect(result.ok && result.value.attributes, key).toBeUndefined();
        expect(bag?.['rejectedFields']?.['attributes.constructor']).toBe('field');
        expect(bag?.['refusedKeys']).toEqual({ 'extras.constructor': 'extra' });
        expect(codes(result)).toEqual(['field_renamed', 'field_dropped']);
      } else {
        expect(result.ok && result.value.attributes, key).toEqual({ [key]: 'field' });
        expect(Object.hasOwn(bag?.['extras'] ?? {}, key), key).toBe(true);
        expect(bag?.['extras']?.['customprofileparams'], key).toBe(extras.customprofileparams);
      }
    }
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('work as custom chat field names in a field map, both ways', () => {
    const adapter = createWxccAdapter({ fields: { 'visitor.name': 'constructor', 'visitor.email': 'toString', 'attributes.*': 'valueOf *' } });
    const outbound = adapter.toVendor({ visitor: { name: 'Ada', email: 'ada@example.com' }, attributes: { plan: 'pro' } });
    expect(outbound.ok && outbound.value).toEqual({ custom_chat_fields: { constructor: 'Ada', toString: 'ada@example.com', 'valueOf plan': 'pro' } });
    if (!outbound.ok) return;
    const inbound = adapter.fromVendor({ custom_chat_attr: JSON.stringify(outbound.value.custom_chat_fields) });
    expect(inbound.ok && inbound.value).toEqual({ visitor: { name: 'Ada', email: 'ada@example.com' }, attributes: { plan: 'pro' } });
    const translated = translateWxccContext(
      { visitor: { name: 'Ada', email: 'ada@example.com' }, attributes: { plan: 'pro' } },
      { fields: { 'visitor.name': 'constructor', 'visitor.email': 'toString', 'attributes.*': 'valueOf *' } },
    );
    expect(translated).toEqual(outbound);
    expect(({} as Record<string, unknown>)['valueOf plan']).toBeUndefined();
  });

  it('are refused as canonical names in a field map and as option names, without throwing anything but the documented TypeError', () => {
    for (const key of prototypeKeys) {
      expect(() => createWxccAdapter({ fields: { [key]: 'x' } })).toThrow(TypeError);
      expect(() => createWxccAdapter({ [key]: 1 } as never)).toThrow(TypeError);
      expect(wxccAdapter.fromVendor({ custom_chat_attr: '{}' }, { [key]: true } as never)).toMatchObject({ ok: false, diagnostics: [{ code: 'invalid_option' }] });
      expect(wxccAdapter.toVendor({}, { [key]: true } as never)).toMatchObject({ ok: false, diagnostics: [{ code: 'invalid_option' }] });
    }
  });
});
