/*
 * Comm100 webhook bodies as documented (Comm100 KB "Reference for Webhook event: …", an older Comm100 webhook
 * doc for item shapes and older types). Chat Requested and Chat Transferred payloads are not public; their
 * fixtures are our assumption (event name plus visitor), marked as such.
 */

/** Chat Started, exactly the KB example (current doc generation: GUID ids). */
export const chatStarted = {
  event: 'chat_started',
  visitor: {
    browser: 'Google Chrome 80.0.3987.132',
    chat_id: '16c2cc3a-1b15-4b4f-9298-1cd04d6cec15',
    chats: 8,
    city: 'Toronto',
    company: '',
    country: 'Canada',
    current_browsing:
      'https://dash11.comm100.io/frontEnd/assets/livechat/previewpage/?campaignId=c9e91d04-3774-4470-b84d-6bc00874fe9d&siteId=10100116&q=1618890066662',
    custom_fields: [],
    custom_variables: [{ name: 'Name', value: '' }],
    department: 'c47c5e3a-0a3b-4aa5-98ea-cec0ae5ab7b9',
    skill: '3d68dc80-9c67-455b-abfe-1b7ac55fac98',
    email: 'test@email.com',
    first_visit_time: '/Date(1580361387156)/',
    flash_version: '',
    id: 'e2bafca0-efe5-45a7-96ae-a7e3b8d7c410',
    ip: '196.247.57.19',
    keywords: '',
    landing_page:
      'https://dash11.comm100.io/frontEnd/assets/livechat/previewpage/?campaignId=c9e91d04-3774-4470-b84d-6bc00874fe9d&siteId=10100116&q=1618890066662',
    language: 'en-US',
    name: 'testName',
    operating_system: 'Windows 10',
    page_views: 1,
    phone: '',
    product_service: '',
    referrer_url: 'https://dash11.comm100.io/livechat/agentconsole.aspx?siteid=10100116&v=10.0.8',
    screen_resolution: '1536x864',
    search_engine: '',
    state: 'Ontario',
    status: 2,
    time_zone: 'GMT 06:00',
    visit_time: '/Date(1584415749307)/',
    visits: 7,
  },
} as const;

/** Chat Started from the older doc generation: integer ids and department, null search engine, custom fields with ids. */
export const chatStartedOlderDocs = {
  event: 'chat_started',
  visitor: {
    id: 1573,
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    phone: '+44 20 7946 0000',
    company: 'Analytical Engines Ltd',
    status: 2,
    chat_id: 88412,
    chats: 1,
    visits: 3,
    page_views: 12,
    first_visit_time: '/Date(1580361387156+0000)/',
    visit_time: '/Date(1584415749307)/',
    city: 'London',
    state: 'England',
    country: 'United Kingdom',
    ip: '203.0.113.7',
    browser: 'Firefox 74.0',
    operating_system: 'macOS 10.15',
    screen_resolution: '2560x1440',
    language: 'en-GB',
    time_zone: 'GMT 00:00',
    landing_page: 'https://shop.example.com/',
    current_browsing: 'https://shop.example.com/checkout',
    referrer_url: 'https://www.google.com/',
    search_engine: null,
    keywords: 'difference engine parts',
    product_service: 'Engines',
    flash_version: '',
    department: 1165,
    skill: 'Billing',
    custom_fields: [{ field_id: 5000001, name: 'order_id', value: '1780064' }],
    custom_variables: [
      { name: 'plan', value: 'pro' },
      { name: 'cart_total', value: '129.90' },
    ],
  },
} as const;

/** Chat Ended: the chat object with its `⊙`-separated transcript, singular custom_variable and department as a name. */
export const chatEnded = {
  event: 'chat_ended',
  visitor: { ...chatStarted.visitor, status: 9 },
  chat: {
    attachment: [{ name: 'invoice.pdf', uri: 'https://files.comm100.io/a/invoice.pdf' }],
    chat_transcript:
      'testName (10:02:11): Hi, my invoice is wrong⊙Agent Jane (10:02:30): Let me check that for you⊙testName (10:03:02): Thanks!⊙',
    company: 'Analytical Engines Ltd',
    custom_fields: [{ field_id: 5000001, name: 'order_id', value: '1780064' }],
    custom_variable: [
      { name: 'Name', value: '' },
      { name: 'plan', value: 'enterprise' },
    ],
    department: 'Billing',
    start_time: '/Date(1584415760000)/',
    end_time: '/Date(1584415990000)/',
    rating: 5,
  },
} as const;

