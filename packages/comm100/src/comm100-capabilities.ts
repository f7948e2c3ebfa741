import type { AdapterCapabilities, AdapterFieldCapability } from '@visitor-context/core';
import type { VisitorContextFieldName } from '@visitor-context/core';

/**
 * Webhook visitor keys read into fixed canonical fields (inbound only: Comm100 measures these itself and its
 * Visitor API cannot set them).
 */
export const comm100VisitorFieldMap: readonly (readonly [vendorKey: string, canonical: VisitorContextFieldName])[] = [
  ['name', 'visitor.name'],
  ['email', 'visitor.email'],
  ['phone', 'visitor.phone'],
  ['company', 'visitor.company'],
  ['current_browsing', 'page.url'],
  ['landing_page', 'page.landingPage'],
  ['referrer_url', 'page.referrer'],
  ['keywords', 'page.searchKeywords'],
  ['browser', 'device.browser'],
  ['operating_system', 'device.os'],
  ['screen_resolution', 'device.screenResolution'],
  ['language', 'device.language'],
  ['time_zone', 'device.timeZone'],
  ['ip', 'device.ip'],
  ['city', 'location.city'],
  ['state', 'location.region'],
  ['country', 'location.country'],
];

/**
 * The webhook bodies `fromVendor` reads (parsed, or as raw JSON text), for the README and the
 * `unrecognized_payload` warning.
 */
export const comm100PayloadShapes: readonly string[] = [
  'a Chat Started, Chat Requested or Chat Transferred webhook body: `{ "event": "chat_started", "visitor": {…} }`',
  'a Chat Ended webhook body: `{ "event": "chat_ended", "visitor": {…}, "chat": {…} }` (the transcript, `⊙`- or line-separated, stays on the typed event)',
  'a Chat Wrapped-Up webhook body: `{ "event": "chat_wrapped_up", "chat_id", "visitor": {…}, "wrapup": {…} }`',
  'an Offline Message Submitted webhook body: `{ "event": "offline_message_submitted", "visitor": {…}, "offline_message": {…} }`',
  'an Agent Status Changed webhook body: `{ "event": "online" | "away" | "login" | "logout", "operator_id" }`',
];

/** Canonical visitor fields that also travel outbound, as the pre-chat field of the same type. */
const prechatFields = new Set(['visitor.name', 'visitor.email', 'visitor.phone', 'visitor.company']);

const baseFields: readonly AdapterFieldCapability[] = [
  ...comm100VisitorFieldMap.map(([vendorKey, canonical]): AdapterFieldCapability => {
    if (!prechatFields.has(canonical)) {
      return { canonical, vendorName: `visitor.${vendorKey}`, directions: ['fromVendor'] };
    }
    return {
      canonical,
      vendorName: `livechat.prechat.fields[type=${vendorKey}] / visitor.${vendorKey}`,
      note: `Outbound as the value of the pre-chat form's field of type ${vendorKey} (not applied when the form has none).`,
    };
  }),
  {
    canonical: 'attributes.*',
    vendorName: 'livechat.customVariables / visitor.custom_variables',
    valueType: 'string',
    note:
      'Outbound, names missing from the customVariables option are dropped with a warning (Comm100 ignores undefined names); values become strings. Inbound also reads custom_fields by name, and chat.custom_variable / offline_message.custom_variable.',
  },
];

/**
 * The capabilities for a given `fieldVariables` option: fields sent as custom variables become two-way.
 */
export function comm100Capabilities(
  fieldVariables: Readonly<Partial<Record<VisitorContextFieldName, string>>> = {},
): AdapterCapabilities {
  const fields = baseFields.map((field): AdapterFieldCapability => {
    const variable = fieldVariables[field.canonical as VisitorContextFieldName];
    if (variable === undefined) return field;
    return {
      canonical: field.canonical,
      vendorName: `${field.vendorName} / custom variable ${variable}`,
      valueType: 'string',
      note: `Also sent as custom variable "${variable}", which wins when read back.`,
    };
  });
  for (const [canonical, variable] of Object.entries(fieldVariables)) {
    if (variable === undefined || fields.some((field) => field.canonical === canonical)) continue;
    fields.push({ canonical, vendorName: `custom variable ${variable}`, valueType: 'string' });
  }
  return {
    directions: ['toVendor', 'fromVendor'],
    fields,
    payloadShapes: comm100PayloadShapes,
    notes: [
      'Custom variable names must be defined in Control Panel › Live Chat › Custom Variables; Comm100 silently ignores any other name.',
      'Pre-chat values are set by field type in livechat.prechat.fields; skipping the form (skipPrechat) only works when every required field is valid.',
      'Calls only work inside Comm100API.onReady, and code on your page does not reach the pop-up chat window (put it in the campaign\'s custom JS).',
      'Webhook dates (/Date(ms)/) become ISO 8601 and visitor status codes get a status_name; a /Date(…)/ that cannot be read stays as it came, with an `unreadable_date` warning. The chat transcript stays on the typed event, not in the context.',
      'Comm100 sends "" for every visitor field and custom value the visitor never gave: an empty string means unknown, so it fills no canonical field or attribute (a CRM update from the context never blanks a field) and stays in vendor.comm100.',
      'Everything a webhook carries without a canonical field (visits, chats, page views, status, department, skill, chat, wrap-up and offline message data) is kept in vendor.comm100; custom field and variable values that attributes carry are not repeated there (custom field ids are).',
    ],
  };
}

/** What the ready-made `comm100Adapter` carries. */
export const comm100CapabilitiesDefault: AdapterCapabilities = comm100Capabilities();
