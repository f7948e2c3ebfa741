import { defineAdapter, neverThrow, type VisitorContextAdapter } from '@visitor-context/core';
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
  const toDefaults = withoutUndefined({
    replaceExisting: options.replaceExisting,
    rooms: options.rooms === undefined ? undefined : [...options.rooms],
    strict: options.strict,
  });
  const fromDefaults = withoutUndefined({ strict: options.strict });
  const withDefaults: GiosgAdapter =
    Object.keys(toDefaults).length === 0
      ? adapter
      : {
          ...adapter,
          toVendor: (context, callOptions) =>
            // The defaults were checked against the same schema when the adapter was made; only readonly-ness differs.
            adapter.toVendor(context, { ...toDefaults, ...withoutUndefined(callOptions ?? {}) } as Parameters<typeof adapter.toVendor>[1]),
          fromVendor: (input, callOptions) => adapter.fromVendor(input, { ...fromDefaults, ...withoutUndefined(callOptions ?? {}) }),
        };
  // Core's checks never run a getter, but a revoked or trapping proxy throws on any look; both directions stay Results.
  return {
    ...withDefaults,
    toVendor: neverThrow('toVendor', (context: Parameters<GiosgAdapter['toVendor']>[0], callOptions?: GiosgToVendorOptions) => withDefaults.toVendor(context, callOptions)),
    fromVendor: neverThrow('fromVendor', (input: unknown, callOptions?: GiosgFromVendorOptions) => withDefaults.fromVendor(input, callOptions)),
  };
}

function withoutUndefined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as never;
}

/**
 * The giosg adapter with giosg's defaults: extend existing data, domain room.
 * @public
 */
export const giosgAdapter: GiosgAdapter = /* @__PURE__ */ createGiosgAdapter();