/** Chat Wrapped-Up. */
export const chatWrappedUp = {
  chat_id: '16c2cc3a-1b15-4b4f-9298-1cd04d6cec15',
  event: 'chat_wrapped_up',
  visitor: chatStarted.visitor,
  wrapup: { category: 'Support', comment: 'Refund issued', fields: [], time: '/Date(1584416000000)/' },
} as const;

/** Offline Message Submitted. */
export const offlineMessageSubmitted = {
  event: 'offline_message_submitted',
  offline_message: {
    attachment: { name: 'screenshot.png', uri: 'https://files.comm100.io/a/screenshot.png' },
    company: 'Analytical Engines Ltd',
    content: 'Please call me back about my order.',
    custom_fields: [{ field_id: 5000002, name: 'callback_time', value: 'afternoon' }],
    custom_variable: [{ name: 'plan', value: 'pro' }],
    department: 'c47c5e3a-0a3b-4aa5-98ea-cec0ae5ab7b9',
    skill: '3d68dc80-9c67-455b-abfe-1b7ac55fac98',
    email: 'ada@example.com',
    id: 'f0a1b2c3-0000-4000-8000-000000000001',
    name: 'Ada Lovelace',
    phone: '+44 20 7946 0000',
    subject: 'Order question',
    time: '/Date(1584416100000)/',
  },
  visitor: { ...chatStarted.visitor, status: 10 },
} as const;

/** Agent Status Changed, one per status. */
export const agentStatusEvents = [
  { event: 'online', operator_id: 1 },
  { event: 'away', operator_id: 1 },
  { event: 'login', operator_id: 2 },
  { event: 'logout', operator_id: 2 },
] as const;

/** Chat Requested: payload not public; assumed to carry the visitor like Chat Started. */
export const chatRequested = {
  event: 'chat_requested',
  visitor: { ...chatStarted.visitor, status: 0 },
  campaign_id: 'c9e91d04-3774-4470-b84d-6bc00874fe9d',
} as const;

/** Chat Transferred: payload not public; assumed event name, visitor and transfer details kept as they come. */
export const chatTransferred = {
  event: 'chat_transferred',
  chat_id: '16c2cc3a-1b15-4b4f-9298-1cd04d6cec15',
  from_operator_id: 1,
  to_operator_id: 2,
  visitor: chatStarted.visitor,
} as const;

/*
 * The Comm100 KB's own examples, as published, for the "empty string means unknown" and transcript rules.
 * Source: Comm100 KB "Reference for Webhook event: Chat Ended" (portal11.comm100.site/kb/100/Comm100-Support/
 * reference-for-webhook-event-chat-ended, also dash11.comm100.io) and "Reference for Webhook event: Offline
 * Message Submitted" (portal11.comm100.site/kb/100/Comm100-Support/reference-for-webhook-event-offline-message-submitted).
 * The retrieved copies end after the chat's `department` and the visitor's `status`; keys after those are not
 * in the fixtures.
 */

