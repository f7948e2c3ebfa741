import type { WxccInitPayload, WxccMessageExtras } from '../wxcc-api.js';

/**
 * What the widget puts in a thread's first message after the page set `payload`: the stored
 * `custom_chat_fields`, serialized to a string and renamed `custom_chat_attr`, next to the extras it generates.
 */
export function firstMessageExtras(payload: WxccInitPayload): WxccMessageExtras {
  return {
    browserfingerprint: 'c0ffee00c0ffee00c0ffee00c0ffee00',
    proactive_id: 0,
    Website: 'www.example.com',
    customprofileparams: '',
    hasprechatform: '0',
    'Initiated from URL': 'https://www.example.com/help',
    initiatedon: '2026-11-23T10:00:00.000Z',
    website_id: '8d2e1f4a-6b7c-4d9e-a0f1-23456789abcd',
    custom_chat_attr: JSON.stringify(payload.custom_chat_fields),
  };
}
