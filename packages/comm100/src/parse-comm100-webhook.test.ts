import { describe, expect, it } from 'vitest';
import { parseComm100Date, parseComm100WebhookEvent, splitComm100Transcript, comm100VisitorStatusName } from './index.js';
import { agentStatusEvents, chatEnded, chatStartedOlderDocs, chatTransferred, chatWrappedUp, offlineMessageSubmitted } from './__fixtures__/webhook-events.js';

describe('Comm100 value encodings', () => {
  it('turns /Date(ms)/ into ISO 8601, with or without an offset, and refuses anything else', () => {
    expect(parseComm100Date('/Date(1580361387156)/')).toBe('2020-01-30T05:16:27.156Z');
    expect(parseComm100Date('/Date(1580361387156+0800)/')).toBe('2020-01-30T05:16:27.156Z');
    expect(parseComm100Date('/Date(-1000)/')).toBe('1969-12-31T23:59:59.000Z');
    expect(parseComm100Date('2020-01-30T05:16:27Z')).toBeUndefined();
    expect(parseComm100Date('/Date(abc)/')).toBeUndefined();
    expect(parseComm100Date('/Date(9999999999999999)/')).toBeUndefined();
  });

  it('names status codes 0–11 and nothing else', () => {
    expect([0, 2, 9, 10, 11].map(comm100VisitorStatusName)).toEqual(['waiting_for_chat', 'chatting', 'chat_ended', 'in_site', 'out_of_site']);
    expect([12, -1, 2.5].map(comm100VisitorStatusName)).toEqual([undefined, undefined, undefined]);
  });

  it('splits the transcript on ⊙', () => {
    expect(splitComm100Transcript('a⊙b⊙')).toEqual(['a', 'b']);
    expect(splitComm100Transcript('a⊙⊙b')).toEqual(['a', '', 'b']);
    expect(splitComm100Transcript('')).toEqual([]);
  });
});

describe('parseComm100WebhookEvent', () => {
  it('gives Chat Ended as a typed event with the transcript as lines and ISO dates', () => {
    const result = parseComm100WebhookEvent(JSON.stringify(chatEnded));
    expect(result.ok).toBe(true);
    if (!result.ok || result.value.event !== 'chat_ended') throw new Error('expected chat_ended');
    expect(result.value.chat.chat_transcript).toEqual([
      'testName (10:02:11): Hi, my invoice is wrong',
      'Agent Jane (10:02:30): Let me check that for you',
      'testName (10:03:02): Thanks!',
    ]);
    expect(result.value.chat['start_time']).toBe('2020-03-17T03:29:20.000Z');
    expect(result.value.visitor.status_name).toBe('chat_ended');
    expect(result.value.visitor.first_visit_time).toBe('2020-01-30T05:16:27.156Z');
  });

  it('types every other event', () => {
    for (const payload of [chatStartedOlderDocs, chatWrappedUp, offlineMessageSubmitted, chatTransferred, ...agentStatusEvents]) {
      const result = parseComm100WebhookEvent(payload);
      expect(result.ok && result.value.event).toBe(payload.event);
    }
    const wrapped = parseComm100WebhookEvent(chatWrappedUp);
    expect(wrapped.ok && wrapped.value.event === 'chat_wrapped_up' && wrapped.value.wrapup.time).toBe('2020-03-17T03:33:20.000Z');
    const offline = parseComm100WebhookEvent(offlineMessageSubmitted);
    expect(offline.ok && offline.value.event === 'offline_message_submitted' && offline.value.offline_message.custom_variable).toEqual([
      { name: 'plan', value: 'pro' },
    ]);
  });

  it('leaves user-entered values that look like dates alone', () => {
    const result = parseComm100WebhookEvent({ event: 'chat_started', visitor: { custom_variables: [{ name: 'd', value: '/Date(0)/' }] } });
    expect(result.ok && result.value.event === 'chat_started' && result.value.visitor.custom_variables).toEqual([{ name: 'd', value: '/Date(0)/' }]);
  });

  it('fails with a reason, never throws', () => {
    const codes = (input: unknown, limits = {}) => {
      const result = parseComm100WebhookEvent(input, limits);
      return result.ok ? ['ok'] : result.diagnostics.map((item) => item.code);
    };
    expect(codes('{"event":"chat_started","visitor":{"__proto__":{"x":1}}}')).toEqual(['forbidden_key']);
    expect(codes('{"event":"online"}')).toEqual(['invalid_type']);
    expect(codes('nope')).toEqual(['invalid_json']);
    expect(codes(JSON.stringify(chatEnded), { maxBytes: 100 })).toEqual(['too_large']);
    expect(codes('{"event":"chat_started","visitor":' + '{"a":'.repeat(20) + '1' + '}'.repeat(21))).toEqual(['too_deep']);
  });
});
