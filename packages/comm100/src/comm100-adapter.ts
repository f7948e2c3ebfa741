import { defineAdapter, parseAdapterOptionsOrThrow, withOptionDefaults, type VisitorContextAdapter } from '@visitor-context/core';
import type { Comm100Payload } from './comm100-api.js';
import { comm100Capabilities } from './comm100-capabilities.js';
import {
  Comm100AdapterOptionsSchema,
  Comm100FromVendorOptionsSchema,
  Comm100ToVendorOptionsSchema,
  type Comm100AdapterOptions,
  type Comm100FromVendorOptions,
  type Comm100ToVendorOptions,
} from './comm100-options.js';
import { fromComm100 } from './from-comm100.js';
import { comm100WebhookMaxDepth, defaultComm100WebhookMaxBytes } from './parse-comm100-webhook.js';
import { comm100VendorId, toComm100 } from './to-comm100.js';

/**
 * The Comm100 adapter: `toVendor` gives the payload for the Visitor-side JavaScript API, `fromVendor` reads a
 * webhook payload (any event, parsed or raw JSON text).
 * @public
 */
export type Comm100Adapter = VisitorContextAdapter<Comm100Payload, Comm100ToVendorOptions, Comm100FromVendorOptions>;

function buildAdapter(capabilitiesFor: Comm100AdapterOptions): Comm100Adapter {
  return defineAdapter<Comm100Payload, Comm100ToVendorOptions, Comm100FromVendorOptions>({
    vendor: comm100VendorId,
    capabilities: comm100Capabilities(capabilitiesFor.fieldVariables),
    toVendorOptions: Comm100ToVendorOptionsSchema,
    fromVendorOptions: Comm100FromVendorOptionsSchema,
    inboundLimits: { maxBytes: defaultComm100WebhookMaxBytes, maxDepth: comm100WebhookMaxDepth },
    toVendor: toComm100,
    fromVendor: fromComm100,
  });
}

/**
 * The ready-made Comm100 adapter, without defaults: every attribute is sent as a custom variable (with a
 * `custom_variables_unverified` warning, since it cannot know which names are defined).
 * @public
 */
export const comm100Adapter: Comm100Adapter = buildAdapter({});

/**
 * Creates a Comm100 adapter with defaults for both directions (per-call options override them), e.g. the
 * custom variable names defined in your Control Panel. Its capabilities include the fields you map with
 * `fieldVariables`.
 * @throws TypeError when the options are invalid (a programming error, found at start-up).
 * @public
 */
export function createComm100Adapter(options: Comm100AdapterOptions = {}): Comm100Adapter {
  const defaults = parseAdapterOptionsOrThrow(Comm100AdapterOptionsSchema, options, 'Comm100');
  const { customVariables, fieldVariables, prechat, skipPrechat, strict } = defaults;
  return withOptionDefaults(buildAdapter(defaults), {
    toVendor: { customVariables, fieldVariables, prechat, skipPrechat, strict },
    fromVendor: { fieldVariables, strict },
  });
}
