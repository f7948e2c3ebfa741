/**
 * Server-side delivery: one HTTP mechanism every adapter's `./server` entry uses to push a visitor's context to a
 * vendor's REST API. Runs on the web-standard `fetch` only (Node 20.19+, Deno, Bun, workerd, Edge Runtime);
 * kept out of the main entry so browser bundles never include it.
 *
 * @packageDocumentation
 */
export { sendVendorRequest } from './send-vendor-request.js';
export {
  VendorHttpOptionsSchema,
  defaultVendorHttpOptions,
  parseVendorHttpOptions,
  type VendorHttpOptions,
} from './vendor-http-options.js';
export type { VendorHttpMethod, VendorHttpRequest } from './vendor-http-request.js';
export type { VendorHttpDiagnostic, VendorHttpResponse, VendorHttpResult } from './vendor-http-diagnostic.js';
// Re-exported so server code can name the result types without a second import (they are the main entry's own).
export type {
  CoreDiagnosticCode,
  Diagnostic,
  DiagnosticCode,
  DiagnosticPath,
  DiagnosticSeverity,
  Failure,
  PathSegment,
  Result,
  Success,
} from '../diagnostics.js';
