import { createContextTranslator, type Result, type VisitorContext } from '@visitor-context/core';
import type { ImsupportingVisitorContext } from './imsupporting-api.js';
import { applyImsupportingDefaults } from './imsupporting-defaults.js';
import type { ImsupportingToVendorOptions } from './imsupporting-options.js';
import { toImsupporting } from './to-imsupporting.js';

// The same defaults `imsupportingAdapter` resolves, through the same function, so both paths send the same keys.
const defaultSettings = /* @__PURE__ */ applyImsupportingDefaults();

/**
 * Translates a canonical context into the Flow Widget's visitor-context object with the default metadata keys
 * and the vendor's limits: the same payload and diagnostics as `imsupportingAdapter.toVendor`, without zod, so
 * it fits a browser bundle. Never throws.
 *
 * @remarks
 * Validation stays out of the browser path by design: the context's shape is trusted to TypeScript (plain
 * data, size limits and prototype keys are still checked). Validate contexts that come from outside your code
 * with `parseVisitorContext` from `@visitor-context/core`, or translate them with `imsupportingAdapter` from
 * `@visitor-context/imsupporting`. Options are taken as typed, not checked at run time. For your own
 * metadata keys or limits, translate with an adapter from `createImsupportingAdapter` and apply the payload
 * with `applyImsupportingPayload`.
 * @public
 */
export const translateImsupportingContext: (
  context: VisitorContext,
  options?: ImsupportingToVendorOptions,
) => Result<ImsupportingVisitorContext> =
  /* @__PURE__ */ createContextTranslator<ImsupportingVisitorContext, ImsupportingToVendorOptions>(
    'imsupporting',
    (context, options, diagnostics) => toImsupporting(context, options, defaultSettings, diagnostics),
  );
