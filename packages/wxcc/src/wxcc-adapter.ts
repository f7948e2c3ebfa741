import { defineAdapter, parseAdapterOptionsOrThrow, type VisitorContextAdapter } from '@visitor-context/core';
import { fromWxcc } from './from-wxcc.js';
import { toWxcc } from './to-wxcc.js';
import type { WxccInitPayload } from './imichat-widget.js';
import { wxccCapabilities } from './wxcc-capabilities.js';
import { resolveFieldMap } from './wxcc-field-map.js';
import {
  WxccAdapterOptionsSchema,
  WxccFromVendorOptionsSchema,
  WxccToVendorOptionsSchema,
  type WxccAdapterOptions,
  type WxccFieldMap,
  type WxccFromVendorOptions,
  type WxccToVendorOptions,
} from './wxcc-options.js';
import { wxccVendorId } from './wxcc-vendor-bag.js';

/**
 * The Webex Contact Center / imichat Live Chat adapter: `toVendor` gives the `{ custom_chat_fields }` object
 * for `imichatwidget.init`, `fromVendor` reads a Webex Connect flow's message extras.
 * @public
 */
export interface WxccAdapter extends VisitorContextAdapter<WxccInitPayload, WxccToVendorOptions, WxccFromVendorOptions> {
  /** The field map this adapter translates with. */
  readonly fields: WxccFieldMap;
}

/**
 * Creates the adapter for your custom chat fields.
 *
 * @example
 * ```ts
 * const adapter = createWxccAdapter({ fields: { 'visitor.name': 'name', 'attributes.plan': 'Plan' } });
 * ```
 * @throws TypeError when the options are invalid (a setup mistake, reported once at start-up).
 * @public
 */
export function createWxccAdapter(options: WxccAdapterOptions = {}): WxccAdapter {
  const resolved = resolveFieldMap(parseAdapterOptionsOrThrow(WxccAdapterOptionsSchema, options, 'wxcc').fields);
  const adapter = defineAdapter<WxccInitPayload, WxccToVendorOptions, WxccFromVendorOptions>({
    vendor: wxccVendorId,
    capabilities: wxccCapabilities(resolved),
    toVendorOptions: WxccToVendorOptionsSchema,
    fromVendorOptions: WxccFromVendorOptionsSchema,
    toVendor: (context, _options, diagnostics) => toWxcc(context, resolved, diagnostics),
    fromVendor: (payload, _options, diagnostics) => fromWxcc(payload, resolved, diagnostics),
  });
  return { ...adapter, fields: resolved.fields };
}

/**
 * The adapter with {@link defaultWxccFieldMap} (`id`, `name`, `email`, `phone`, and every attribute under its
 * own key).
 * @public
 */
export const wxccAdapter: WxccAdapter = createWxccAdapter();
