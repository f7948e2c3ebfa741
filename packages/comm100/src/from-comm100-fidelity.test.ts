import { listContextFields, type VisitorContext } from '@visitor-context/core';
import { describe, expect, it } from 'vitest';
import { comm100Adapter, parseComm100WebhookEvent, splitComm100Transcript } from './index.js';
import {
  agentStatusEvents,
  chatEnded,
  chatEndedKbExample,
  chatEndedOlderGeneration,
  chatRequested,
  chatStarted,
  chatStartedOlderDocs,
  chatTransferred,
  chatWrappedUp,
  kbTranscriptLines,
  offlineMessageKbExample,
  offlineMessageSubmitted,
} from './__fixtures__/webhook-events.js';

const bagOf = (context: VisitorContext) => context.vendor?.['comm100'] as Record<string, Record<string, unknown>>;

describe('Comm100\'s "" means unknown (KB examples)', () => {
  it.each([
    ['Chat Ended', chatEndedKbExample],
    ['Offline Message Submitted', offlineMessageKbExample],
  ])('%s: no canonical field or attribute gets an empty string, and the bag keeps each one', (_name, payload) => {
    const result = comm100Adapter.fromVendor(payload, { transcriptDelivered: true });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    expect(result.diagnostics).toEqual([]);
    expect(listContextFields(result.value).filter((field) => field.value === '')).toEqual([]);
    const visitor = bagOf(result.value)['visitor'];
    expect(visitor).toMatchObject({ company: '', phone: '', keywords: '', custom_variables: [{ name: 'Name', value: '' }] });
    expect(result.value.visitor).not.toHaveProperty('phone');
    expect(result.value.attributes).toBeUndefined();
    expect(result.value).toMatchSnapshot();
  });

  it('never blanks what a CRM already knows when the context is merged into it', () => {
    const known = { visitor: { name: 'testName', phone: '+1 416 555 0100', company: 'Acme' }, page: { searchKeywords: 'pricing' } };
    const result = comm100Adapter.fromVendor(chatEndedKbExample, { transcriptDelivered: true });
    if (!result.ok) throw new Error('expected ok');
    const merged = { visitor: { ...known.visitor, ...result.value.visitor }, page: { ...known.page, ...result.value.page } };
    expect(merged.visitor).toMatchObject({ phone: '+1 416 555 0100', company: 'Acme' });
    expect(merged.page.searchKeywords).toBe('pricing');
  });

  it('keeps an empty custom variable mapped to a canonical field out of that field, and Comm100\'s own value in it', () => {
    const result = comm100Adapter.fromVendor(
      { event: 'chat_started', visitor: { email: 'ada@example.com', custom_variables: [{ name: 'user_email', value: '' }] } },
      { fieldVariables: { 'visitor.email': 'user_email' } },
    );
    expect(result.ok && result.value.visitor).toEqual({ email: 'ada@example.com' });
    expect(result.ok && bagOf(result.value)['visitor']?.['custom_variables']).toEqual([{ name: 'user_email', value: '' }]);
  });

  it('reports an empty value on the way out, since it cannot come back', () => {
    const result = comm100Adapter.toVendor({ visitor: { phone: '' }, attributes: { plan: '', tier: 'gold' } });
    expect(result.ok && result.value.customVariables).toEqual([
      { name: 'plan', value: '' },
      { name: 'tier', value: 'gold' },
    ]);
    expect(result.diagnostics.filter((item) => item.code === 'empty_value').map((item) => item.path)).toEqual([
      ['visitor', 'phone'],
      ['attributes', 'plan'],
    ]);
  });
});

