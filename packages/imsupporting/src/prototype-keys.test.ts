import { encodeBase64Text } from '@visitor-context/core';
import { describe, expect, it } from 'vitest';
import { createImsupportingAdapter, imsupportingAdapter } from './index.js';

/*
 * Keys that name Object.prototype members in every position a stored context, a record, the wire payload, the
 * page configuration or an option can hold one: each is read as data or refused with a diagnostic, never
 * resolved to Object.prototype's member, never polluting it and never throwing.
 */
const prototypeNames = ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty'] as const;

const positions: Record<string, (key: string) => string> = {
  'stored pair key': (key) => `{"${key}":"v-pair","plan":"pro"}`,
  'record column': (key) => `{"${key}":"v-column","visitor_context_data":"{\\"plan\\":\\"pro\\"}"}`,
  'key inside visitor_context_data': (key) => `{"visitor_context_data":"{\\"${key}\\":\\"v-stored\\",\\"plan\\":\\"pro\\"}"}`,
  'configuration key': (key) => `{"siteid":"s","mode":"popover","${key}":"v-config","visitorContext":{"plan":"pro"}}`,
  'key inside visitorContext': (key) => `{"siteid":"s","visitorContext":{"${key}":"v-context","plan":"pro"}}`,
};

const polluted = () => Object.keys(Object.prototype).length > 0 || ({} as Record<string, unknown>)['polluted'] !== undefined;

/** Whether `value` is kept anywhere in the context, or a warning or error names `key`. */
const accountedFor = (result: ReturnType<typeof imsupportingAdapter.fromVendor>, key: string, value: string) =>
  JSON.stringify(result.ok ? result.value : null).includes(`"${value}"`) || result.diagnostics.some((item) => item.path.includes(key) || item.message.includes(key));

describe.each(prototypeNames)('the key "%s"', (key) => {
  it.each(Object.keys(positions))('as a %s is data or a diagnostic, never a prototype member', (position) => {
    const text = positions[position]?.(key) ?? '';
    const value = /(v-[a-z]+)/.exec(text)?.[1] ?? '';
    for (const input of [text, JSON.parse(text) as unknown]) {
      const result = imsupportingAdapter.fromVendor(input);
      expect(polluted()).toBe(false);
      expect(accountedFor(result, key, value)).toBe(true);
      if (key !== '__proto__') expect(result.ok).toBe(true);
    }
  });

  it('in the base64 wire payload is data or a diagnostic', () => {
    const result = imsupportingAdapter.fromVendor(encodeBase64Text(`{"${key}":"v-wire","plan":"pro"}`));
    expect(polluted()).toBe(false);
    expect(accountedFor(result, key, 'v-wire')).toBe(true);
  });

  it('as a metadata key name and as an attribute key sent out', () => {
    if (key === '__proto__' || key === 'constructor') {
      // Sent, it could never be read back (inbound JSON and contexts refuse it), so the factory refuses it.
      expect(() => createImsupportingAdapter({ metadataKeys: { 'visitor.id': key } })).toThrow(/metadataKeys/);
      return;
    }
    const adapter = createImsupportingAdapter({ metadataKeys: { 'visitor.id': key } });
    const outbound = adapter.toVendor({ visitor: { id: 'u-1' } });
    expect(outbound.ok && Object.entries(outbound.value)).toEqual([[key, 'u-1']]);
    if (outbound.ok) {
      const inbound = adapter.fromVendor(outbound.value);
      expect(inbound.ok && inbound.value.visitor).toEqual({ id: 'u-1' });
    }
    const attribute = imsupportingAdapter.toVendor(JSON.parse(`{"attributes":{"${key}":"x","plan":"pro"}}`) as never);
    expect(typeof attribute.ok).toBe('boolean');
    expect(polluted()).toBe(false);
  });

  it('as an option key', () => {
    const options = JSON.parse(`{"${key}":1}`) as never;
    expect(imsupportingAdapter.fromVendor('{"plan":"pro"}', options).ok).toBe(false);
    expect(imsupportingAdapter.toVendor({}, options).ok).toBe(false);
    expect(() => createImsupportingAdapter(options)).toThrow();
    expect(polluted()).toBe(false);
  });
});
