import * as z from 'zod/mini';
import { maxAttributeKeyLength } from './limits.js';

const text = /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string());

/**
 * What an attribute key may not contain: C0 and C1 control characters. Shared by the schema and by
 * parseVisitorContext's one-pass reader, so the two cannot drift apart.
 * @internal
 */
export const attributeKeyPattern = /^[^\u0000-\u001f\u007f-\u009f]*$/;

/** Adapter ids, as used for `vendor.<id>`; shared like {@link attributeKeyPattern}. @internal */
export const vendorIdPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Attribute keys: 1–100 characters, no control characters. Prototype keys are refused earlier, anywhere. */
const attributeKey = /* @__PURE__ */ (/* @__PURE__ */ z.string()).check(
  /* @__PURE__ */ z.minLength(1),
  /* @__PURE__ */ z.maxLength(maxAttributeKeyLength),
  /* @__PURE__ */ z.regex(attributeKeyPattern),
);

/** Adapter ids, as used for `vendor.<id>`. */
const vendorId = /* @__PURE__ */ (/* @__PURE__ */ z.string()).check(/* @__PURE__ */ z.regex(vendorIdPattern));

/**
 * The zod schema of the canonical visitor context, version 1.
 *
 * @remarks
 * Built with `zod/mini` so that browser bundles that validate stay small. Prefer
 * {@link parseVisitorContext}, which also enforces limits, refuses prototype keys and never invokes getters;
 * this schema alone checks only the shape.
 * @public
 */
export const VisitorContextSchema = /* @__PURE__ */ z.strictObject({
  /** Who the visitor is, as your own system knows them. */
  visitor: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.strictObject({
      id: text,
      name: text,
      firstName: text,
      lastName: text,
      email: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.email()),
      phone: text,
      company: text,
      locale: text,
    }),
  ),
  /** Flat custom metadata: plan, last order, segment… */
  attributes: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.record(attributeKey, /* @__PURE__ */ z.union([/* @__PURE__ */ z.string(), /* @__PURE__ */ z.number(), /* @__PURE__ */ z.boolean()]))),
  /** The page the visitor is on; mostly filled by inbound vendor data. */
  page: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.strictObject({ url: text, title: text, referrer: text, landingPage: text, searchKeywords: text }),
  ),
  /** The visitor's browser and device; mostly filled by inbound vendor data. */
  device: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.strictObject({
      userAgent: text,
      browser: text,
      os: text,
      screenResolution: text,
      language: text,
      timeZone: text,
      ip: text,
    }),
  ),
  /** Where the visitor is; mostly filled by inbound vendor data. */
  location: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.strictObject({ city: text, region: text, country: text })),
  /** Vendor-only data, one bag per adapter id, so that vendor → canonical → vendor loses nothing. */
  vendor: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.record(vendorId, /* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.json()))),
});

/**
 * The canonical visitor context, version 1: what a website knows about a visitor, in one vendor-neutral shape.
 * @public
 */
export type VisitorContext = z.infer<typeof VisitorContextSchema>;

/**
 * What the functions that validate a context accept: a {@link VisitorContext}, except that `visitor.id` may also
 * be a database id as a number. A safe integer is converted to its decimal string with a `value_coerced`
 * warning; the validated {@link VisitorContext} always holds a string.
 * @public
 */
export type VisitorContextInput = Omit<VisitorContext, 'visitor'> & {
  readonly visitor?: (Omit<NonNullable<VisitorContext['visitor']>, 'id'> & { readonly id?: string | number | undefined }) | undefined;
};

/** The section names of a {@link VisitorContext} whose fields are plain strings. @public */
export type VisitorContextSection = 'visitor' | 'page' | 'device' | 'location';

/**
 * Every fixed string field of the canonical model, by section. Used to list, map and document fields.
 * @public
 */
export const visitorContextFields: {
  readonly [Section in VisitorContextSection]: readonly (keyof NonNullable<VisitorContext[Section]>)[];
} = {
  visitor: ['id', 'name', 'firstName', 'lastName', 'email', 'phone', 'company', 'locale'],
  page: ['url', 'title', 'referrer', 'landingPage', 'searchKeywords'],
  device: ['userAgent', 'browser', 'os', 'screenResolution', 'language', 'timeZone', 'ip'],
  location: ['city', 'region', 'country'],
};

/** The dotted name of a fixed string field of the canonical model: `visitor.email`, `page.url`, … @public */
export type VisitorContextFieldName = {
  [Section in VisitorContextSection]: `${Section}.${(typeof visitorContextFields)[Section][number] & string}`;
}[VisitorContextSection];

/**
 * Every fixed string field by dotted name, in model order (visitor, page, device, location): derived from
 * {@link visitorContextFields}, for adapters that accept a field name as an option or list fields in order.
 * @public
 */
export const visitorContextFieldNames: readonly [VisitorContextFieldName, ...VisitorContextFieldName[]] = /* @__PURE__ */ (
  ['visitor', 'page', 'device', 'location'] as const
).flatMap((section) => visitorContextFields[section].map((key) => `${section}.${String(key)}`)) as never;
