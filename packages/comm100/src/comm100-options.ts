import { visitorContextFieldNames } from '@visitor-context/core';
import * as z from 'zod/mini';

/** A custom variable name as defined in Comm100's Control Panel. */
const variableName = z.string().check(z.minLength(1), z.maxLength(256));

const fieldVariables = z.optional(z.partialRecord(z.enum(visitorContextFieldNames), variableName));

/**
 * Options of `toVendor`.
 * @public
 */
export const Comm100ToVendorOptionsSchema = z.strictObject({
  /** Turn every warning into an error. */
  strict: z.optional(z.boolean()),
  /**
   * The custom variable names defined in Control Panel › Live Chat › Custom Variables. Comm100 silently
   * ignores any other name, so attributes not listed are reported as `field_dropped` and not sent. When
   * left out, every attribute is sent and one `custom_variables_unverified` warning says so.
   */
  customVariables: z.optional(z.array(variableName)),
  /**
   * Canonical fields to send as custom variables, e.g. `{ 'visitor.id': 'user_id' }`. Read back the same
   * way by `fromVendor` when given there.
   */
  fieldVariables,
  /** Fill the pre-chat form's name, email, phone and company fields. Default true. */
  prechat: z.optional(z.boolean()),
  /**
   * Ask Comm100 to skip the pre-chat form (`livechat.prechat.isSkip`). Comm100 only skips it when every
   * required field is valid. Default false.
   */
  skipPrechat: z.optional(z.boolean()),
});

/** Options of `toVendor`. @public */
export type Comm100ToVendorOptions = z.infer<typeof Comm100ToVendorOptionsSchema>;

/**
 * Options of `fromVendor`.
 * @public
 */
export const Comm100FromVendorOptionsSchema = z.strictObject({
  /** Turn every warning into an error. */
  strict: z.optional(z.boolean()),
  /** Custom variables to read into canonical fields instead of attributes, e.g. `{ 'visitor.id': 'user_id' }`. */
  fieldVariables,
  /**
   * The transcript of a `chat_ended` event is delivered elsewhere (on the typed event of
   * `handleComm100Webhook`), so leaving it out of the context is not reported. Default false: a
   * `transcript_omitted` warning says it was left out.
   */
  transcriptDelivered: z.optional(z.boolean()),
});

/** Options of `fromVendor`. @public */
export type Comm100FromVendorOptions = z.infer<typeof Comm100FromVendorOptionsSchema>;

/**
 * Defaults for both directions, given to `createComm100Adapter`; per-call options override them.
 * @public
 */
export const Comm100AdapterOptionsSchema = z.strictObject({
  /** Turn every warning into an error. */
  strict: z.optional(z.boolean()),
  /** See `Comm100ToVendorOptions.customVariables`. */
  customVariables: z.optional(z.array(variableName)),
  /** See `Comm100ToVendorOptions.fieldVariables`. */
  fieldVariables,
  /** See `Comm100ToVendorOptions.prechat`. */
  prechat: z.optional(z.boolean()),
  /** See `Comm100ToVendorOptions.skipPrechat`. */
  skipPrechat: z.optional(z.boolean()),
});

/** Defaults for both directions of an adapter made by `createComm100Adapter`. @public */
export type Comm100AdapterOptions = z.infer<typeof Comm100AdapterOptionsSchema>;

/** Comm100's documented loader, with the site id appended. @public */
export const defaultComm100ScriptUrl = 'https://vue.comm100.com/livechat.ashx?siteId=';

/** Comm100's documented standby loader, tried when the main one has not loaded after 5 seconds. @public */
export const defaultComm100StandbyScriptUrl = 'https://standby.comm100vue.com/livechat.ashx?siteId=';

/**
 * Options of `renderComm100Snippet`: the translation options plus the installation code's values.
 * @public
 */
export const Comm100SnippetOptionsSchema = z.strictObject({
  ...Comm100ToVendorOptionsSchema.shape,
  /** Your Comm100 site id (the number in the installation code). */
  siteId: z.int().check(z.positive()),
  /** The campaign id (`code_plan`): a GUID, or an integer on older platforms. */
  campaignId: z.union([z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/)), z.int().check(z.positive())]),
  /** The loader script URL; default {@link defaultComm100ScriptUrl} followed by the site id. */
  scriptUrl: z.optional(z.string()),
  /** The standby loader URL, or false for none; default {@link defaultComm100StandbyScriptUrl} followed by the site id. */
  standbyScriptUrl: z.optional(z.union([z.string(), z.literal(false)])),
  /** A CSP nonce for the rendered scripts (and the standby script, when it is needed). */
  nonce: z.optional(z.string()),
});

/** Options of `renderComm100Snippet`. @public */
export type Comm100SnippetOptions = z.infer<typeof Comm100SnippetOptionsSchema>;
