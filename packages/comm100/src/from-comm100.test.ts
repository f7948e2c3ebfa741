import { describe, expect, it } from 'vitest';
import { comm100Adapter, createComm100Adapter } from './index.js';
import {
  agentStatusEvents,
  chatEnded,
  chatRequested,
  chatStarted,
  chatStartedOlderDocs,
  chatTransferred,
  chatWrappedUp,
  offlineMessageSubmitted,
} from './__fixtures__/webhook-events.js';

describe('fromVendor: every documented webhook event', () => {
  it('reads Chat Started (KB example) into visitor, page, device, location, attributes and vendor.comm100', () => {
    expect(comm100Adapter.fromVendor(chatStarted)).toMatchInlineSnapshot(`
      {
        "diagnostics": [],
        "ok": true,
        "value": {
          "device": {
            "browser": "Google Chrome 80.0.3987.132",
            "ip": "196.247.57.19",
            "language": "en-US",
            "os": "Windows 10",
            "screenResolution": "1536x864",
            "timeZone": "GMT 06:00",
          },
          "location": {
            "city": "Toronto",
            "country": "Canada",
            "region": "Ontario",
          },
          "page": {
            "landingPage": "https://dash11.comm100.io/frontEnd/assets/livechat/previewpage/?campaignId=c9e91d04-3774-4470-b84d-6bc00874fe9d&siteId=10100116&q=1618890066662",
            "referrer": "https://dash11.comm100.io/livechat/agentconsole.aspx?siteid=10100116&v=10.0.8",
            "url": "https://dash11.comm100.io/frontEnd/assets/livechat/previewpage/?campaignId=c9e91d04-3774-4470-b84d-6bc00874fe9d&siteId=10100116&q=1618890066662",
          },
          "vendor": {
            "comm100": {
              "event": "chat_started",
              "visitor": {
                "chat_id": "16c2cc3a-1b15-4b4f-9298-1cd04d6cec15",
                "chats": 8,
                "company": "",
                "custom_fields": [],
                "custom_variables": [
                  {
                    "name": "Name",
                    "value": "",
                  },
                ],
                "department": "c47c5e3a-0a3b-4aa5-98ea-cec0ae5ab7b9",
                "first_visit_time": "2020-01-30T05:16:27.156Z",
                "flash_version": "",
                "id": "e2bafca0-efe5-45a7-96ae-a7e3b8d7c410",
                "keywords": "",
                "page_views": 1,
                "phone": "",
                "product_service": "",
                "search_engine": "",
                "skill": "3d68dc80-9c67-455b-abfe-1b7ac55fac98",
                "status": 2,
                "status_name": "chatting",
                "visit_time": "2020-03-17T03:29:09.307Z",
                "visits": 7,
              },
            },
          },
          "visitor": {
            "email": "test@email.com",
            "name": "testName",
          },
        },
      }
    `);
  });

  it('reads the older doc generation (integer ids and department, null search engine, custom fields)', () => {
    expect(comm100Adapter.fromVendor(chatStartedOlderDocs)).toMatchInlineSnapshot(`
      {
        "diagnostics": [],
        "ok": true,
        "value": {
          "attributes": {
            "cart_total": "129.90",
            "order_id": "1780064",
            "plan": "pro",
          },
          "device": {
            "browser": "Firefox 74.0",
            "ip": "203.0.113.7",
            "language": "en-GB",
            "os": "macOS 10.15",
            "screenResolution": "2560x1440",
            "timeZone": "GMT 00:00",
          },
          "location": {
            "city": "London",
            "country": "United Kingdom",
            "region": "England",
          },
          "page": {
            "landingPage": "https://shop.example.com/",
            "referrer": "https://www.google.com/",
            "searchKeywords": "difference engine parts",
            "url": "https://shop.example.com/checkout",
          },
          "vendor": {
            "comm100": {
              "event": "chat_started",
              "visitor": {
                "chat_id": 88412,
                "chats": 1,
                "custom_fields": [
                  {
                    "field_id": 5000001,
                    "name": "order_id",
                  },
                ],
                "department": 1165,
                "first_visit_time": "2020-01-30T05:16:27.156Z",
                "flash_version": "",
                "id": 1573,
                "page_views": 12,
                "product_service": "Engines",
                "search_engine": null,
                "skill": "Billing",
                "status": 2,
                "status_name": "chatting",
                "visit_time": "2020-03-17T03:29:09.307Z",
                "visits": 3,
              },
            },
          },
          "visitor": {
            "company": "Analytical Engines Ltd",
            "email": "ada@example.com",
            "name": "Ada Lovelace",
            "phone": "+44 20 7946 0000",
          },
        },
      }
    `);
  });

  it('reads Chat Ended, leaving the transcript out of the context with a warning', () => {
    expect(comm100Adapter.fromVendor(chatEnded)).toMatchInlineSnapshot(`
      {
        "diagnostics": [
          {
            "code": "transcript_omitted",
            "message": "The chat transcript (3 lines) is not put into the context, which is limited in size. Read it from the typed event of parseComm100WebhookEvent or handleComm100Webhook.",
            "path": [
              "chat",
              "chat_transcript",
            ],
            "severity": "warning",
          },
        ],
        "ok": true,
        "value": {
          "attributes": {
            "order_id": "1780064",
            "plan": "enterprise",
          },
          "device": {
            "browser": "Google Chrome 80.0.3987.132",
            "ip": "196.247.57.19",
            "language": "en-US",
            "os": "Windows 10",
            "screenResolution": "1536x864",
            "timeZone": "GMT 06:00",
          },
          "location": {
            "city": "Toronto",
            "country": "Canada",
            "region": "Ontario",
          },
          "page": {
            "landingPage": "https://dash11.comm100.io/frontEnd/assets/livechat/previewpage/?campaignId=c9e91d04-3774-4470-b84d-6bc00874fe9d&siteId=10100116&q=1618890066662",
            "referrer": "https://dash11.comm100.io/livechat/agentconsole.aspx?siteid=10100116&v=10.0.8",
            "url": "https://dash11.comm100.io/frontEnd/assets/livechat/previewpage/?campaignId=c9e91d04-3774-4470-b84d-6bc00874fe9d&siteId=10100116&q=1618890066662",
          },
          "vendor": {
            "comm100": {
              "chat": {
                "attachment": [
                  {
                    "name": "invoice.pdf",
                    "uri": "https://files.comm100.io/a/invoice.pdf",
                  },
                ],
                "company": "Analytical Engines Ltd",
                "custom_fields": [
                  {
                    "field_id": 5000001,
                    "name": "order_id",
                  },
                ],
                "custom_variable": [
                  {
                    "name": "Name",
                    "value": "",
                  },
                ],
                "department": "Billing",
                "end_time": "2020-03-17T03:33:10.000Z",
                "rating": 5,
                "start_time": "2020-03-17T03:29:20.000Z",
              },
              "event": "chat_ended",
              "visitor": {
                "chat_id": "16c2cc3a-1b15-4b4f-9298-1cd04d6cec15",
                "chats": 8,
                "company": "",
                "custom_fields": [],
                "custom_variables": [
                  {
                    "name": "Name",
                    "value": "",
                  },
                ],
                "department": "c47c5e3a-0a3b-4aa5-98ea-cec0ae5ab7b9",
                "first_visit_time": "2020-01-30T05:16:27.156Z",
                "flash_version": "",
                "id": "e2bafca0-efe5-45a7-96ae-a7e3b8d7c410",
                "keywords": "",
                "page_views": 1,
                "phone": "",
                "product_service": "",
                "search_engine": "",
                "skill": "3d68dc80-9c67-455b-abfe-1b7ac55fac98",
                "status": 9,
                "status_name": "chat_ended",
                "visit_time": "2020-03-17T03:29:09.307Z",
                "visits": 7,
              },
            },
          },
          "visitor": {
            "email": "test@email.com",
            "name": "testName",
          },
        },
      }
    `);
  });

  it('reads Chat Wrapped-Up', () => {
    expect(comm100Adapter.fromVendor(chatWrappedUp)).toMatchInlineSnapshot(`
      {
        "diagnostics": [],
        "ok": true,
        "value": {
          "device": {
            "browser": "Google Chrome 80.0.3987.132",
            "ip": "196.247.57.19",
            "language": "en-US",
            "os": "Windows 10",
            "screenResolution": "1536x864",
            "timeZone": "GMT 06:00",
          },
          "location": {
            "city": "Toronto",
            "country": "Canada",
            "region": "Ontario",
          },
          "page": {
            "landingPage": "https://dash11.comm100.io/frontEnd/assets/livechat/previewpage/?campaignId=c9e91d04-3774-4470-b84d-6bc00874fe9d&siteId=10100116&q=1618890066662",
            "referrer": "https://dash11.comm100.io/livechat/agentconsole.aspx?siteid=10100116&v=10.0.8",
            "url": "https://dash11.comm100.io/frontEnd/assets/livechat/previewpage/?campaignId=c9e91d04-3774-4470-b84d-6bc00874fe9d&siteId=10100116&q=1618890066662",
          },
          "vendor": {
            "comm100": {
              "chat_id": "16c2cc3a-1b15-4b4f-9298-1cd04d6cec15",
              "event": "chat_wrapped_up",
              "visitor": {
                "chat_id": "16c2cc3a-1b15-4b4f-9298-1cd04d6cec15",
                "chats": 8,
                "company": "",
                "custom_fields": [],
                "custom_variables": [
                  {
                    "name": "Name",
                    "value": "",
                  },
                ],
                "department": "c47c5e3a-0a3b-4aa5-98ea-cec0ae5ab7b9",
                "first_visit_time": "2020-01-30T05:16:27.156Z",
                "flash_version": "",
                "id": "e2bafca0-efe5-45a7-96ae-a7e3b8d7c410",
                "keywords": "",
                "page_views": 1,
                "phone": "",
                "product_service": "",
                "search_engine": "",
                "skill": "3d68dc80-9c67-455b-abfe-1b7ac55fac98",
                "status": 2,
                "status_name": "chatting",
                "visit_time": "2020-03-17T03:29:09.307Z",
                "visits": 7,
              },
              "wrapup": {
                "category": "Support",
                "comment": "Refund issued",
                "fields": [],
                "time": "2020-03-17T03:33:20.000Z",
              },
            },
          },
          "visitor": {
            "email": "test@email.com",
            "name": "testName",
          },
        },
      }
    `);
  });

  it('reads Offline Message Submitted, with its singular custom_variable', () => {
    expect(comm100Adapter.fromVendor(offlineMessageSubmitted)).toMatchInlineSnapshot(`
      {
        "diagnostics": [],
        "ok": true,
        "value": {
          "attributes": {
            "callback_time": "afternoon",
            "plan": "pro",
          },
          "device": {
            "browser": "Google Chrome 80.0.3987.132",
            "ip": "196.247.57.19",
            "language": "en-US",
            "os": "Windows 10",
            "screenResolution": "1536x864",
            "timeZone": "GMT 06:00",
          },
          "location": {
            "city": "Toronto",
            "country": "Canada",
            "region": "Ontario",
          },
          "page": {
            "landingPage": "https://dash11.comm100.io/frontEnd/assets/livechat/previewpage/?campaignId=c9e91d04-3774-4470-b84d-6bc00874fe9d&siteId=10100116&q=1618890066662",
            "referrer": "https://dash11.comm100.io/livechat/agentconsole.aspx?siteid=10100116&v=10.0.8",
            "url": "https://dash11.comm100.io/frontEnd/assets/livechat/previewpage/?campaignId=c9e91d04-3774-4470-b84d-6bc00874fe9d&siteId=10100116&q=1618890066662",
          },
          "vendor": {
            "comm100": {
              "event": "offline_message_submitted",
              "offline_message": {
                "attachment": {
                  "name": "screenshot.png",
                  "uri": "https://files.comm100.io/a/screenshot.png",
                },
                "company": "Analytical Engines Ltd",
                "content": "Please call me back about my order.",
                "custom_fields": [
                  {
                    "field_id": 5000002,
                    "name": "callback_time",
                  },
                ],
                "department": "c47c5e3a-0a3b-4aa5-98ea-cec0ae5ab7b9",
                "email": "ada@example.com",
                "id": "f0a1b2c3-0000-4000-8000-000000000001",
                "name": "Ada Lovelace",
                "phone": "+44 20 7946 0000",
                "skill": "3d68dc80-9c67-455b-abfe-1b7ac55fac98",
                "subject": "Order question",
                "time": "2020-03-17T03:35:00.000Z",
              },
              "visitor": {
                "chat_id": "16c2cc3a-1b15-4b4f-9298-1cd04d6cec15",
                "chats": 8,
                "company": "",
                "custom_fields": [],
                "custom_variables": [
                  {
                    "name": "Name",
                    "value": "",
                  },
                ],
                "department": "c47c5e3a-0a3b-4aa5-98ea-cec0ae5ab7b9",
                "first_visit_time": "2020-01-30T05:16:27.156Z",
                "flash_version": "",
                "id": "e2bafca0-efe5-45a7-96ae-a7e3b8d7c410",
                "keywords": "",
                "page_views": 1,
                "phone": "",
                "product_service": "",
                "search_engine": "",
                "skill": "3d68dc80-9c67-455b-abfe-1b7ac55fac98",
                "status": 10,
                "status_name": "in_site",
                "visit_time": "2020-03-17T03:29:09.307Z",
                "visits": 7,
              },
            },
          },
          "visitor": {
            "email": "test@email.com",
            "name": "testName",
          },
        },
      }
    `);
  });

  it.each(agentStatusEvents)('reads agent status $event into vendor.comm100 only', (event) => {
    const result = comm100Adapter.fromVendor(event);
    expect(result).toEqual({ ok: true, value: { vendor: { comm100: { ...event } } }, diagnostics: [] });
  });

  it('reads Chat Requested and Chat Transferred (payloads not public) by their visitor, keeping the rest', () => {
    expect(comm100Adapter.fromVendor(chatRequested)).toMatchInlineSnapshot(`
      {
        "diagnostics": [],
        "ok": true,
        "value": {
          "device": {
            "browser": "Google Chrome 80.0.3987.132",
            "ip": "196.247.57.19",
            "language": "en-US",
            "os": "Windows 10",
            "screenResolution": "1536x864",
            "timeZone": "GMT 06:00",
          },
          "location": {
            "city": "Toronto",
            "country": "Canada",
            "region": "Ontario",
          },
          "page": {
            "landingPage": "https://dash11.comm100.io/frontEnd/assets/livechat/previewpage/?campaignId=c9e91d04-3774-4470-b84d-6bc00874fe9d&siteId=10100116&q=1618890066662",
            "referrer": "https://dash11.comm100.io/livechat/agentconsole.aspx?siteid=10100116&v=10.0.8",
            "url": "https://dash11.comm100.io/frontEnd/assets/livechat/previewpage/?campaignId=c9e91d04-3774-4470-b84d-6bc00874fe9d&siteId=10100116&q=1618890066662",
          },
          "vendor": {
            "comm100": {
              "campaign_id": "c9e91d04-3774-4470-b84d-6bc00874fe9d",
              "event": "chat_requested",
              "visitor": {
                "chat_id": "16c2cc3a-1b15-4b4f-9298-1cd04d6cec15",
                "chats": 8,
                "company": "",
                "custom_fields": [],
                "custom_variables": [
                  {
                    "name": "Name",
                    "value": "",
                  },
                ],
                "department": "c47c5e3a-0a3b-4aa5-98ea-cec0ae5ab7b9",
                "first_visit_time": "2020-01-30T05:16:27.156Z",
                "flash_version": "",
                "id": "e2bafca0-efe5-45a7-96ae-a7e3b8d7c410",
                "keywords": "",
                "page_views": 1,
                "phone": "",
                "product_service": "",
                "search_engine": "",
                "skill": "3d68dc80-9c67-455b-abfe-1b7ac55fac98",
                "status": 0,
                "status_name": "waiting_for_chat",
                "visit_time": "2020-03-17T03:29:09.307Z",
                "visits": 7,
              },
            },
          },
          "visitor": {
            "email": "test@email.com",
            "name": "testName",
          },
        },
      }
    `);
    expect(comm100Adapter.fromVendor(chatTransferred)).toMatchInlineSnapshot(`
      {
        "diagnostics": [],
        "ok": true,
        "value": {
          "device": {
            "browser": "Google Chrome 80.0.3987.132",
            "ip": "196.247.57.19",
            "language": "en-US",
            "os": "Windows 10",
            "screenResolution": "1536x864",
            "timeZone": "GMT 06:00",
          },
          "location": {
            "city": "Toronto",
            "country": "Canada",
            "region": "Ontario",
          },
          "page": {
            "landingPage": "https://dash11.comm100.io/frontEnd/assets/livechat/previewpage/?campaignId=c9e91d04-3774-4470-b84d-6bc00874fe9d&siteId=10100116&q=1618890066662",
            "referrer": "https://dash11.comm100.io/livechat/agentconsole.aspx?siteid=10100116&v=10.0.8",
            "url": "https://dash11.comm100.io/frontEnd/assets/livechat/previewpage/?campaignId=c9e91d04-3774-4470-b84d-6bc00874fe9d&siteId=10100116&q=1618890066662",
          },
          "vendor": {
            "comm100": {
              "chat_id": "16c2cc3a-1b15-4b4f-9298-1cd04d6cec15",
              "event": "chat_transferred",
              "from_operator_id": 1,
              "to_operator_id": 2,
              "visitor": {
                "chat_id": "16c2cc3a-1b15-4b4f-9298-1cd04d6cec15",
                "chats": 8,
                "company": "",
                "custom_fields": [],
                "custom_variables": [
                  {
                    "name": "Name",
                    "value": "",
                  },
                ],
                "department": "c47c5e3a-0a3b-4aa5-98ea-cec0ae5ab7b9",
                "first_visit_time": "2020-01-30T05:16:27.156Z",
                "flash_version": "",
                "id": "e2bafca0-efe5-45a7-96ae-a7e3b8d7c410",
                "keywords": "",
                "page_views": 1,
                "phone": "",
                "product_service": "",
                "search_engine": "",
                "skill": "3d68dc80-9c67-455b-abfe-1b7ac55fac98",
                "status": 2,
                "status_name": "chatting",
                "visit_time": "2020-03-17T03:29:09.307Z",
                "visits": 7,
              },
            },
          },
          "visitor": {
            "email": "test@email.com",
            "name": "testName",
          },
        },
      }
    `);
  });

  it('accepts a null visitor where the visitor is optional', () => {
    expect(comm100Adapter.fromVendor({ ...chatWrappedUp, visitor: null })).toEqual({
      ok: true,
      value: { vendor: { comm100: { chat_id: chatWrappedUp.chat_id, event: 'chat_wrapped_up', visitor: null, wrapup: { ...chatWrappedUp.wrapup, time: '2020-03-17T03:33:20.000Z' } } } },
      diagnostics: [],
    });
  });

  it('accepts the raw JSON text as well as the parsed payload', () => {
    expect(comm100Adapter.fromVendor(JSON.stringify(chatStartedOlderDocs))).toEqual(comm100Adapter.fromVendor(chatStartedOlderDocs));
  });
});

