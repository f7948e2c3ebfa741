/**
 * The giosg browser runtime: hands visitor data to the giosg widget in a live page (through giosg's `_giosg`
 * queue, before or after giosg has loaded) and reports what happened. Never carries a secret: signed data
 * arrives as a token made on your server with `@visitor-context/giosg/server`.
 *
 * @packageDocumentation
 */
export {
  applyGiosgSubmission,
  removeGiosgVisitorData,
  type GiosgApplied,
  type GiosgBrowserOptions,
} from './apply-giosg-submission.js';
export { submitGiosgVisitorContext } from './submit-giosg-visitor-context.js';
export type { GiosgChecksumAlgorithm, GiosgJwtAlgorithm, GiosgRoom, GiosgSigningAlgorithm, GiosgVisitorData, GiosgVisitorSubmission } from './giosg-api.js';
export type { GiosgToVendorOptions } from './giosg-options.js';
