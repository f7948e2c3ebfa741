/*
 * The README's examples, run as written (with the user's own functions replaced by recorders), so that the
 * README stays true to the API.
 */
import { describe, expect, it } from 'vitest';
import { comm100WebhookStatus, createComm100Adapter, handleComm100Webhook, renderComm100Snippet } from './index.js';
import { chatEnded } from './__fixtures__/webhook-events.js';

describe('README examples', () => {
  it('webhook route handler', async () => {
    const saved: unknown[] = [];
    const upserted: unknown[] = [];
    const saveTranscript = async (chatId: unknown, lines: readonly string[]) => void saved.push([chatId, lines.length]);
    const crm = { upsertVisitor: async (context: unknown) => void upserted.push(context) };

    const adapter = createComm100Adapter({ fieldVariables: { 'visitor.id': 'user_id' } });
    async function POST(request: Request): Promise<Response> {
      const result = await handleComm100Webhook(request, { adapter });
      if (!result.ok) return new Response(null, { status: comm100WebhookStatus(result) });
      const { event, context } = result.value;
      if (event.event === 'chat_ended') {
        await saveTranscript(event.visitor.chat_id, event.chat.chat_transcript ?? []);
      }
      await crm.upsertVisitor(context);
      return new Response(null, { status: 200 });
    }

    const body = JSON.stringify({ ...chatEnded, chat: { ...chatEnded.chat, custom_variable: [{ name: 'user_id', value: 'u-42' }] } });
    const response = await POST(new Request('https://example.com/api/comm100/s3cr3t', { method: 'POST', headers: { 'content-type': 'application/json' }, body }));
    expect(response.status).toBe(200);
    expect(saved).toEqual([['16c2cc3a-1b15-4b4f-9298-1cd04d6cec15', 3]]);
    expect(upserted).toEqual([expect.objectContaining({ visitor: expect.objectContaining({ id: 'u-42', name: 'testName' }) })]);
    const refused = await POST(new Request('https://example.com/api/comm100/s3cr3t', { method: 'POST', headers: { 'content-type': 'text/plain' }, body }));
    expect(refused.status).toBe(415);
  });

  it('server-rendered snippet', () => {
    const response = { locals: { cspNonce: 'bm9uY2U' } };
    let html = '<body>';
    const snippet = renderComm100Snippet(
      { visitor: { name: 'Ada Lovelace', email: 'ada@example.com' }, attributes: { plan: 'pro', cart_total: 129.9 } },
      {
        siteId: 10100116,
        campaignId: 'c9e91d04-3774-4470-b84d-6bc00874fe9d',
        customVariables: ['plan', 'cart_total'],
        nonce: response.locals.cspNonce,
      },
    );
    if (!snippet.ok) throw new Error(snippet.diagnostics.map((item) => item.message).join('\n'));
    html += snippet.value;
    expect(html).toContain('<script nonce="bm9uY2U">');
    expect(snippet.diagnostics.map((item) => item.code)).toEqual(['value_coerced']);
  });
});
