import * as z from 'zod/mini';
import { Diagnostics, parseAdapterOptions } from '@visitor-context/core';
import {
  applyImsupportingDefaults,
  imsupportingMetadataFields,
  type ImsupportingMetadataField,
  type ImsupportingSettings,
} from './imsupporting-defaults.js';

/** A key the server accepts that is not in the reserved `ims_` namespace. */
const metadataKeyName = z.string().check(
  z.regex(/^[a-zA-Z0-9_-]{1,100}$/, 'must be 1–100 letters, digits, "_" or "-"'),
  z.refine((key) => !/^ims_/i.test(key), 'must not start with "ims_", which the vendor reserves for pre-fill keys'),
);

function isRegularExpression(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

const positiveInteger = z.int().check(z.positive());

/**
 * Options of {@link createImsupportingAdapter}.
 * @public
 */
export const ImsupportingAdapterOptionsSchema = z.strictObject({
  /**
   * The metadata key for each canonical field (defaults: {@link defaultImsupportingMetadataKeys}); `false`
   * leaves the field out (reported as `field_dropped`). Keys must be unique.
   */
  metadataKeys: z.optional(z.partialRecord(z.enum(imsupportingMetadataFields), z.union([metadataKeyName, z.literal(false)]))),
  /** Overrides of the vendor's limits, should the server change them. */
  limits: z.optional(
    z.strictObject({
      keyPattern: z.optional(z.string().check(z.minLength(1), z.refine(isRegularExpression, 'must be a valid regular expression'))),
      maxKeyLength: z.optional(positiveInteger),
      maxValueLength: z.optional(positiveInteger),
      maxEntries: z.optional(positiveInteger),
      maxPayloadLength: z.optional(positiveInteger),
    }),
  ),
});

/** Options of {@link createImsupportingAdapter}: see {@link ImsupportingAdapterOptionsSchema}. @public */
export type ImsupportingAdapterOptions = z.input<typeof ImsupportingAdapterOptionsSchema>;

/**
 * Options of the adapter's `toVendor`.
 * @public
 */
export const ImsupportingToVendorOptionsSchema = z.strictObject({
  /** Turn every warning into an error. */
  strict: z.optional(z.boolean()),
  /** Which reserved key carries `visitor.phone`: `ims_telephone` (default, the primary key) or its alias `ims_phone`. */
  phoneKey: z.optional(z.enum(['ims_telephone', 'ims_phone'])),
  /**
   * What to do with an attribute key the server would reject (characters outside `[a-zA-Z0-9_-]`):
   * `drop` it (default, as the server does) or `replace` each such character with `_`. Both are reported.
   */
  invalidKeys: z.optional(z.enum(['drop', 'replace'])),
});

/** Options of the adapter's `toVendor`: see `ImsupportingToVendorOptionsSchema`. @public */
export interface ImsupportingToVendorOptions {
  /** Turn every warning into an error. */
  readonly strict?: boolean | undefined;
  /** Which reserved key carries `visitor.phone`; default `ims_telephone`. */
  readonly phoneKey?: 'ims_telephone' | 'ims_phone' | undefined;
  /** Drop (default) or `replace` attribute keys the server would reject. */
  readonly invalidKeys?: 'drop' | 'replace' | undefined;
}

/** Options of the adapter's `fromVendor`. @public */
export const ImsupportingFromVendorOptionsSchema = z.strictObject({
  /** Turn every warning into an error. */
  strict: z.optional(z.boolean()),
});

/** Options of the adapter's `fromVendor`: see `ImsupportingFromVendorOptionsSchema`. @public */
export interface ImsupportingFromVendorOptions {
  /** Turn every warning into an error. */
  readonly strict?: boolean | undefined;
}

/**
 * Options of {@link renderImsupportingSnippet}: the embed, plus the `toVendor` options.
 * @public
 */
export const ImsupportingSnippetOptionsSchema = z.strictObject({
  ...ImsupportingToVendorOptionsSchema.shape,
  /** Your IMSupporting site id (`data-siteid` / `siteid`). */
  siteId: z.string().check(z.minLength(1)),
  /** The widget mode; default `popover`. */
  mode: z.optional(z.string().check(z.minLength(1))),
  /**
   * `attribute` (default): one script tag carrying `data-visitor-context`. `config`: an inline
   * `window.imsFlowConfig = {…}` script followed by the loader (for pages that generate configuration in script).
   */
  form: z.optional(z.enum(['attribute', 'config'])),
  /** The loader URL; default {@link defaultImsupportingScriptUrl}. */
  scriptUrl: z.optional(z.string().check(z.minLength(1))),
  /** A CSP nonce for every script tag rendered. */
  nonce: z.optional(z.string()),
});

/** Options of {@link renderImsupportingSnippet}: see {@link ImsupportingSnippetOptionsSchema}. @public */
export type ImsupportingSnippetOptions = z.infer<typeof ImsupportingSnippetOptionsSchema>;

/** Validates factory options and resolves them against the defaults; returns the problems when invalid. */
export function resolveImsupportingSettings(
  options: ImsupportingAdapterOptions,
): { ok: true; settings: ImsupportingSettings } | { ok: false; problems: { path: (string | number)[]; message: string }[] } {
  const diagnostics = new Diagnostics();
  const parsed = parseAdapterOptions(ImsupportingAdapterOptionsSchema, options, diagnostics);
  if (parsed === undefined) return { ok: false, problems: diagnostics.all.map(({ path, message }) => ({ path: [...path], message })) };
  const settings = applyImsupportingDefaults(parsed);
  const owners = new Map<string, ImsupportingMetadataField>();
  for (const field of imsupportingMetadataFields) {
    const key = settings.metadataKeys[field];
    if (key === undefined) continue;
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
      // Sent, such a key could never be read back: contexts and inbound JSON refuse it (it can pollute prototypes).
      return { ok: false, problems: [{ path: ['metadataKeys', field], message: `"${key}" cannot be a metadata key, since it can pollute prototypes` }] };
    }
    const owner = owners.get(key);
    if (owner !== undefined) {
      return { ok: false, problems: [{ path: ['metadataKeys', field], message: `"${key}" is already the key of ${owner}` }] };
    }
    owners.set(key, field);
  }
  return { ok: true, settings };
}
