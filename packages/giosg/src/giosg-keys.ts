/**
 * The giosg visitor-data key of each canonical `visitor` field. `username` is giosg's own special key: it
 * replaces the visitor's display name in the console and reports. The others are plain keys chosen to read
 * well in the console (giosg's own examples use snake_case, e.g. `customer_number`).
 */
export const visitorFieldKeys = {
  name: 'username',
  id: 'customer_id',
  firstName: 'first_name',
  lastName: 'last_name',
  email: 'email',
  phone: 'phone',
  company: 'company',
  locale: 'locale',
} as const;

/** A canonical `visitor` field giosg carries. */
export type VisitorFieldName = keyof typeof visitorFieldKeys;

export const visitorFieldByKey: ReadonlyMap<string, VisitorFieldName> = new Map(
  Object.entries(visitorFieldKeys).map(([field, key]) => [key, field as VisitorFieldName]),
);

/** Registered JWT claims the signer sets or giosg interprets (`exp` bounds validity); never visitor data. */
export const tokenClaimKeys: ReadonlySet<string> = new Set(['exp', 'iat', 'jti', 'nbf', 'iss', 'aud', 'sub']);

/** The legacy checksum scheme's own fields. */
export const checksumKeys: ReadonlySet<string> = new Set(['_checksum', '_exp']);

/**
 * Attribute keys that would be read back as something else (a visitor field, a claim, a checksum field) are
 * sent with this prefix instead, and inbound keys with it are attributes again. Keys that already start with it
 * get it once more, so the mapping is reversible for every key.
 */
export const attributeKeyPrefix = 'attributes.';

/** The giosg key for an attribute, and whether it had to be renamed. */
export function attributeVendorKey(key: string): { readonly key: string; readonly renamed: boolean } {
  const reserved =
    visitorFieldByKey.has(key) || tokenClaimKeys.has(key) || checksumKeys.has(key) || key.startsWith(attributeKeyPrefix);
  return reserved ? { key: attributeKeyPrefix + key, renamed: true } : { key, renamed: false };
}

/**
 * The options of giosg's `_giosg('chat', 'close', …)` for a logout: close the visitor's chats, hide the chat
 * window and clear the conversation in the browser (giosg keeps it on its side), so the next person at a shared
 * computer does not see it.
 */
export const closeChatOnLogout = { hide: true, clearHistory: true } as const;