/** The KB's Chat Ended visitor (current generation), whose unknown values are all `""`. */
const kbChatEndedVisitor = {
  browser: 'Google Chrome 80.0.3987.132',
  chat_id: '16c2cc3a-1b15-4b4f-9298-1cd04d6cec15',
  chats: 8,
  city: 'Toronto',
  company: '',
  country: 'Canada',
  current_browsing:
    'https://dash11.comm100.io/frontEnd/assets/livechat/previewpage/?campaignId=c9e91d04-3774-4470-b84d-6bc00874fe9d&siteId=10100116&q=1618890066662',
  custom_fields: [],
  custom_variables: [{ name: 'Name', value: '' }],
  department: 'c47c5e3a-0a3b-4aa5-98ea-cec0ae5ab7b9',
  skill: '3d68dc80-9c67-455b-abfe-1b7ac55fac98',
  email: 'test@email.com',
  first_visit_time: '/Date(1580361387156)/',
  flash_version: '',
  id: 'e2bafca0-efe5-45a7-96ae-a7e3b8d7c410',
  ip: '196.247.57.19',
  keywords: '',
  landing_page:
    'https://dash11.comm100.io/frontEnd/assets/livechat/previewpage/?campaignId=c9e91d04-3774-4470-b84d-6bc00874fe9d&siteId=10100116&q=1618890066662',
  language: 'en-US',
  name: 'testName',
  operating_system: 'Windows 10',
  page_views: 1,
  phone: '',
  product_service: '',
  referrer_url: 'https://dash11.comm100.io/livechat/agentconsole.aspx?siteid=10100116&v=10.0.8',
  screen_resolution: '1536x864',
  search_engine: '',
  state: 'Ontario',
  status: 9,
  time_zone: 'GMT -08:00',
  visit_time: '/Date(1584415749307)/',
  visits: 7,
} as const;

/** The KB's transcript lines (its example joins them with `⊙`, ending with one). */
export const kbTranscriptLines = [
  'Agent Walid has joined the chat.',
  '[03:30:01] Walid: testName thank you for contacting us! How may I help you?',
  "It's been a while since your last response. Please respond within the next few minutes or this chat will be ended.",
  'The visitor has left the chat.',
  'The chat is ended.(03:36:59)',
] as const;

/** Chat Ended, exactly the KB example (up to the chat's `department`). */
export const chatEndedKbExample = {
  event: 'chat_ended',
  visitor: kbChatEndedVisitor,
  chat: {
    attachment: [],
    chat_transcript: `${kbTranscriptLines.join('⊙')}⊙`,
    company: '',
    custom_fields: [],
    custom_variable: [{ name: 'Name', value: '' }],
    department: 'Support',
  },
} as const;

/**
 * Chat Ended as the older generation sends it: the KB's older copy (dash12.comm100.io, the same article, with
 * `department` 1165 and ent1portal URLs), its transcript lines separated by line breaks instead of `⊙`
 * (vendors-fidelity.md: older-generation payloads use `\n`).
 */
export const chatEndedOlderGeneration = {
  event: 'chat_ended',
  visitor: {
    ...kbChatEndedVisitor,
    current_browsing: 'https://ent1portal.comm100.com/livechatfunc/PlanPreview.aspx?codePlanId=1480&siteId=1000298&ssl=1',
    landing_page: 'https://ent1portal.comm100.com/livechatfunc/PlanPreview.aspx?codePlanId=1480&siteId=1000298&ssl=1',
    referrer_url: 'https://ent1portal.comm100.com/livechat/agentconsole.aspx?siteId=1000298&v=9.1.2',
    department: 1165,
  },
  chat: {
    attachment: [],
    chat_transcript: `${kbTranscriptLines.join('\n')}\n`,
    company: '',
    custom_fields: [],
    custom_variable: [{ name: 'Name', value: '' }],
    department: 'Support',
  },
} as const;

/** Offline Message Submitted, exactly the KB example (its visitor is the Chat Ended one with status 10). */
export const offlineMessageKbExample = {
  event: 'offline_message_submitted',
  offline_message: {
    attachment: { name: '', uri: '' },
    company: '',
    content: 'This is an offline message.',
    custom_fields: [],
    custom_variable: [{ name: 'Name', value: '' }],
    department: 'c47c5e3a-0a3b-4aa5-98ea-cec0ae5ab7b9',
    skill: '3d68dc80-9c67-455b-abfe-1b7ac55fac98',
    email: 'test@email.com',
    id: '58f738e3-86e5-4ce2-92da-f65ecc0d5318',
    name: 'TestName',
    phone: '',
    subject: '',
    time: '/Date(1584423203253)/',
  },
  visitor: { ...kbChatEndedVisitor, chat_id: '58f738e3-86e5-4ce2-92da-f65ecc0d5318', chats: 11, name: 'TestName', status: 10 },
} as const;
