import type { AdapterCapabilities, AdapterFieldCapability } from '@visitor-context/core';
import type { ResolvedFieldMap } from './wxcc-field-map.js';

const notes = [
  'Custom chat fields must exist in the Webex Engage admin console; the widget silently ignores unknown names, so map each canonical field to an existing field with the `fields` option.',
  'Data reaches a conversation only if it is set before the visitor\'s first message (`custom_chat_attr` travels with the first message only); the browser runtime warns with `chat_already_started` when `hasInitiatedChat()` is already true.',
  'A conversation whose first message is an attachment (the widget\'s `SendFile()`) or a quick reply never gets the custom chat fields: the widget sends no `custom_chat_attr` then. Later messages carry none either. `fromVendor` says which with a `custom_chat_attr_missing` warning.',
  '`update` replaces the whole set of custom chat fields (no merge), so every call sends the full set.',
  'The `init` callback is mandatory, and the widget answers `update` through the `init` callback; the runtime handles both.',
  'In the Webex Connect flow, `custom_chat_attr` is JSON text inside the extras JSON: parse twice (see `renderEvaluateNodeCode`). Capture it at the Start node: later messages do not carry it.',
  '`extras.Webpage` is the chat window\'s own URL (the widget\'s iframe, `…/widgetloader.html?…`), or a bare file name for an attachment, never the visitor\'s page: it stays in `vendor.wxcc.extras`. `page.url` comes from `extras["Initiated from URL"]`, the page the chat started on, sent with the first message only; browsers trim it to the origin (`https://shop.example/`) unless the site\'s `Referrer-Policy` sends full URLs to the chat iframe.',
  '`extras.customprofileparams` (the widget\'s IP lookup) fills `device.ip`, `location.city` and `location.country` when it is the JSON text `{"IP","City","Country"}`; newer widgets send it encrypted, and then it stays in `vendor.wxcc.extras` with a `customprofileparams_unreadable` warning. A value that is not a valid IP address or a plain name is never used (`field_dropped`).',
  'Other message extras (`browserfingerprint`, `Website`, `initiatedon`, `website_id`, `proactive_id`, …) are kept in `vendor.wxcc.extras`, and the rest of a whole inbound event (`userId`, `threadId`, `appId`, …) in `vendor.wxcc.event`; the widget and the flow generate them, so they are never sent back.',
  'No size limits are published.',
];

/** The inbound shapes `fromVendor` reads; anything else gets core's `unrecognized_payload` warning. */
export const wxccPayloadShapes: readonly string[] = [
  "a Webex Connect flow's Live Chat message extras (`$(n2.inappmessaging.message.extras)`), as an object or its JSON text",
  'the whole inbound Live Chat event: `{ "inappmessaging": { "message": { "extras": … } } }`, `{ "inappmessaging": { "extras": … } }`, or the flow\'s variables pasted flat (`{ "inappmessaging.message.extras": … }`)',
  'the `{ "custom_chat_fields": … }` object a page passes to `imichatwidget.init` (what `toVendor` returns)',
];

/** Canonical fields the widget's own message extras fill inbound, when no custom chat field carries them. */
const extrasRows: readonly AdapterFieldCapability[] = [
  {
    canonical: 'page.url',
    vendorName: 'extras["Initiated from URL"]',
    directions: ['fromVendor'],
    note: 'The page the chat started on (first message only; often only its origin). Never `extras.Webpage`, the chat window\'s own URL.',
  },
  { canonical: 'device.language', vendorName: 'extras["Browser language"]', directions: ['fromVendor'], note: 'First message only.' },
  { canonical: 'device.userAgent', vendorName: 'extras.useragent', directions: ['fromVendor'], note: 'Sent by current widgets.' },
  {
    canonical: 'device.ip',
    vendorName: 'extras.customprofileparams.IP',
    directions: ['fromVendor'],
    note: 'JSON text `{"IP","City","Country"}`, first message only; an encrypted value is kept in `vendor.wxcc.extras`.',
  },
  { canonical: 'location.city', vendorName: 'extras.customprofileparams.City', directions: ['fromVendor'], note: 'As for `device.ip`.' },
  { canonical: 'location.country', vendorName: 'extras.customprofileparams.Country', directions: ['fromVendor'], note: 'A country name, e.g. `Germany`.' },
];

/** The declarative capabilities for a field map: one row per explicit field, one for `attributes.*`, and the extras the flow adds. */
export function wxccCapabilities(fields: ResolvedFieldMap): AdapterCapabilities {
  const rows: AdapterFieldCapability[] = fields.explicit.map(([canonical, fieldName]) => ({
    canonical,
    vendorName: `custom_chat_fields.${fieldName}`,
    note: canonical.startsWith('attributes.') ? 'Keeps its JSON type.' : 'Inbound numbers and booleans become text (`value_coerced`).',
  }));
  if (fields.attributeTemplate !== undefined) {
    rows.push({
      canonical: 'attributes.*',
      vendorName: `custom_chat_fields.${fields.attributeTemplate.replace('*', '<key>')}`,
      note: 'Every attribute without its own entry, under this name; each one must exist in the admin console. Keeps its JSON type.',
    });
  }
  const claimed = new Set(fields.explicit.map(([canonical]) => canonical));
  for (const row of extrasRows) {
    if (!claimed.has(row.canonical)) rows.push(row);
  }
  return { directions: ['toVendor', 'fromVendor'], fields: rows, notes, payloadShapes: wxccPayloadShapes };
}
