import type { AdapterCapabilities, AdapterFieldCapability } from '@visitor-context/core';
import { visitorFieldKeys } from './giosg-keys.js';

const visitorFieldNotes: Partial<Record<keyof typeof visitorFieldKeys, string>> = {
  name: "giosg's special key: it replaces the visitor's display name (\"Visitor\") in the console and reports.",
};

/**
 * What the giosg adapter carries, and under which giosg visitor-data keys.
 * @public
 */
export const giosgCapabilities: AdapterCapabilities = {
  directions: ['toVendor', 'fromVendor'],
  fields: [
    ...Object.entries(visitorFieldKeys).map(
      ([field, key]): AdapterFieldCapability => ({
        canonical: `visitor.${field}`,
        vendorName: key,
        ...(visitorFieldNotes[field as keyof typeof visitorFieldKeys] === undefined
          ? {}
          : { note: visitorFieldNotes[field as keyof typeof visitorFieldKeys] as string }),
      }),
    ),
    {
      canonical: 'attributes.*',
      vendorName: '<key>',
      valueType: 'string',
      note:
        'Sent with their JSON type; the REST `api_data` reports values as strings. Keys that would read back as another field (`username`, `email`, `exp`, `_checksum`, …) are sent as `attributes.<key>` (`field_renamed`).',
    },
    {
      canonical: 'page.url',
      vendorName: 'start_url',
      directions: ['fromVendor'],
      note: 'From a REST chat: the page of the visitor\'s first message. giosg records pages itself, so it is not sent.',
    },
    {
      canonical: 'page.title',
      vendorName: 'start_url_title',
      directions: ['fromVendor'],
      note: 'From a REST chat, like `page.url`.',
    },
  ],
  notes: [
    'Data goes to the vendor with `_giosg(\'visitor\', \'submit\', data, \'plain\', replaceExisting, rooms)`; the signed form (`./server`) passes a JWT string instead of `data`, with the algorithm.',
    'Signed data is still readable by the visitor; signing only prevents changes. The console shows an open lock next to unsigned values.',
    'A room set to "Always require signatures for visitor data" rejects unsigned or badly signed data (HTTP 400).',
    '`replaceExisting: false` (the default) extends what giosg holds: keys you stop sending stay until you remove them (`removeAll` on logout).',
    'giosg documents no limit on key count or value length; the page, device and location are recorded by giosg itself and are not sent.',
    'In the JWT form giosg documents only `exp` as special; `iat` and `jti` may be kept as visitor variables.',
  ],
};
