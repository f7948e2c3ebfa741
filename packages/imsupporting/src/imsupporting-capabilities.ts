import type { AdapterCapabilities, AdapterFieldCapability } from '@visitor-context/core';
import type { ImsupportingSettings } from './imsupporting-defaults.js';

/**
 * The payloads `fromVendor` reads, for the README and the `unrecognized_payload` warning.
 */
export const imsupportingPayloadShapes: readonly string[] = [
  'the stored `visitor_context_data` object of key/value pairs, or its JSON text (taken as the server stored it)',
  'a whole `activesessions` / `chatlogs` record with `visitor_context_data` (JSON text or object); its other columns go to `vendor.imsupporting.record`',
  'the base64 wire payload the widget sends (checked and cleaned as the server would)',
  'the `window.imsFlowConfig` object `{ siteid, mode, visitorContext }` (its `visitorContext` cleaned as the server would; the rest goes to `vendor.imsupporting.config`)',
];

const metadataNote = 'metadata key shown to operators; sent as a string';

/**
 * The declarative capabilities of an adapter with the given settings: the README table and the conformance
 * suite's round trip are derived from them.
 */
export function describeImsupportingCapabilities(settings: ImsupportingSettings): AdapterCapabilities {
  const { limits } = settings;
  const fields: AdapterFieldCapability[] = [
    { canonical: 'visitor.name', vendorName: 'ims_username', note: 'pre-fill key; also the display name operators see' },
    { canonical: 'visitor.email', vendorName: 'ims_email', note: 'pre-fill key' },
    {
      canonical: 'visitor.phone',
      vendorName: 'ims_telephone',
      note: 'pre-fill key; `ims_phone` (the alias) with `phoneKey: "ims_phone"`; read from `ims_phone` when `ims_telephone` is absent',
    },
  ];
  for (const [canonical, vendorName] of Object.entries(settings.metadataKeys)) {
    fields.push({ canonical, vendorName, valueType: 'string', note: metadataNote });
  }
  fields.push({
    canonical: 'attributes.*',
    vendorName: '<key>',
    valueType: 'string',
    note: `metadata key shown to operators, key verbatim; numbers and booleans become strings`,
  });
  return {
    directions: ['toVendor', 'fromVendor'],
    fields,
    payloadShapes: imsupportingPayloadShapes,
    limits: {
      keyPattern: limits.keyPattern,
      maxKeyLength: limits.maxKeyLength,
      maxValueLength: limits.maxValueLength,
      maxEntries: limits.maxEntries,
      maxPayloadLength: limits.maxPayloadLength,
    },
    notes: [
      'The server drops pairs whose key breaks the pattern, HTML-decodes and strips tags from values, truncates them, keeps only the first pairs, and discards the whole context when its base64 form is too long; toVendor reports each as a warning.',
      'Pre-fill keys come first, then the visitor fields, attributes, page, device and location fields, so the entry limit cuts the least important pairs.',
      'Keys are case-sensitive: `ims_Email` is plain metadata, not a pre-fill key (reported as `unreserved_ims_key`).',
      'The `data-visitor-context` attribute wins over `window.imsFlowConfig.visitorContext` when both exist.',
      'The widget reads the context once, when it initialises: a single-page app calls `window.imsFlowWidget.reload()` after login or logout (the `./browser` entry does this).',
      'Visitor context reaches operators only; it is not sent back to client-side JavaScript or in transcript emails.',
    ],
  };
}
