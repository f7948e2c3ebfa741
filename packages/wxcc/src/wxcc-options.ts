import * as z from 'zod/mini';
import { defaultWxccFieldMap, fieldNameNotText, findFieldMapProblems, type WxccFieldMap } from './wxcc-field-map.js';

export { defaultWxccFieldMap, type WxccFieldMap };

/**
 * Which custom chat field (as named in the Webex Engage admin console) carries which canonical field:
 * `{ 'visitor.name': 'name', 'attributes.plan': 'Plan' }`. The key `attributes.*` maps every other attribute
 * through a template where `*` stands for the attribute key (`'*'` keeps the key, `'attr *'` prefixes it).
 * Canonical names must be fixed fields, `attributes.<key>` or `attributes.*`; custom chat field names are
 * 1 to 200 characters without control characters; two canonical fields may not share a name.
 * @public
 */
export const WxccFieldMapSchema = z.record(z.string(), z.string({ error: fieldNameNotText })).check(
  // The rules live in plain code so that the zod-free browser translator checks exactly the same ones.
  z.superRefine((fields, context) => {
    for (const problem of findFieldMapProblems(fields)) {
      context.issues.push({ code: 'custom', path: [...problem.path], message: problem.message, input: fields });
    }
  }),
);

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
