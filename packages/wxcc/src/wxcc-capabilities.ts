import type { AdapterCapabilities, AdapterFieldCapability } from '@visitor-context/core';
import type { ResolvedFieldMap } from './wxcc-field-map.js';

const notes = [
  'Custom chat fields must exist in the Webex Engage admin console; the widget silently ignores unknown names, so map each canonical field to an existing field with the `fields` option.',
  'Data reaches a conversation only if it is set before the visitor\'s first message (`custom_chat_attr` travels with the first message only); the browser runtime warns with `chat_already_started` when `hasInitiatedChat()` is already true.',
  '`update` replaces the whole set of custom chat fields (no merge), so every call sends the full set.',
  'The `init` callback is mandatory, and the widget answers `update` through the `init` callback; the runtime handles both.',
  'In the Webex Connect flow, `custom_chat_attr` is JSON text inside the extras JSON: parse twice (see `renderEvaluateNodeCode`). Capture it at the Start node: later messages do not carry it.',
  'Other message extras (`browserfingerprint`, `Website`, `Initiated from URL`, `initiatedon`, …) are kept in `vendor.wxcc.extras`; the widget generates them, so they are never sent back.',
  'No size limits are published.',
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
  if (!claimed.has('page.url')) {
    rows.push({ canonical: 'page.url', vendorName: 'extras.Webpage', directions: ['fromVendor'], note: 'Set by the widget on every message.' });
  }
  if (!claimed.has('device.language')) {
    rows.push({
      canonical: 'device.language',
      vendorName: 'extras["Browser language"]',
      directions: ['fromVendor'],
      note: 'Set by the widget on the first message.',
    });
  }
  return { directions: ['toVendor', 'fromVendor'], fields: rows, notes };
}
