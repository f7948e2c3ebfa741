/*
 * The browser's translation, without zod: core's createContextTranslator does the plain-data checks, and the
 * translation is `toComm100`, the same pure function `comm100Adapter.toVendor` runs, which also resolves the
 * option defaults (`prechat` true, `skipPrechat` false), so the two paths cannot drift. Nothing reachable from
 * here may import zod at run time (entry-boundaries.test.ts checks it), or a page's bundle grows by the schema
 * library.
 */
import { createContextTranslator, type Result, type VisitorContext } from '@visitor-context/core';
import type { Comm100Payload } from './comm100-api.js';
import type { Comm100ToVendorOptions } from './comm100-options.js';
import { comm100VendorId, toComm100 } from './to-comm100.js';

/**
 * Translates a canonical context into the payload for Comm100's Visitor-side JavaScript API (custom variables,
 * pre-chat values, `skipPrechat`) in the browser, without zod: the same payload and diagnostics as
 * `comm100Adapter.toVendor` for a valid context. Never throws.
 *
 * @remarks
 * Validation stays out of the browser path by design: the context is checked as plain data within core's limits
 * (no prototype keys, no getters or `toJSON` invoked), but its shape, and the options, are trusted to
 * TypeScript. Validate contexts that come from outside your code with `parseVisitorContext` from
 * `@visitor-context/core`, or translate them with `comm100Adapter` from `@visitor-context/comm100` (on your
 * server, or in the browser at the cost of the schema's size).
 * @public
 */
export const translateComm100Context: (context: VisitorContext, options?: Comm100ToVendorOptions) => Result<Comm100Payload> =
  /* @__PURE__ */ createContextTranslator<Comm100Payload, Comm100ToVendorOptions>(comm100VendorId, toComm100);
