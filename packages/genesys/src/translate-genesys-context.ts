import { createContextTranslator, type Diagnostics, type Result, type VisitorContext } from '@visitor-context/core';
import type { GenesysPayload } from './genesys-api.js';
import type { GenesysToVendorOptions } from './genesys-options.js';
import { resolveGenesysToVendorOptions } from './resolve-genesys-options.js';
import { genesysVendorId, toGenesys } from './to-genesys.js';

/**
 * The pure translation behind {@link translateGenesysContext}: resolves the options exactly like the adapter
 * made by `createGenesysAdapter()` with no options does (default channel `messenger`, command `Database.set`),
 * without zod.
 */
function translateToGenesys(context: VisitorContext, options: GenesysToVendorOptions, diagnostics: Diagnostics): GenesysPayload {
  return toGenesys(context, resolveGenesysToVendorOptions(options, {}, diagnostics), diagnostics);
}

const translate = /* @__PURE__ */ createContextTranslator(genesysVendorId, translateToGenesys);

/**
 * Translates a canonical context into the Genesys payload of `options.channel` (default `messenger`), in the
 * browser and without zod: the same payload and diagnostics as `genesysAdapter.toVendor` for a valid context.
 *
 * @remarks
 * Checks that the context is plain data within core's limits (no getters invoked, no prototype keys), reports
 * an unknown `channel` or `command` as `invalid_option`, honours `strict`, and never throws. It does not run
 * the canonical zod schema, by design, so that the browser bundle stays small: the context's shape is trusted
 * to TypeScript. Validate contexts that come from outside your code with `parseVisitorContext` from
 * `@visitor-context/core`, or use `genesysAdapter.toVendor` from `@visitor-context/genesys`.
 * @public
 */
export function translateGenesysContext(context: VisitorContext, options?: GenesysToVendorOptions): Result<GenesysPayload> {
  let copy: GenesysToVendorOptions;
  try {
    // One read of each own option, here: the options may come from plain JavaScript and hold anything.
    if (options !== undefined && (typeof options !== 'object' || options === null)) throw options;
    copy = { ...options };
  } catch {
    return { ok: false, diagnostics: [{ code: 'invalid_option', severity: 'error', path: [], message: 'The options must be a plain object such as { channel: "messenger" }.' }] };
  }
  // core's createContextTranslator already turns a context whose proxy traps throw into a not_plain_data failure.
  return translate(context, copy);
}
