import { defineAdapter, parseAdapterOptionsOrThrow, type VisitorContextAdapter } from '@visitor-context/core';
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
import { unreadableInput } from './unreadable-input.js';

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
  const defaults = parseAdapterOptionsOrThrow(GenesysAdapterOptionsSchema, options, 'Genesys');
  const adapter: GenesysAdapter = defineAdapter({
    vendor: genesysVendorId,
    capabilities: genesysCapabilities(defaults.channel ?? defaultGenesysChannel),
    toVendorOptions: GenesysToVendorOptionsSchema,
    fromVendorOptions: GenesysFromVendorOptionsSchema,
    toVendor: (context, callOptions, diagnostics) =>
      toGenesys(context, resolveGenesysToVendorOptions(callOptions, defaults, diagnostics), diagnostics),
    fromVendor: fromGenesys,
  });
  // Both directions promise never to throw: an argument whose proxy traps throw is a failure, not an exception.
  return {
    ...adapter,
    toVendor: (context, callOptions) => {
      try {
        return adapter.toVendor(context, callOptions);
      } catch (error) {
        return unreadableInput(error);
      }
    },
    fromVendor: (input, callOptions) => {
      try {
        return adapter.fromVendor(input, callOptions);
      } catch (error) {
        return unreadableInput(error);
      }
    },
  };
}

/**
 * The ready Genesys Cloud adapter for the `messenger` channel (Web Messaging); pass `{ channel }` per call for
 * another one.
 * @public
 */
export const genesysAdapter: GenesysAdapter = createGenesysAdapter();

