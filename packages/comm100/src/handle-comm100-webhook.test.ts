import { describe, expect, it } from 'vitest';
import { comm100WebhookStatus, createComm100Adapter, handleComm100Webhook } from './index.js';
import { chatEnded, chatStarted } from './__fixtures__/webhook-events.js';

const post = (body: BodyInit | null, headers: Record<string, string> = { 'content-type': 'application/json' }, method = 'POST') =>
  new Request('https://hooks.example.com/comm100/5f1d', { method, headers, body });

const codesOf = async (request: Request, options = {}) => {
  const result = await handleComm100Webhook(request, options);
  return { status: comm100WebhookStatus(result), codes: result.diagnostics.map((item) => item.code) };
};

describe('handleComm100Webhook', () => {
  it('returns the typed event with the full transcript, and its context without a transcript warning', async () => {
    const result = await handleComm100Webhook(post(JSON.stringify(chatEnded), { 'content-type': 'application/json; charset=utf-8' }));
    expect(result.ok).toBe(true);
    if (!result.ok || result.value.event.event !== 'chat_ended') throw new Error('expected chat_ended');
    expect(result.diagnostics).toEqual([]);
    expect(result.value.event.chat.chat_transcript).toHaveLength(3);
    // Comm100's "" (company, phone, the custom variable Name) means unknown: no canonical field gets it.
    expect(result.value.context.visitor).toEqual({ name: 'testName', email: 'test@email.com' });
    expect(result.value.context.attributes).toEqual({ order_id: '1780064', plan: 'enterprise' });
    expect(comm100WebhookStatus(result)).toBe(200);
  });

  it('uses the given adapter and field variables', async () => {
    const adapter = createComm100Adapter({ fieldVariables: { 'visitor.id': 'Name' } });
    const body = JSON.stringify({ ...chatStarted, visitor: { ...chatStarted.visitor, custom_variables: [{ name: 'Name', value: 'u-7' }] } });
    const result = await handleComm100Webhook(post(body), { adapter });
    expect(result.ok && result.value.context.visitor?.id).toBe('u-7');
  });

  it('keeps a long transcript on the event even though a context is limited to 32 KiB', async () => {
    const transcript = Array.from({ length: 2000 }, (_, index) => `Agent (10:00:${index % 60}): line ${index} ${'·'.repeat(40)}`).join('⊙');
    const body = JSON.stringify({ ...chatEnded, chat: { ...chatEnded.chat, chat_transcript: transcript } });
    expect(body.length).toBeGreaterThan(64 * 1024);
    const result = await handleComm100Webhook(post(body));
    expect(result.ok && result.value.event.event === 'chat_ended' && result.value.event.chat.chat_transcript?.length).toBe(2000);
  });

  it('refuses oversize bodies, by declared length and while streaming', async () => {
    const big = JSON.stringify({ ...chatStarted, padding: 'x'.repeat(2 * 1024 * 1024) });
    expect(await codesOf(post(big))).toEqual({ status: 413, codes: ['too_large'] });
    expect(await codesOf(post(JSON.stringify(chatStarted)), { maxBodyBytes: 100 })).toEqual({ status: 413, codes: ['too_large'] });
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    const streamed = new Request('https://hooks.example.com/c', { method: 'POST', headers: { 'content-type': 'application/json' }, body: endless, duplex: 'half' } as RequestInit);
    expect(await codesOf(streamed, { maxBodyBytes: 256 * 1024 })).toEqual({ status: 413, codes: ['too_large'] });
    expect(pulled).toBeLessThan(10);
  });

  it('refuses wrong methods and content types', async () => {
    expect(await codesOf(post(null, {}, 'GET'))).toEqual({ status: 405, codes: ['method_not_allowed'] });
    expect(await codesOf(post(JSON.stringify(chatStarted), { 'content-type': 'text/plain' }))).toEqual({ status: 415, codes: ['unsupported_content_type'] });
    expect(await codesOf(post(JSON.stringify(chatStarted), { 'content-type': 'application/x-www-form-urlencoded' }))).toEqual({
      status: 415,
      codes: ['unsupported_content_type'],
    });
    expect(await codesOf(post(JSON.stringify(chatStarted), { 'content-type': 'application/json; charset=latin1' }))).toEqual({
      status: 415,
      codes: ['unsupported_content_type'],
    });
    const noType = new Request('https://hooks.example.com/c', { method: 'POST', body: new Uint8Array([123, 125]) });
    expect(await codesOf(noType)).toEqual({ status: 415, codes: ['unsupported_content_type'] });
  });

  it('refuses bad JSON, bad UTF-8, empty bodies, unknown events and wrong shapes', async () => {
    expect(await codesOf(post('{"event":"chat_started",'))).toEqual({ status: 400, codes: ['invalid_json'] });
    expect(await codesOf(post(new Uint8Array([0x7b, 0xff, 0x7d])))).toEqual({ status: 400, codes: ['invalid_json'] });
    expect(await codesOf(post(''))).toEqual({ status: 400, codes: ['invalid_json'] });
    expect(await codesOf(post('{"event":"chat_deleted"}'))).toEqual({ status: 400, codes: ['unknown_event'] });
    expect(await codesOf(post('{"event":"chat_started","visitor":{"visits":"7"}}'))).toEqual({ status: 400, codes: ['invalid_type'] });
    expect(await codesOf(post('"{\\"event\\":\\"online\\"}"'))).toEqual({ status: 400, codes: ['not_an_object'] });
  });

  it('refuses prototype pollution without polluting', async () => {
    for (const body of [
      '{"event":"chat_started","visitor":{"__proto__":{"polluted":1}}}',
      '{"event":"chat_started","visitor":{"\\u005f_proto__":{"polluted":1}}}',
      '{"constructor":{"prototype":{"polluted":1}},"event":"online","operator_id":1}',
    ]) {
      expect(await codesOf(post(body))).toEqual({ status: 400, codes: ['forbidden_key'] });
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reports an invalid limit and a failing body stream instead of throwing', async () => {
    expect(await codesOf(post('{}'), { maxBodyBytes: -1 })).toEqual({ status: 400, codes: ['invalid_option'] });
    const broken = new ReadableStream<Uint8Array>({ pull: (controller) => controller.error(new Error('connection reset')) });
    const request = new Request('https://hooks.example.com/c', { method: 'POST', headers: { 'content-type': 'application/json' }, body: broken, duplex: 'half' } as RequestInit);
    expect(await codesOf(request)).toEqual({ status: 400, codes: ['body_unreadable'] });
  });

  it('applies strict to the context translation', async () => {
    const body = JSON.stringify({ event: 'chat_started', visitor: { email: 'n/a' } });
    expect(await codesOf(post(body))).toEqual({ status: 200, codes: ['field_dropped'] });
    expect(await codesOf(post(body), { strict: true })).toEqual({ status: 400, codes: ['field_dropped'] });
  });
});