describe('transcripts of both generations', () => {
  it('splits the KB transcript at ⊙ and the older generation\'s at line breaks, to the same lines', () => {
    for (const payload of [chatEndedKbExample, chatEndedOlderGeneration]) {
      const event = parseComm100WebhookEvent(payload);
      expect(event.ok && event.value.event === 'chat_ended' && event.value.chat.chat_transcript).toEqual([...kbTranscriptLines]);
    }
  });

  it('splits \\r\\n and \\r too, keeps line breaks inside a ⊙ transcript\'s messages, and drops one trailing separator', () => {
    expect(splitComm100Transcript('a\r\nb\rc\n')).toEqual(['a', 'b', 'c']);
    expect(splitComm100Transcript('Ada: first line\nsecond line⊙Agent: ok⊙')).toEqual(['Ada: first line\nsecond line', 'Agent: ok']);
    expect(splitComm100Transcript('one line')).toEqual(['one line']);
    expect(splitComm100Transcript('')).toEqual([]);
  });

  it('reports the omitted older-generation transcript by its line count', () => {
    const result = comm100Adapter.fromVendor(chatEndedOlderGeneration);
    expect(result.diagnostics.map((item) => [item.code, item.message.match(/\((\d+) lines\)/)?.[1]])).toEqual([['transcript_omitted', '5']]);
  });
});

describe('unreadable /Date(…)/ values', () => {
  const payload = {
    ...chatStarted,
    visitor: { ...chatStarted.visitor, visit_time: '/Date(1584415749307 UTC)/', first_visit_time: '/Date()/' },
  };

  it('warns naming each field and keeps the raw text in vendor.comm100', () => {
    const result = comm100Adapter.fromVendor(payload);
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((item) => [item.code, item.severity, item.path])).toEqual([
      ['unreadable_date', 'warning', ['visitor', 'first_visit_time']],
      ['unreadable_date', 'warning', ['visitor', 'visit_time']],
    ]);
    expect(result.diagnostics[1]?.message).toContain('visitor.visit_time');
    expect(result.ok && bagOf(result.value)['visitor']).toMatchObject({ visit_time: '/Date(1584415749307 UTC)/', first_visit_time: '/Date()/' });
  });

  it('warns in the typed event too, on the wrap-up and offline message times as well', () => {
    const event = parseComm100WebhookEvent({ ...chatWrappedUp, wrapup: { ...chatWrappedUp.wrapup, time: '/Date(soon)/' } });
    expect(event.ok && event.value.event === 'chat_wrapped_up' && event.value.wrapup.time).toBe('/Date(soon)/');
    expect(event.diagnostics.map((item) => [item.code, item.path])).toEqual([['unreadable_date', ['wrapup', 'time']]]);
    const offline = comm100Adapter.fromVendor({ ...offlineMessageSubmitted, offline_message: { ...offlineMessageSubmitted.offline_message, time: '/Date(12345678901234567)/' } });
    expect(offline.diagnostics.map((item) => [item.code, item.path])).toEqual([['unreadable_date', ['offline_message', 'time']]]);
  });

  it('reads a date with white space around it, and leaves text that is no date alone', () => {
    const result = comm100Adapter.fromVendor({ ...chatStarted, visitor: { ...chatStarted.visitor, visit_time: ' /Date(1584415749307)/ ', product_service: 'Date(1) plan' } });
    expect(result.diagnostics).toEqual([]);
    expect(result.ok && bagOf(result.value)['visitor']).toMatchObject({ visit_time: '2020-03-17T03:29:09.307Z', product_service: 'Date(1) plan' });
  });
});

describe('unrecognized payloads', () => {
  it.each([
    ['an empty object', {}],
    ['a Genesys conversation', { id: 'c-1', participants: [{ purpose: 'customer', attributes: { plan: 'pro' } }] }],
    ['a Comm100 chatbot webhook', { Visitor: { custom_fields: [] }, FormValues: [{ label: 'Email', value: 'a@b.c' }] }],
  ])('warns unrecognized_payload for %s, listing the shapes, with everything in vendor.comm100', (_name, payload) => {
    const result = comm100Adapter.fromVendor(payload);
    expect(result.ok).toBe(true);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'unrecognized_payload', severity: 'warning', path: [] })]);
    expect(result.diagnostics[0]?.message).toContain('Chat Wrapped-Up webhook body');
    expect(result.ok && result.value).toEqual({ vendor: { comm100: payload } });
  });

  it('fails under strict, and declares the shapes it reads in its capabilities', () => {
    expect(comm100Adapter.fromVendor({ hello: 'world' }, { strict: true }).ok).toBe(false);
    expect(comm100Adapter.capabilities.payloadShapes?.length).toBe(5);
  });

  it('recognises every documented webhook body', () => {
    const documented = [chatStarted, chatStartedOlderDocs, chatEnded, chatEndedKbExample, chatEndedOlderGeneration, chatWrappedUp, offlineMessageSubmitted, offlineMessageKbExample, chatRequested, chatTransferred, ...agentStatusEvents];
    for (const payload of documented) {
      expect(comm100Adapter.fromVendor(payload).diagnostics.map((item) => item.code)).not.toContain('unrecognized_payload');
    }
  });

  it('still refuses a payload that names no known event but has Comm100 sections', () => {
    const result = comm100Adapter.fromVendor({ visitor: { name: 'A' } });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((item) => item.code)).toEqual(['unknown_event']);
  });
});

