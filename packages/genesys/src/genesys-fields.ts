/**
 * The Genesys field names this adapter maps, in one place so that both directions and the capabilities agree.
 */

/** Canonical visitor fields carried as custom attributes (Web Messaging, plain map, Open Messaging). */
export const attributeKeyByCanonical: Readonly<Record<string, string>> = {
  'visitor.id': 'customerId',
  'visitor.name': 'name',
  'visitor.firstName': 'firstName',
  'visitor.lastName': 'lastName',
  'visitor.email': 'email',
  'visitor.phone': 'phoneNumber',
  'visitor.company': 'company',
  'visitor.locale': 'locale',
};

/**
 * Sections whose fields travel as `<section>.<field>` custom attributes (e.g. `page.url`), so they never
 * collide with the visitor's own attribute names.
 */
export const namespacedSections = ['page', 'device', 'location'] as const;

/** Named fields of the legacy Web Chat v2 `data` block and Guest Chat `customFields`, with their canonical field. */
export const chatFieldByCanonical: Readonly<Record<string, string>> = {
  'visitor.id': 'customerId',
  'visitor.firstName': 'firstName',
  'visitor.lastName': 'lastName',
  'visitor.email': 'email',
  'visitor.phone': 'phoneNumber',
  'location.city': 'addressCity',
  'location.region': 'addressState',
};

/** Guest Chat `customFields` the widget fills with page and browser facts (`_genesys_*`). */
export const guestChatPageFieldByCanonical: Readonly<Record<string, string>> = {
  'page.url': '_genesys_url',
  'page.title': '_genesys_pageTitle',
  'page.referrer': '_genesys_referrer',
  'device.browser': '_genesys_browser',
  'device.os': '_genesys_OS',
};

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
 * (e.g. an attribute called `email`): it travels as `attributes.email`.
 */
export const escapedAttributePrefix = 'attributes.';

/** Inbound: every known key (case-insensitive), to the canonical field it fills. */
export const canonicalByInboundKey: ReadonlyMap<string, string> = new Map(
  [
    ...Object.entries(attributeKeyByCanonical),
    ...Object.entries(chatFieldByCanonical),
    ...Object.entries(guestChatPageFieldByCanonical),
  ].map(([canonical, key]) => [key.toLowerCase(), canonical]),
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

const reservedPrefixes = [chatAttributePrefix, escapedAttributePrefix, 'vendor.', ...namespacedSections.map((section) => `${section}.`)];

/**
 * Whether a visitor attribute key, sent as is, would be read back as something other than that attribute:
 * a known field name (any case), a chat custom-field slot, Genesys' own keys, or one of our prefixes.
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
