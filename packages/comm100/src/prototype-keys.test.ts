import { describe, expect, it } from 'vitest';
import { comm100Adapter, createComm100Adapter, handleComm100Webhook, parseComm100WebhookEvent } from './index.js';

/*
 * Keys that name Object.prototype members, in every position a webhook or an option can hold a key or a name:
 * a lookup by such a key must be own-property only, so each one is either read as data or refused with a
 * diagnostic, never resolved to Object.prototype's member, never polluting it and never throwing.
 */
const prototypeNames = ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty'] as const;

/** A webhook body (as JSON text, so `__proto__` is an own key as a real request makes it) with `key` in one position. */
const positions: Record<string, (key: string) => string> = {
  'top-level key': (key) => `{"event":"chat_started","${key}":"v-top","visitor":{"name":"Ada"}}`,
  'visitor key': (key) => `{"event":"chat_started","visitor":{"name":"Ada","${key}":"v-visitor"}}`,
  'chat key': (key) => `{"event":"chat_ended","visitor":{},"chat":{"${key}":"v-chat"}}`,
  'wrap-up key': (key) => `{"event":"chat_wrapped_up","wrapup":{"${key}":"v-wrapup"}}`,
  'offline message key': (key) => `{"event":"offline_message_submitted","offline_message":{"${key}":"v-offline"}}`,
  'custom variable name': (key) => `{"event":"chat_started","visitor":{"custom_variables":[{"name":"${key}","value":"v-variable"}]}}`,
  'custom field name': (key) => `{"event":"chat_started","visitor":{"custom_fields":[{"field_id":1,"name":"${key}","value":"v-field"}]}}`,
  'chat custom variable name': (key) => `{"event":"chat_ended","visitor":{},"chat":{"custom_variable":[{"name":"${key}","value":"v-chat-variable"}]}}`,
  'custom variable item key': (key) => `{"event":"chat_started","visitor":{"custom_variables":[{"name":"plan","value":"pro","${key}":"v-item"}]}}`,
  'event name': (key) => `{"event":"${key}","visitor":{}}`,
  'unrecognized payload key': (key) => `{"${key}":"v-unknown"}`,
};

/** Positions where the name is a value (a custom variable's name, the event name), not an object key. */
const namePositions = new Set(['custom variable name', 'custom field name', 'chat custom variable name', 'event name']);

const polluted = () => Object.keys(Object.prototype).length > 0 || ({} as Record<string, unknown>)['polluted'] !== undefined;

describe.each(prototypeNames)('the key "%s"', (key) => {
  it.each(Object.keys(positions))('as a %s is data or a diagnostic, never a prototype member', (position) => {
    const text = positions[position]?.(key) ?? '';
    for (const input of [text, JSON.parse(text) as unknown]) {
      const result = comm100Adapter.fromVendor(input);
      expect(polluted()).toBe(false);
      if (key === '__proto__' && !namePositions.has(position)) {
        expect(result.ok).toBe(false);
        expect(result.diagnostics.map((item) => item.code)).toContain('forbidden_key');
        continue;
      }
      if (position === 'event name') {
        expect(result.diagnostics.map((item) => item.code)).toEqual(['unknown_event']);
        continue;
      }
      expect(result.ok).toBe(true);
      const value = /"(v-[a-z-]+)"/.exec(text)?.[1];
      const kept = JSON.stringify(result.ok ? result.value : null).includes(`"${value}"`);
      const reported = result.diagnostics.some((item) => item.path.includes(key) && item.severity === 'warning');
      expect(kept || reported).toBe(true);
    }
    const event = parseComm100WebhookEvent(text);
    expect(typeof event.ok).toBe('boolean');
    expect(polluted()).toBe(false);
  });

  it('as a custom variable name mapped by fieldVariables, and in the customVariables list', () => {
    const adapter = createComm100Adapter({ fieldVariables: { 'visitor.id': key }, customVariables: [key, 'plan'] });
    const inbound = adapter.fromVendor(`{"event":"chat_started","visitor":{"custom_variables":[{"name":"${key}","value":"u-1"}]}}`);
    expect(inbound.ok && inbound.value.visitor).toEqual({ id: 'u-1' });
    const outbound = adapter.toVendor({ visitor: { id: 'u-1' }, attributes: { plan: 'pro' } });
    expect(outbound.ok && outbound.value.customVariables).toEqual([
      { name: key, value: 'u-1' },
      { name: 'plan', value: 'pro' },
    ]);
    expect(polluted()).toBe(false);
  });

  it('as an attribute key sent out, with and without the customVariables list', () => {
    const context = JSON.parse(`{"attributes":{"${key}":"x","plan":"pro"}}`) as never;
    for (const adapter of [comm100Adapter, createComm100Adapter({ customVariables: ['plan'] })]) {
      const result = adapter.toVendor(context);
      expect(typeof result.ok).toBe('boolean');
      if (result.ok) expect(result.value.customVariables.map((item) => item.name)).not.toContain('__proto__');
    }
    expect(polluted()).toBe(false);
  });

  it('as an option key of the adapter, the webhook handler and the JSON limits', async () => {
    const options = JSON.parse(`{"${key}":1}`) as never;
    expect(comm100Adapter.fromVendor('{"event":"online","operator_id":1}', options).ok).toBe(false);
    expect(comm100Adapter.toVendor({}, options).ok).toBe(false);
    expect(parseComm100WebhookEvent('{"event":"online","operator_id":1}', options).ok).toBe(true);
    const request = new Request('https://hooks.example.com/c', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"event":"online","operator_id":1}' });
    const handled = await handleComm100Webhook(request, options);
    expect(handled.ok).toBe(true);
    expect(polluted()).toBe(false);
  });
});
