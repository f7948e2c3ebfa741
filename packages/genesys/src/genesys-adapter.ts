import { defineAdapter, parseAdapterOptionsOrThrow, withOptionDefaults, type VisitorContextAdapter } from '@visitor-context/core';
import type { GenesysPayload } from './genesys-api.js';
import { genesysCapabilities } from './genesys-capabilities.js';
import {
  GenesysAdapterOptionsSchema,
  GenesysFromVendorOptionsSchema,
  GenesysToVendorOptionsSchema,
  type GenesysAdapterOptions,
  type GenesysFromVendorOptions,
  type GenesysToVendorOptions,
} from './genesys-options.js';
import { fromGenesys } from './from-genesys.js';
import { defaultGenesysChannel, resolveGenesysToVendorOptions } from './resolve-genesys-options.js';
import { genesysVendorId, toGenesys } from './to-genesys.js';

/**
 * The Genesys Cloud adapter type: `toVendor` returns a {@link GenesysPayload} discriminated by `channel`.
 * @public
 */
export type GenesysAdapter = VisitorContextAdapter<GenesysPayload, GenesysToVendorOptions, GenesysFromVendorOptions>;

/**
 * Creates a Genesys Cloud adapter whose `toVendor` produces `options.channel` (default `messenger`) unless a
 * call asks for another channel. Its `capabilities` describe that default channel.
 *
 * @throws `TypeError` for invalid options (a programming error, unlike bad contexts, which never throw).
 * @public
 */
export function createGenesysAdapter(options: GenesysAdapterOptions = {}): GenesysAdapter {
  const { channel, command } = parseAdapterOptionsOrThrow(GenesysAdapterOptionsSchema, options, 'Genesys');
  const adapter: GenesysAdapter = defineAdapter({
    vendor: genesysVendorId,
    capabilities: genesysCapabilities(channel ?? defaultGenesysChannel),
    toVendorOptions: GenesysToVendorOptionsSchema,
    fromVendorOptions: GenesysFromVendorOptionsSchema,
    // The adapter's defaults are already merged in by withOptionDefaults; this only settles the built-in ones.
    toVendor: (context, callOptions, diagnostics) => toGenesys(context, resolveGenesysToVendorOptions(callOptions, {}, diagnostics), diagnostics),
    fromVendor: fromGenesys,
  });
  // core's defineAdapter already turns an argument whose proxy traps throw into a not_plain_data failure.
  return withOptionDefaults(adapter, { toVendor: { channel, command } });
}

/**
 * The ready Genesys Cloud adapter for the `messenger` channel (Web Messaging); pass `{ channel }` per call for
 * another one.
 * @public
 */
export const genesysAdapter: GenesysAdapter = createGenesysAdapter();

