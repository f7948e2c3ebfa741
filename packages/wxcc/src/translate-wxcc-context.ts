/*
 * The browser's translation, without zod: core's createContextTranslator does the plain-data checks, and the
 * field map is checked and resolved by the same plain functions `createWxccAdapter` uses. Nothing reachable from
 * here may import zod (entry-boundaries.test.ts checks it), or the page's bundle grows by the schema library.
 */
import { createContextTranslator, formatPath, type Diagnostics, type Result, type TranslateOptions, type VisitorContext } from '@visitor-context/core';
import type { WxccInitPayload } from './imichat-widget.js';
import { toWxcc } from './to-wxcc.js';
import { findFieldMapProblems, resolveFieldMap, type WxccFieldMap } from './wxcc-field-map.js';
import { wxccVendorId } from './wxcc-vendor-bag.js';

/** Options of {@link translateWxccContext}. @public */
export interface WxccTranslateOptions extends TranslateOptions {
  /**
   * Canonical field → custom chat field name, as for `createWxccAdapter`; default `defaultWxccFieldMap`.
   * An invalid map is an `invalid_option` error, never an exception.
   */
  readonly fields?: WxccFieldMap | undefined;
}

function translateToWxcc(context: VisitorContext, options: WxccTranslateOptions, diagnostics: Diagnostics): WxccInitPayload {
  const { fields } = options;
  if (fields !== undefined) {
    const problems = findFieldMapProblems(fields);
    for (const problem of problems) {
      const path = ['fields', ...problem.path];
      diagnostics.error('invalid_option', path, `Invalid option ${formatPath(path)}: ${problem.message}.`);
    }
    // Translating with a broken map would send fields under names the admin console never configured.
    if (problems.length > 0) return { custom_chat_fields: {} };
  }
  return toWxcc(context, resolveFieldMap(fields), diagnostics);
}

/**
 * Translates a context into the `{ custom_chat_fields }` payload in the browser, without zod: the same payload
 * and diagnostics as `createWxccAdapter({ fields }).toVendor(context, { strict })` for a valid context.
 *
 * @remarks
 * Checks that the context is plain data within core's limits (no prototype keys, getters or `toJSON` are ever
 * invoked) and that the field map is valid, but does not run the context schema: that keeps a page's
 * translate-and-apply bundle small. Contexts from outside your code (a request, storage, a message) should be
 * validated first with `parseVisitorContext` from `@visitor-context/core`, or translated with the `.` entry's
 * adapter. Never throws.
 * @public
 */
export const translateWxccContext: (context: VisitorContext, options?: WxccTranslateOptions) => Result<WxccInitPayload> =
  /* @__PURE__ */ createContextTranslator<WxccInitPayload, WxccTranslateOptions>(wxccVendorId, translateToWxcc);
