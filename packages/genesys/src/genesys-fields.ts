/**
 * The Genesys field names this adapter maps, in one place so that both directions and the capabilities agree.
 * Every table is a `Map` (or a null-prototype object behind a function), so that a key from a payload or a
 * context (`constructor`, `toString`, `__proto__`) can never find something on `Object.prototype`.
 */
import { visitorContextFields } from '@visitor-context/core';

/**
 * Sections whose fields travel as custom attributes named `<section><Field>` (e.g. `pageUrl`).
 */
export const sectionedAttributeSections = ['page', 'device', 'location'] as const;

/** `page` + `url` → `pageUrl`. */
function sectionedAttributeKey(section: string, field: string): string {
  return `${section}${field.charAt(0).toUpperCase()}${field.slice(1)}`;
}

/**
 * Canonical fields carried as custom attributes (Web Messaging, plain map, Open Messaging, and Widgets
 * `userData`). No name contains a `.`: Genesys agent scripts cannot read participant data whose name has one.
 * camelCase, like Genesys' own participant data (`customerId`, `phoneNumber`, `addressCity`), so that the
 * names read the same in Architect's *Get Participant Data*, in scripts and in Interaction Details.
 */
export const attributeKeyByCanonical: ReadonlyMap<string, string> = new Map([
  ['visitor.id', 'customerId'],
  ['visitor.name', 'name'],
  ['visitor.firstName', 'firstName'],
  ['visitor.lastName', 'lastName'],
  ['visitor.email', 'email'],
  ['visitor.phone', 'phoneNumber'],
  ['visitor.company', 'company'],
  ['visitor.locale', 'locale'],
  ...sectionedAttributeSections.flatMap((section) =>
    (visitorContextFields[section] as readonly string[]).map((field): [string, string] => [`${section}.${field}`, sectionedAttributeKey(section, field)]),
  ),
]);

/**
 * Legacy Widgets v2 registration-form fields (`WebChat.open` `form`), with the canonical field or kept vendor
 * field that fills each. The default form's names are lower-case.
 */
export const widgetsFormFieldBySource: ReadonlyMap<string, string> = new Map([
  ['visitor.firstName', 'firstname'],
  ['visitor.lastName', 'lastname'],
  ['visitor.email', 'email'],
  ['vendor.subject', 'subject'],
]);

/** Named fields of the legacy Web Chat v2 `data` block and Guest Chat `customFields`, with their canonical field. */
export const chatFieldByCanonical: ReadonlyMap<string, string> = new Map([
  ['visitor.id', 'customerId'],
  ['visitor.firstName', 'firstName'],
  ['visitor.lastName', 'lastName'],
  ['visitor.email', 'email'],
  ['visitor.phone', 'phoneNumber'],
  ['location.city', 'addressCity'],
  ['location.region', 'addressState'],
]);

/** Guest Chat `customFields` the widget fills with page and browser facts (`_genesys_*`). */
export const guestChatPageFieldByCanonical: ReadonlyMap<string, string> = new Map([
  ['page.url', '_genesys_url'],
  ['page.title', '_genesys_pageTitle'],
  ['page.referrer', '_genesys_referrer'],
  ['device.browser', '_genesys_browser'],
  ['device.os', '_genesys_OS'],
]);

/** Chat fields with no canonical counterpart: kept in `vendor.genesys.fields` and sent back from there. */
export const webChatVendorOnlyFields = ['addressStreet', 'addressPostalCode', 'phoneType'] as const;

/** Guest Chat adds these to the Web Chat ones. */
export const guestChatVendorOnlyFields = [...webChatVendorOnlyFields, 'subject', '_genesys_source'] as const;

/** How many labelled custom fields the chat products carry. */
export const chatCustomFieldCount = 3;

/** Chat v2 writes every attribute as `context.<key>` on the participant. */
export const chatAttributePrefix = 'context.';

/**
 * Custom-attribute key prefix for a visitor attribute whose own key would be read back as something else
 * (e.g. an attribute called `email` travels as `attributes_email`). Dot-free, so that scripts can read it.
 */
export const escapedAttributePrefix = 'attributes_';

/** The prefix of earlier versions, `attributes.email`: still read inbound. */
export const legacyEscapedAttributePrefix = 'attributes.';

/** Inbound: every known key (case-insensitive), to the canonical field it fills. */
export const canonicalByInboundKey: ReadonlyMap<string, string> = new Map(
  [...attributeKeyByCanonical, ...chatFieldByCanonical, ...guestChatPageFieldByCanonical].map(([canonical, key]) => [key.toLowerCase(), canonical]),
);

/**
 * Inbound: the dotted names earlier versions sent for page, device and location (`page.url`), read as before.
 * Exact case, as they were written.
 */
export const canonicalByLegacyDottedKey: ReadonlyMap<string, string> = new Map(
  [...attributeKeyByCanonical.keys()].filter((canonical) => !canonical.startsWith('visitor.')).map((canonical) => [canonical, canonical]),
);

/** Inbound: Genesys keys with no canonical field, kept in `vendor.genesys.fields` (case-insensitive). */
const vendorOnlyKeys = new Set<string>([...guestChatVendorOnlyFields].map((key) => key.toLowerCase()));

/** Whether an inbound key is Genesys' own bookkeeping rather than visitor data. */
export function isVendorOnlyKey(key: string): boolean {
  const lower = key.toLowerCase();
  return vendorOnlyKeys.has(lower) || lower.startsWith('_genesys') || lower.startsWith('genesys.');
}

const customFieldPattern = /^customfield(\d+)(label)?$/i;

/** `customField2Label` → `{ index: 2, label: true }`; undefined for other keys. */
export function parseCustomFieldKey(key: string): { index: number; label: boolean } | undefined {
  const match = customFieldPattern.exec(key);
  if (match === null) return undefined;
  return { index: Number(match[1]), label: match[2] !== undefined };
}

const reservedPrefixes = [
  chatAttributePrefix,
  escapedAttributePrefix,
  legacyEscapedAttributePrefix,
  'vendor.',
  ...sectionedAttributeSections.map((section) => `${section}.`),
];

/**
 * Whether a visitor attribute key, sent as is, would be read back as something other than that attribute:
 * a known field name (any case, so also a Widgets form field such as `firstname`), a chat custom-field slot,
 * Genesys' own keys, or one of our prefixes.
 */
export function needsEscaping(attributeKey: string): boolean {
  const lower = attributeKey.toLowerCase();
  return (
    canonicalByInboundKey.has(lower) ||
    isVendorOnlyKey(attributeKey) ||
    parseCustomFieldKey(attributeKey) !== undefined ||
    reservedPrefixes.some((prefix) => lower.startsWith(prefix))
  );
}

/** Names that reach `Object.prototype` when used as a property key or as a segment of a dotted path. */
export function isPrototypeKey(key: string): boolean {
  return key === '__proto__' || key === 'constructor' || key === 'prototype';
}