describe('fromVendor: options and edge cases', () => {
  it('reads mapped custom variables into canonical fields, the variable winning over Comm100\'s measurement', () => {
    const adapter = createComm100Adapter({ fieldVariables: { 'visitor.id': 'user_id', 'page.url': 'page' } });
    const payload = {
      event: 'chat_started',
      visitor: {
        current_browsing: 'https://measured.example/',
        custom_variables: [
          { name: 'user_id', value: 'u-42' },
          { name: 'page', value: 'https://declared.example/' },
          { name: 'plan', value: 'pro' },
        ],
      },
    };
    const result = adapter.fromVendor(payload);
    expect(result.ok && result.value.visitor).toEqual({ id: 'u-42' });
    expect(result.ok && result.value.page).toEqual({ url: 'https://declared.example/' });
    expect(result.ok && result.value.attributes).toEqual({ plan: 'pro' });
    expect(result.ok && (result.value.vendor?.['comm100']?.['visitor'] as Record<string, unknown>)['current_browsing']).toBe(
      'https://measured.example/',
    );
  });

  it('warns when sources disagree on an attribute, and coerces structured values to text', () => {
    const result = comm100Adapter.fromVendor({
      event: 'chat_ended',
      visitor: { custom_variables: [{ name: 'plan', value: 'pro' }] },
      chat: { custom_variable: [{ name: 'plan', value: 'enterprise' }], custom_fields: [{ field_id: 1, name: 'topics', value: ['a', 'b'] }] },
    });
    expect(result.ok && result.value.attributes).toEqual({ plan: 'enterprise', topics: '["a","b"]' });
    expect(result.diagnostics.map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'value_coerced', path: ['attributes', 'topics'] },
      { code: 'attribute_conflict', path: ['attributes', 'plan'] },
    ]);
  });

  it('does not warn about the transcript when the caller delivers it, and fails under strict otherwise', () => {
    expect(comm100Adapter.fromVendor(chatEnded, { transcriptDelivered: true }).diagnostics).toEqual([]);
    const strict = comm100Adapter.fromVendor(chatEnded, { strict: true });
    expect(strict.ok).toBe(false);
    expect(strict.diagnostics.map((item) => [item.code, item.severity])).toEqual([['transcript_omitted', 'error']]);
  });

  it('truncates over-long values with a warning instead of failing the whole context', () => {
    const content = 'x'.repeat(5000);
    const result = comm100Adapter.fromVendor({ ...offlineMessageSubmitted, offline_message: { ...offlineMessageSubmitted.offline_message, content } });
    expect(result.ok).toBe(true);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'value_truncated', path: ['vendor', 'comm100', 'offline_message', 'content'] }),
    ]);
    const bag = result.ok ? (result.value.vendor?.['comm100']?.['offline_message'] as Record<string, string>) : {};
    expect(bag['content']).toHaveLength(4096);
  });

  it('keeps an invalid email out of visitor with a warning, and treats Comm100\'s empty email as unknown', () => {
    const invalid = comm100Adapter.fromVendor({ event: 'chat_started', visitor: { email: 'n/a' } });
    expect(invalid.ok && invalid.value.visitor?.email).toBeUndefined();
    expect(invalid.ok && invalid.value.vendor?.['comm100']?.['rejectedFields']).toEqual({ 'visitor.email': 'n/a' });
    expect(invalid.diagnostics).toEqual([expect.objectContaining({ code: 'field_dropped', path: ['visitor', 'email'] })]);
    const empty = comm100Adapter.fromVendor({ event: 'chat_started', visitor: { email: '', name: 'A' } });
    expect(empty).toEqual({ ok: true, value: { visitor: { name: 'A' }, vendor: { comm100: { event: 'chat_started', visitor: { email: '' } } } }, diagnostics: [] });
  });

  it('refuses prototype keys as attribute names without failing, and keeps them in vendor.comm100', () => {
    const result = comm100Adapter.fromVendor({ event: 'chat_started', visitor: { custom_variables: [{ name: '__proto__', value: 'x' }, { name: 'constructor', value: 'y' }] } });
    expect(result.ok && result.value.attributes).toBeUndefined();
    expect(result.diagnostics.map((item) => [item.code, item.path])).toEqual([
      ['field_dropped', ['attributes', '__proto__']],
      ['field_dropped', ['attributes', 'constructor']],
    ]);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('fails with a reason on unknown events, wrong shapes and pollution', () => {
    const codes = (input: unknown) => {
      const result = comm100Adapter.fromVendor(input);
      return result.ok ? 'ok' : result.diagnostics.map((item) => `${item.code}@${item.path.join('.')}`);
    };
    expect(codes({ event: 'chat_exploded' })).toEqual(['unknown_event@event']);
    expect(codes({ visitor: {} })).toEqual(['unknown_event@event']);
    expect(codes([])).toEqual(['not_an_object@']);
    expect(codes({ event: 'chat_started', visitor: { chats: 'many' } })).toEqual(['invalid_type@visitor.chats']);
    expect(codes({ event: 'chat_ended', visitor: {} })).toEqual(['invalid_type@chat']);
    expect(codes('{"event":"chat_started","visitor":{"__proto__":{"polluted":1}}}')).toEqual(['forbidden_key@visitor.__proto__']);
    expect(codes('{"event":"chat_started","visitor":{"constructor":{"prototype":{"polluted":1}}}}')).toEqual([
      'forbidden_key@visitor.constructor',
    ]);
    expect(codes('{"event":')).toEqual(['invalid_json@']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
