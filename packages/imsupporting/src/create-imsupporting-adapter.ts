import { defaultJsonLimits, defineAdapter, VisitorContextError, type VisitorContextAdapter } from '@visitor-context/core';
import type { ImsupportingVisitorContext } from './imsupporting-api.js';
import { describeImsupportingCapabilities } from './imsupporting-capabilities.js';
import { fromImsupporting } from './from-imsupporting.js';
import {
  ImsupportingFromVendorOptionsSchema,
  ImsupportingToVendorOptionsSchema,
  resolveImsupportingSettings,
  type ImsupportingAdapterOptions,
  type ImsupportingFromVendorOptions,
  type ImsupportingToVendorOptions,
} from './imsupporting-options.js';
import { toImsupporting } from './to-imsupporting.js';

/**
 * The IMSupporting Flow Widget adapter: `toVendor` gives the visitor-context object the widget sends (as the
 * server will store it); `fromVendor` reads the stored `visitor_context_data` object, its JSON text, or the
 * base64 wire payload.
 * @public
 */
export type ImsupportingAdapter = VisitorContextAdapter<
  ImsupportingVisitorContext,
  ImsupportingToVendorOptions,
  ImsupportingFromVendorOptions
>;

/**
 * Creates an IMSupporting adapter with your own metadata key names or limits.
 * @throws `VisitorContextError` (`invalid_option`) when the options are invalid: a setup mistake, not bad data.
 * @public
 */
export function createImsupportingAdapter(options: ImsupportingAdapterOptions = {}): ImsupportingAdapter {
  const resolved = resolveImsupportingSettings(options);
  if (!resolved.ok) {
    throw new VisitorContextError(
      resolved.problems.map(({ path, message }) => ({ code: 'invalid_option', severity: 'error', path, message })),
    );
  }
  const { settings } = resolved;
  const adapter = defineAdapter<ImsupportingVisitorContext, ImsupportingToVendorOptions, ImsupportingFromVendorOptions>({
    vendor: 'imsupporting',
    capabilities: describeImsupportingCapabilities(settings),
    toVendorOptions: ImsupportingToVendorOptionsSchema,
    fromVendorOptions: ImsupportingFromVendorOptionsSchema,
    toVendor: (context, toOptions, diagnostics) => toImsupporting(context, toOptions, settings, diagnostics),
    fromVendor: (payload, _fromOptions, diagnostics) => fromImsupporting(payload, settings, diagnostics),
  });
  return {
    ...adapter,
    fromVendor: (input, fromOptions) => adapter.fromVendor(asWirePayload(input), fromOptions),
  };
}

/** Largest raw text read: the inbound JSON limit, so oversize text is refused before any other work on it. */
const maxInputLength = defaultJsonLimits.maxBytes;

/**
 * Raw text is JSON (the stored column) unless it is made only of base64 characters (and perhaps line breaks),
 * which no JSON object text is: such text is the wire payload, handed on as a JSON string for
 * fromImsupporting to decode strictly, as the server does. Text over the size limit is handed on as it is,
 * before the base64 test or any copy, for core's JSON parsing to refuse by its length alone.
 */
function asWirePayload(input: unknown): unknown {
  if (typeof input !== 'string' || input.length > maxInputLength) return input;
  return /^[A-Za-z0-9+/=_-][A-Za-z0-9+/=_\s-]*$/.test(input) ? JSON.stringify(input) : input;
}

/**
 * The IMSupporting adapter with the default metadata keys and the vendor's documented limits.
 * @public
 */
export const imsupportingAdapter: ImsupportingAdapter = createImsupportingAdapter();
