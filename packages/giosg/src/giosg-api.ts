import * as z from 'zod/mini';
import type { JsonValue } from '@visitor-context/core';

/**
 * A room the visitor data is attached to: giosg accepts either the room's (legacy) id from the console's
 * room settings, or its name. Without rooms, giosg uses the domain room.
 * @public
 */
export const GiosgRoomSchema = z.union([z.strictObject({ id: z.string().check(z.minLength(1)) }), z.strictObject({ name: z.string().check(z.minLength(1)) })]);

/** A giosg room reference: `{ id }` (the legacy room id from the console's room settings) or `{ name }`. @public */
export type GiosgRoom = { readonly id: string } | { readonly name: string };

/**
 * The JWT algorithms giosg documents for signed visitor data: HMAC with the account's shared API signing key
 * (`HS*`), or RSA signatures (`RS*`) verified with the account's RSA public key.
 * @public
 */
export const GiosgJwtAlgorithmSchema = z.enum(['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512']);

/** A JWT algorithm this package signs with. @public */
export type GiosgJwtAlgorithm = 'HS256' | 'HS384' | 'HS512' | 'RS256' | 'RS384' | 'RS512';

/** giosg's weak legacy checksum algorithms (`_checksum` field), for old accounts only. @public */
export const GiosgChecksumAlgorithmSchema = z.enum(['md5', 'sha1']);

/** A legacy checksum algorithm. @public */
export type GiosgChecksumAlgorithm = 'md5' | 'sha1';

/** Every `signing_algorithm` argument of `_giosg('visitor', 'submit', …)` this package emits. @public */
export const GiosgSigningAlgorithmSchema = z.enum(['plain', 'HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'md5', 'sha1']);

/** The `signing_algorithm` argument of a visitor submission. @public */
export type GiosgSigningAlgorithm = 'plain' | GiosgJwtAlgorithm | GiosgChecksumAlgorithm;

/**
 * giosg visitor data: a JSON object with any keys. `username` renames the visitor in the console.
 * @public
 */
export const GiosgVisitorDataSchema = z.record(z.string(), z.json());

/** giosg visitor data (the `visitor_data` argument). @public */
export type GiosgVisitorData = { [key: string]: JsonValue };

/**
 * One `_giosg('visitor', 'submit', visitorData, signingAlgorithm, replaceExisting, rooms)` call, as data.
 *
 * @remarks
 * `visitorData` is the data object for `plain` and the legacy checksums, or the compact JWT string that replaces
 * it for `HS256`/`HS384`/`HS512`/`RS256`/`RS384`/`RS512`.
 * @public
 */
export const GiosgVisitorSubmissionSchema = z.strictObject({
  visitorData: z.union([GiosgVisitorDataSchema, z.string()]),
  signingAlgorithm: GiosgSigningAlgorithmSchema,
  replaceExisting: z.boolean(),
  rooms: z.exactOptional(z.array(GiosgRoomSchema)),
});

/** One visitor data submission to giosg; render it with `renderGiosgSubmission` or apply it with `./browser`. @public */
export interface GiosgVisitorSubmission {
  /** The data object (`plain`, `md5`, `sha1`), or the compact JWT string that replaces it (`HS*`, `RS*`). */
  readonly visitorData: GiosgVisitorData | string;
  /** giosg's `signing_algorithm` argument. */
  readonly signingAlgorithm: GiosgSigningAlgorithm;
  /** giosg's `replace_existing` argument: replace instead of extend the data giosg holds. */
  readonly replaceExisting: boolean;
  /** giosg's `room_information` argument; without it, giosg uses the domain room. */
  readonly rooms?: readonly GiosgRoom[];
}

/**
 * One entry of a chat's `api_data` in giosg's REST chats listing: data submitted for the visitor through the
 * APIs. Values are documented as strings; other JSON values are accepted and kept.
 * @public
 */
export const GiosgApiDataItemSchema = z.object({ name: z.string(), value: z.json() });

/** One `api_data` entry. @public */
export type GiosgApiDataItem = z.infer<typeof GiosgApiDataItemSchema>;

/**
 * A giosg chat: one item of the REST chats listing (`GET /api/v5/orgs/<organization_id>/chats`, visitor data in
 * `api_data`, page in `start_url`), or a Chat API chat object (`/api/v5/orgs/<org_id>/chats/<chat_id>`, room and
 * user chats: no visitor data, page in `first_visitor_message_url`). Every other attribute (ids, counts, times)
 * is kept in `vendor.giosg.chat`.
 * @public
 */
export const GiosgChatSchema = z.looseObject({
  api_data: z.optional(z.array(GiosgApiDataItemSchema)),
  start_url: z.optional(z.nullable(z.string())),
  start_url_title: z.optional(z.nullable(z.string())),
  first_visitor_message_url: z.optional(z.nullable(z.string())),
  first_visitor_message_url_title: z.optional(z.nullable(z.string())),
});

/** A chat from giosg's REST chats listing or its Chat API. @public */
export type GiosgChat = z.infer<typeof GiosgChatSchema>;

// The hand-written types above keep browser typings free of zod; these lines fail to compile if they drift from the schemas.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShapes: [
  Same<z.infer<typeof GiosgRoomSchema>, GiosgRoom>,
  Same<z.infer<typeof GiosgSigningAlgorithmSchema>, GiosgSigningAlgorithm>,
  Same<z.infer<typeof GiosgJwtAlgorithmSchema>, GiosgJwtAlgorithm>,
  Same<z.infer<typeof GiosgChecksumAlgorithmSchema>, GiosgChecksumAlgorithm>,
] = [true, true, true, true];
const submissionsConform = (parsed: z.infer<typeof GiosgVisitorSubmissionSchema>): GiosgVisitorSubmission => parsed;
void sameShapes;
void submissionsConform;
