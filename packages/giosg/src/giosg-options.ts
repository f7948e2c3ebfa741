import * as z from 'zod/mini';
import { GiosgRoomSchema, type GiosgRoom } from './giosg-api.js';

/**
 * Options of `toVendor` (and of the snippet renderer and the signer).
 * @public
 */
export const GiosgToVendorOptionsSchema = z.strictObject({
  /** Turn every warning into an error. */
  strict: z.exactOptional(z.boolean()),
  /**
   * giosg's `replace_existing`: `true` replaces all data giosg holds for the visitor, `false` (giosg's default)
   * extends it, overwriting only the keys sent again. Default: `vendor.giosg.replaceExisting`, else `false`.
   */
  replaceExisting: z.exactOptional(z.boolean()),
  /** Rooms to attach the data to (`[{ id }]` or `[{ name }]`). Default: `vendor.giosg.rooms`, else the domain room. */
  rooms: z.exactOptional(z.array(GiosgRoomSchema).check(z.minLength(1))),
});

/** Options of the giosg adapter's `toVendor`. @public */
export interface GiosgToVendorOptions {
  /** Turn every warning (anything dropped or renamed) into an error. */
  readonly strict?: boolean;
  /** giosg's `replace_existing`; default `vendor.giosg.replaceExisting`, else `false` (extend). */
  readonly replaceExisting?: boolean;
  /** Rooms to attach the data to; default `vendor.giosg.rooms`, else the domain room. */
  readonly rooms?: readonly GiosgRoom[];
}

const toVendorOptionsConform = (parsed: z.infer<typeof GiosgToVendorOptionsSchema>): GiosgToVendorOptions => parsed;
void toVendorOptionsConform;

/**
 * Which giosg payload `fromVendor` reads. `auto` recognises a submission (`{ visitorData, signingAlgorithm, … }`),
 * the logged argument list of `_giosg('visitor', 'submit', …)` (`submitCall`), a chat (an object with `api_data`,
 * or a Chat API chat object with `first_visitor_message_url`, counts and ids), a bare `api_data` array, and an
 * object with giosg's visitor keys (`username`, `email`, …) as visitor data; anything else gets an
 * `unrecognized_payload` warning and is kept in `vendor.giosg.extraData`.
 * @public
 */
export const GiosgInboundFormatSchema = z.enum(['auto', 'submission', 'submitCall', 'chat', 'apiData', 'visitorData']);

/** A format `fromVendor` reads. @public */
export type GiosgInboundFormat = z.infer<typeof GiosgInboundFormatSchema>;

/** Options of `fromVendor`. @public */
export const GiosgFromVendorOptionsSchema = z.strictObject({
  /** Turn every warning into an error. */
  strict: z.exactOptional(z.boolean()),
  /** The payload's format; default `auto`. Pass `visitorData` for verified JWT claims or a raw data object. */
  format: z.exactOptional(GiosgInboundFormatSchema),
});

/** Options of the giosg adapter's `fromVendor`. @public */
export type GiosgFromVendorOptions = z.infer<typeof GiosgFromVendorOptionsSchema>;

/** The default host of giosg's loader script. */
export const giosgServiceHost = 'https://service.giosg.com';

/**
 * Options of the snippet renderers.
 * @public
 */
export interface GiosgRenderOptions {
  /** A CSP nonce for the rendered `<script>` elements. */
  readonly nonce?: string;
  /**
   * Your giosg company (organization) id. When set, the snippet also loads giosg's script (as giosg's own tag
   * does); leave it out when the page already has the giosg tag.
   */
  readonly companyId?: string;
  /** The loader script URL; default `https://service.giosg.com/live2/<companyId>`. */
  readonly scriptUrl?: string;
}
