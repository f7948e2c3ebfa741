import { createContextTranslator, neverThrow, type Result, type VisitorContext } from '@visitor-context/core';
import type { GiosgVisitorSubmission } from './giosg-api.js';
import type { GiosgToVendorOptions } from './giosg-options.js';
import { toGiosg } from './to-giosg.js';

/**
 * Translates a context into a plain (unsigned) giosg visitor submission in the browser, without zod: core's
 * plain-data checks and limits, then the same translation as `giosgAdapter.toVendor`, with the same payload and
 * diagnostics for valid contexts. Never throws.
 *
 * @remarks
 * Validation stays out of the browser path by design: the context's shape and the options are trusted to
 * TypeScript here. Validate contexts that come from outside your code with `parseVisitorContext` or
 * `giosgAdapter.toVendor` from `@visitor-context/giosg` (on your server, or in the browser at the cost of the
 * schema's size). Signed submissions are made on the server (`@visitor-context/giosg/server`) and applied with
 * `applyGiosgPayload`.
 * @public
 */
export function translateGiosgContext(context: VisitorContext, options?: GiosgToVendorOptions): Result<GiosgVisitorSubmission> {
  // Core's translator reads the context without running getters, but a revoked or trapping proxy still throws.
  return translateSafely(context, options);
}

const translate = /* @__PURE__ */ createContextTranslator<GiosgVisitorSubmission, GiosgToVendorOptions>('giosg', toGiosg);
const translateSafely = /* @__PURE__ */ neverThrow('translateGiosgContext', translate);
