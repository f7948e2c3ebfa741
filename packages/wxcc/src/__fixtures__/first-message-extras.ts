import type { WxccInitPayload, WxccMessageExtras } from '../wxcc-api.js';

/**
 * What the widget puts in a thread's first message after the page set `payload`: the stored
 * `custom_chat_fields`, serialized to a string and renamed `custom_chat_attr`, next to the extras it generates
 * (as its chat-window code `SendMessage()` builds them; see SOURCES.md).
 */
export function firstMessageExtras(payload: WxccInitPayload): WxccMessageExtras {
  return {
    browserfingerprint: 'c0ffee00c0ffee00c0ffee00c0ffee00',
    proactive_id: 0,
    Webpage: 'https://media.imi.chat/widget/widgetloader.html?docwidth=1686&id=8D2E1F4A-6B7C-4D9E-A0F1-23456789ABCD&org=',
    Website: 'www.example.com',
    customprofileparams: '{"IP":"","City":"","Country":""}',
    hasprechatform: '0',
    'Initiated from URL': 'https://www.example.com/help',
    initiatedon: 'help',
    website_id: '8d2e1f4a-6b7c-4d9e-a0f1-23456789abcd',
    'Browser language': 'en-US',
    custom_chat_attr: JSON.stringify(payload.custom_chat_fields),
  };
}
