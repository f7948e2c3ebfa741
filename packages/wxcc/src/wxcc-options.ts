import { maxAttributeKeyLength, visitorContextFields } from '@visitor-context/core';
import * as z from 'zod/mini';

const fixedFieldNames = Object.entries(visitorContextFields).flatMap(([section, keys]) =>
  (keys as readonly string[]).map((key) => `${section}.${key}`),
);

/** Canonical names a field map may use: the fixed fields, `attributes.<key>`, and `attributes.*`. */
const canonicalName = z.string().check(
  z.refine(
    (name) =>
      fixedFieldNames.includes(name) ||
      (name.startsWith('attributes.') && name.length > 'attributes.'.length && name.length <= 'attributes.'.length + maxAttributeKeyLength),
    'must be a canonical field such as visitor.name, attributes.plan or attributes.*',
  ),
);

/** Custom chat field names are free text in the admin console (spaces allowed), but never control characters. */
const adminFieldName = z.string().check(
  z.minLength(1),
  z.maxLength(200),
  z.regex(/^[^\u0000-\u001f\u007f-\u009f]*$/, 'must not contain control characters'),
);

/**
 * Which custom chat field (as named in the Webex Engage admin console) carries which canonical field:
 * `{ 'visitor.name': 'name', 'attributes.plan': 'Plan' }`. The key `attributes.*` maps every other attribute
 * through a template where `*` stands for the attribute key (`'*'` keeps the key, `'attr *'` prefixes it).
 * @public
 */
export const WxccFieldMapSchema = z
  .record(canonicalName, adminFieldName)
  .check(
    z.refine(
      (fields) => !Object.hasOwn(fields, 'attributes.*') || (fields['attributes.*']?.split('*').length ?? 0) === 2,
      'the attributes.* template must contain exactly one *',
    ),
    z.refine((fields) => {
      const names = Object.entries(fields).filter(([canonical]) => canonical !== 'attributes.*').map(([, name]) => name);
      return new Set(names).size === names.length;
    }, 'two canonical fields must not share one custom chat field'),
  );

/** A field map; see {@link WxccFieldMapSchema}. @public */
export type WxccFieldMap = Readonly<Record<string, string>>;

/**
 * The field map of the ready-made `wxccAdapter`: the seed tutorial's `name` and `email`, plus `id` and
 * `phone`, and every attribute under its own key. Create these custom chat fields in the admin console, or
 * pass your own map to `createWxccAdapter`.
 * @public
 */
export const defaultWxccFieldMap: WxccFieldMap = Object.freeze({
  'visitor.id': 'id',
  'visitor.name': 'name',
  'visitor.email': 'email',
  'visitor.phone': 'phone',
  'attributes.*': '*',
});

/** Options of `createWxccAdapter`. @public */
export const WxccAdapterOptionsSchema = z.strictObject({
  /** Canonical field → custom chat field name; default {@link defaultWxccFieldMap}. */
  fields: z.optional(WxccFieldMapSchema),
});

/** Options of `createWxccAdapter`; see {@link WxccAdapterOptionsSchema}. @public */
export type WxccAdapterOptions = z.input<typeof WxccAdapterOptionsSchema>;

/** Options of `toVendor`. @public */
export const WxccToVendorOptionsSchema = z.strictObject({
  /** Turn every warning into an error. */
  strict: z.optional(z.boolean()),
});

/** Options of `toVendor`; see {@link WxccToVendorOptionsSchema}. @public */
export type WxccToVendorOptions = z.infer<typeof WxccToVendorOptionsSchema>;

/** Options of `fromVendor`. @public */
export const WxccFromVendorOptionsSchema = z.strictObject({
  /** Turn every warning into an error. */
  strict: z.optional(z.boolean()),
});

/** Options of `fromVendor`; see {@link WxccFromVendorOptionsSchema}. @public */
export type WxccFromVendorOptions = z.infer<typeof WxccFromVendorOptionsSchema>;

/** The documented default loader URL; regional deployments use other hosts, so take yours from your snippet. @public */
export const defaultWxccScriptUrl = 'https://media.imi.chat/widget/js/imichatinit.js';

const nonNegativeMilliseconds = z.number().check(z.int(), z.minimum(1), z.maximum(600_000));

/** Options of `renderWxccSnippet`. @public */
export const WxccSnippetOptionsSchema = z.strictObject({
  /** Canonical field → custom chat field name; default {@link defaultWxccFieldMap}. */
  fields: z.optional(WxccFieldMapSchema),
  /** Turn every translation warning into an error. */
  strict: z.optional(z.boolean()),
  /** CSP nonce for the inline script. */
  nonce: z.optional(z.string()),
  /** How often to look for the `imichatwidget` global, in ms; default 250 (as the tutorial polls). */
  intervalMs: z.optional(nonNegativeMilliseconds),
  /** Give up waiting for the global, the ready event and the widget's answer after this many ms; default 30,000. */
  timeoutMs: z.optional(nonNegativeMilliseconds),
  /**
   * Also render the widget's installation snippet (the `#divicw` mount and the loader script). Leave out
   * when the page already has the vendor's snippet.
   */
  widget: z.optional(
    z.strictObject({
      /** `data-bind` of `#divicw`, from your installation snippet. */
      bindId: z.string(),
      /** `data-guid` of `#divicw`. */
      guid: z.string(),
      /** `data-org` of `#divicw`; default empty. */
      org: z.optional(z.string()),
      /** The loader URL from your snippet; default {@link defaultWxccScriptUrl}. */
      scriptUrl: z.optional(z.string()),
    }),
  ),
});

/** Options of `renderWxccSnippet`; see {@link WxccSnippetOptionsSchema}. @public */
export type WxccSnippetOptions = z.input<typeof WxccSnippetOptionsSchema>;
