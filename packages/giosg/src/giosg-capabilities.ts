import type { AdapterCapabilities, AdapterFieldCapability } from '@visitor-context/core';
import { visitorFieldKeys } from './giosg-keys.js';

const visitorFieldNotes: Partial<Record<keyof typeof visitorFieldKeys, string>> = {
  name: "giosg's special key: it replaces the visitor's display name (\"Visitor\") in the console and reports.",
};

/** The payload shapes `fromVendor` reads, for the README and the `unrecognized_payload` warning. */
export const giosgPayloadShapes: readonly string[] = [
  'a chat of the REST chats listing (`GET /api/v5/orgs/{org_id}/chats`), with `api_data`',
  'a Chat API chat object (`/api/v5/orgs/{org_id}/chats/{chat_id}`, room and user chats: `first_visitor_message_url`, counts and ids; it holds no visitor data)',
  'a bare `api_data` list of `{ name, value }`',
  'a submission `{ visitorData, signingAlgorithm, replaceExisting, rooms }`',
  "the logged argument list of `_giosg('visitor', 'submit', data, algorithm, replaceExisting, rooms)`",
  "a visitor data object with giosg's keys (`username`, `email`, `customer_id`, …); pass `format: 'visitorData'` for one with only custom keys, such as verified JWT claims",
];

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
      vendorName: 'first_visitor_message_url',
      directions: ['fromVendor'],
      note: 'From a Chat API chat object: the page the visitor was on when they sent their first message. giosg records pages itself, so it is not sent.',
    },
    {
      canonical: 'page.url',
      vendorName: 'start_url',
      directions: ['fromVendor'],
      note: 'The same, from a chat of the REST chats listing.',
    },
    {
      canonical: 'page.title',
      vendorName: 'first_visitor_message_url_title',
      directions: ['fromVendor'],
      note: 'That page\'s title, from a Chat API chat object.',
    },
    {
      canonical: 'page.title',
      vendorName: 'start_url_title',
      directions: ['fromVendor'],
      note: 'The same, from a chat of the REST chats listing.',
    },
  ],
  payloadShapes: giosgPayloadShapes,
  notes: [
    'Data goes to the vendor with `_giosg(\'visitor\', \'submit\', data, \'plain\', replaceExisting, rooms)`; the signed form (`./server`) passes a JWT string instead of `data`, with the algorithm.',
    'Signed data is still readable by the visitor; signing only prevents changes. The console shows an open lock next to unsigned values.',
    'A room set to "Always require signatures for visitor data" rejects unsigned or badly signed data (HTTP 400).',
    '`replaceExisting: false` (the default) extends what giosg holds: keys you stop sending stay until you remove them (`removeAll` on logout).',
    'giosg documents no limit on key count or value length; the page, device and location are recorded by giosg itself and are not sent.',
    'In the JWT form giosg treats only `exp` as special and shows every other claim to operators as a visitor variable, so signed tokens carry the visitor data and `exp` only.',
    'A Chat API chat object holds no visitor data: only its page becomes canonical; its ids, counts and times stay in `vendor.giosg.chat`.',
  ],
};
