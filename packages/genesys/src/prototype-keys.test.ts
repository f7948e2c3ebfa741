/*
 * Lookups by untrusted key: a key named like an Object.prototype member must be an ordinary key everywhere,
 * never find the prototype's function (which once became the vendor key "function toString() { [native code] }").
 */
import type { VisitorContext } from '@visitor-context/core';
import { describe, expect, it } from 'vitest';
import { applyGenesysPayload, applyGenesysWidgetsPayload, translateGenesysContext, type GenesysCommandQueue, type GenesysGlobals } from './browser.js';
import { genesysAdapter, type GenesysChannel, type GenesysPayload } from './index.js';

const channels: readonly GenesysChannel[] = ['messenger', 'attributes', 'open-messaging', 'web-chat', 'widgets', 'guest-chat'];
/** Core refuses `__proto__`, `constructor` and `prototype` as context keys outright; these get through to the adapter. */
const prototypeNames = ['toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'] as const;

/** Every key of every object in a payload. */
function keysOf(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, entry]) => [key, ...keysOf(entry)]);
}

const noNativeCode = (payload: GenesysPayload): void => {
  for (const key of keysOf(payload)) expect(key).not.toMatch(/function|native code|\[object/);
};

describe('prototype-named keys in toVendor', () => {
  const context: VisitorContext = {
    visitor: { email: 'ada@example.com' },
    attributes: Object.fromEntries(prototypeNames.map((name) => [name, `${name} value`])),
    vendor: {
      genesys: {
        fields: Object.fromEntries(prototypeNames.map((name) => [name, `kept ${name}`])),
        rejectedFields: Object.fromEntries([...prototypeNames, 'visitor.toString', 'page.valueOf'].map((name) => [name, 'refused'])),
      },
    },
  };

  for (const channel of channels) {
    it(`${channel}: builds no key from Object.prototype, and reports every rejected field it cannot place`, () => {
      for (const result of [genesysAdapter.toVendor(context, { channel }), translateGenesysContext(context, { channel })]) {
        if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
        noNativeCode(result.value);
        const dropped = result.diagnostics.filter((diagnostic) => diagnostic.path[2] === 'rejectedFields').map((diagnostic) => diagnostic.path[3]);
        expect(dropped).toEqual([...prototypeNames, 'visitor.toString', 'page.valueOf']);
      }
    });
  }

  it('messenger: attributes and kept fields named like prototype members travel under their own names', () => {
    const result = genesysAdapter.toVendor(context);
    expect(result.ok && result.value.channel === 'messenger' && result.value.options.messaging.customAttributes).toMatchObject({
      isPrototypeOf: 'isPrototypeOf value',
      toString: 'toString value',
      valueOf: 'valueOf value',
      hasOwnProperty: 'hasOwnProperty value',
      email: 'ada@example.com',
    });
  });

  for (const key of ['__proto__', 'constructor', 'prototype']) {
    it(`refuses the key ${key} in the context`, () => {
      const context = JSON.parse(`{"attributes":{"${key}":"x"}}`) as VisitorContext;
      expect(genesysAdapter.toVendor(context)).toMatchObject({ ok: false, diagnostics: [{ code: 'forbidden_key' }] });
      expect(translateGenesysContext(context)).toMatchObject({ ok: false, diagnostics: [{ code: 'forbidden_key' }] });
    });
  }
});

describe('prototype-named keys in fromVendor', () => {
  it('refuses a payload with a __proto__ key anywhere', () => {
    const result = genesysAdapter.fromVendor('{"purpose":"customer","attributes":{"__proto__":{"polluted":true}}}');
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'forbidden_key' }] });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reads toString, valueOf and hasOwnProperty as attributes and drops constructor and prototype with a warning', () => {
    const attributes = JSON.parse('{"toString":"a","valueOf":"b","hasOwnProperty":"c","constructor":"d","prototype":"e","context.prototype":"f","customerId":"c-1"}');
    const result = genesysAdapter.fromVendor({ purpose: 'customer', attributes });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    expect(result.value.attributes).toEqual({ toString: 'a', valueOf: 'b', hasOwnProperty: 'c' });
    expect(result.value.visitor).toEqual({ id: 'c-1' });
    expect(result.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.path.at(-1)}`)).toEqual([
      'field_dropped constructor',
      'field_dropped prototype',
      'field_dropped context.prototype',
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('never takes a shape key from Object.prototype: a payload named only by prototype members is not a conversation', () => {
    for (const name of prototypeNames) {
      const result = genesysAdapter.fromVendor({ [name]: 'x' });
      // Read as a flat attribute map of strings, never as a conversation, participant or channel payload.
      expect(result.ok).toBe(true);
      expect(result.diagnostics.map((diagnostic) => diagnostic.code)).not.toContain('adapter_failed');
    }
    expect(genesysAdapter.fromVendor({ channel: 'toString' })).toMatchObject({ ok: true, value: { attributes: { channel: 'toString' } } });
  });
});

describe('applyGenesysPayload refuses what it must not issue', () => {
  function recordingMessenger(): { target: GenesysGlobals; commands: unknown[][] } {
    const commands: unknown[][] = [];
    const genesys: GenesysCommandQueue = (action, name, ...rest) => {
      if (action === 'subscribe') (rest[0] as () => void)();
      else {
        commands.push([name, rest[0]]);
        (rest[1] as () => void)();
      }
    };
    return { target: { Genesys: genesys }, commands };
  }

  for (const command of ['MessagingService.sendMessage', 'Database.remove', 'Messenger.open', 'constructor', '__proto__']) {
    it(`refuses the command ${command} without calling Genesys`, async () => {
      const messenger = recordingMessenger();
      const payload = { channel: 'messenger', command, options: { messaging: { customAttributes: { a: 'b' } } } };
      const result = await applyGenesysPayload(payload as never, { target: messenger.target, timeoutMs: 50 });
      expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'invalid_payload' }] });
      expect(messenger.commands).toEqual([]);
    });
  }

  for (const key of ['__proto__', 'constructor', 'prototype', 'a.__proto__', 'data.constructor.prototype', 'x.prototype.y']) {
    it(`refuses the key "${key}", whose segments reach a prototype`, async () => {
      const messenger = recordingMessenger();
      const customAttributes = JSON.parse(JSON.stringify({ [key]: 'x', ok: 'y' }).replace('"__proto__"', '"__proto__"'));
      for (const payload of [
        { channel: 'messenger', command: 'Database.set', options: { messaging: { customAttributes } } },
        { channel: 'web-chat', data: customAttributes },
        { channel: 'widgets', form: {}, userData: customAttributes },
        { channel: 'widgets', form: customAttributes, userData: {} },
      ]) {
        const apply = payload.channel === 'widgets' ? applyGenesysWidgetsPayload : applyGenesysPayload;
        const result = await apply(payload as never, { target: messenger.target, timeoutMs: 50 });
        expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'forbidden_key' }] });
      }
      expect(messenger.commands).toEqual([]);
    });
  }

  it('sends only the checked custom attributes: other options and inherited keys never reach Genesys', async () => {
    const messenger = recordingMessenger();
    const customAttributes = Object.assign(Object.create({ inherited: 'no' }) as object, { plan: 'pro' });
    const payload = { channel: 'messenger', command: 'Database.update', options: { messaging: { customAttributes, other: 1 }, extra: { x: 1 } } };
    const result = await applyGenesysPayload(payload as never, { target: messenger.target, timeoutMs: 50 });
    expect(result).toEqual({ ok: true, value: { channel: 'messenger', command: 'Database.update', keys: ['plan'] }, diagnostics: [] });
    expect(messenger.commands).toEqual([['Database.update', { messaging: { customAttributes: { plan: 'pro' } } }]]);
  });

  it('refuses values that are not strings, and an unknown channel', async () => {
    const target = recordingMessenger().target;
    expect(await applyGenesysPayload({ channel: 'messenger', command: 'Database.set', options: { messaging: { customAttributes: { a: 1 } } } } as never, { target })).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'invalid_payload' }],
    });
    expect(await applyGenesysPayload({ channel: 'guest-chat' } as never, { target })).toMatchObject({ ok: false, diagnostics: [{ code: 'invalid_payload' }] });
    // Widgets payloads have their own function, so that the Messenger bundle stays small.
    expect(await applyGenesysPayload({ channel: 'widgets', form: {}, userData: {} } as never, { target })).toMatchObject({ ok: false, diagnostics: [{ code: 'invalid_payload' }] });
    expect(await applyGenesysWidgetsPayload({ channel: 'messenger' } as never, { target })).toMatchObject({ ok: false, diagnostics: [{ code: 'invalid_payload' }] });
  });
});