describe('vendor.comm100 does not repeat what attributes carry', () => {
  /** The package proof's maximal context: 200 attributes with long values, near core's 32 KiB. */
  const maximal: VisitorContext = {
    visitor: { name: 'Ada Augusta King, Countess of Lovelace', email: 'ada@example.com' },
    attributes: Object.fromEntries(
      Array.from({ length: 200 }, (_, index) => {
        const value = index % 3 === 0 ? index * 1.5 : index % 3 === 1 ? `value ${index} `.repeat(30).trim() : index % 2 === 0;
        return [`attribute_${String(index).padStart(3, '0')}`, value];
      }),
    ),
  };

  it('reads the webhook echo of a 200-attribute context within the context size limit', () => {
    const outbound = comm100Adapter.toVendor(maximal);
    if (!outbound.ok) throw new Error('expected ok');
    const webhook = { event: 'chat_started', visitor: { custom_variables: outbound.value.customVariables, name: maximal.visitor?.name } };
    const inbound = comm100Adapter.fromVendor(webhook);
    if (!inbound.ok) throw new Error(JSON.stringify(inbound.diagnostics.slice(0, 3)));
    expect(Object.keys(inbound.value.attributes ?? {})).toHaveLength(200);
    expect(inbound.value.attributes?.['attribute_001']).toBe(maximal.attributes?.['attribute_001']);
    expect(bagOf(inbound.value)['visitor']).toEqual({});
  });

  it('keeps field ids, empty, conflicting, refused and truncated values in the bag', () => {
    const result = comm100Adapter.fromVendor({
      event: 'chat_ended',
      visitor: {
        custom_fields: [{ field_id: 7, name: 'order_id', value: '17' }],
        custom_variables: [
          { name: 'plan', value: 'pro' },
          { name: 'empty', value: '' },
          { name: 'constructor', value: 'x' },
          { name: 'long', value: 'y'.repeat(5000) },
        ],
      },
      chat: { custom_variable: [{ name: 'plan', value: 'enterprise' }, { name: 'same', value: 's' }] },
    }, { transcriptDelivered: true });
    if (!result.ok) throw new Error('expected ok');
    expect(result.value.attributes).toMatchObject({ order_id: '17', plan: 'enterprise', same: 's' });
    const bag = bagOf(result.value);
    expect(bag['visitor']?.['custom_fields']).toEqual([{ field_id: 7, name: 'order_id' }]);
    expect((bag['visitor']?.['custom_variables'] as { name: string }[]).map((item) => item.name)).toEqual(['plan', 'empty', 'constructor', 'long']);
    expect(bag['chat']).toEqual({});
  });
});

describe('times as epoch milliseconds (older doc generation)', () => {
  it('reads first_visit_time and visit_time given as numbers, as an older Comm100 webhook doc shows them', () => {
    // The older doc's visitor table: "first_visit_time | integer | first visit time (1536738453010)".
    const payload = { event: 'chat_started', visitor: { name: 'Ada', first_visit_time: 1536738453010, visit_time: 1536738453010 } };
    const event = parseComm100WebhookEvent(payload);
    expect(event.ok && event.value.event === 'chat_started' && event.value.visitor.visit_time).toBe('2018-09-12T07:47:33.010Z');
    const result = comm100Adapter.fromVendor(payload);
    expect(result.ok && bagOf(result.value)['visitor']).toEqual({ first_visit_time: '2018-09-12T07:47:33.010Z', visit_time: '2018-09-12T07:47:33.010Z' });
  });
});
