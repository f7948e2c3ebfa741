import { defineAdapter, withOptionDefaults, type VisitorContextAdapter } from '@visitor-context/core';
import type { GiosgVisitorSubmission } from './giosg-api.js';
import { giosgCapabilities } from './giosg-capabilities.js';
import {
  GiosgFromVendorOptionsSchema,
  GiosgToVendorOptionsSchema,
  type GiosgFromVendorOptions,
  type GiosgToVendorOptions,
} from './giosg-options.js';
import { fromGiosg } from './from-giosg.js';
import { toGiosg } from './to-giosg.js';

/** The giosg adapter's type. @public */
export type GiosgAdapter = VisitorContextAdapter<GiosgVisitorSubmission, GiosgToVendorOptions, GiosgFromVendorOptions>;

/** Defaults bound into an adapter made with {@link createGiosgAdapter}. @public */
export interface GiosgAdapterOptions {
  /** Default `replaceExisting` for every `toVendor` call. */
  readonly replaceExisting?: boolean;
  /** Default rooms for every `toVendor` call. */
  readonly rooms?: GiosgToVendorOptions['rooms'];
  /** Default `strict` for both directions. */
  readonly strict?: boolean;
}

/**
 * Creates a giosg adapter whose translations start from the given defaults (per-call options win).
 * @public
 */
export function createGiosgAdapter(options: GiosgAdapterOptions = {}): GiosgAdapter {
  const adapter = defineAdapter({
    vendor: 'giosg',
    capabilities: giosgCapabilities,
    toVendorOptions: GiosgToVendorOptionsSchema,
    fromVendorOptions: GiosgFromVendorOptionsSchema,
    toVendor: toGiosg,
    fromVendor: fromGiosg,
  });
  // Core's merge leaves out defaults given as undefined, and a call's options given as undefined fall back.
  return withOptionDefaults(adapter, {
    toVendor: {
      replaceExisting: options.replaceExisting,
      rooms: options.rooms === undefined ? undefined : [...options.rooms],
      strict: options.strict,
    },
    fromVendor: { strict: options.strict },
  });
}

/**
 * The giosg adapter with giosg's defaults: extend existing data, domain room.
 * @public
 */
export const giosgAdapter: GiosgAdapter = /* @__PURE__ */ createGiosgAdapter();
