/**
 * The giosg browser runtime: translates a context without zod and hands visitor data to the giosg widget in a
 * live page (through giosg's `_giosg` queue, before or after giosg has loaded), reporting what happened. Never
 * carries a secret: signed data arrives as a token made on your server with `@visitor-context/giosg/server`.
 * Validation stays out of this path by design; validate outside data with `parseVisitorContext` or the `.` entry.
 *
 * @packageDocumentation
 */
export { applyGiosgPayload, type GiosgApplied, type GiosgBrowserOptions } from './apply-giosg-payload.js';
export { removeGiosgVisitorData, type GiosgRemoveOptions } from './remove-giosg-visitor-data.js';
export { translateGiosgContext } from './translate-giosg-context.js';
export { applyGiosgContext, type GiosgApplyContextOptions } from './apply-giosg-context.js';
export type { GiosgChecksumAlgorithm, GiosgJwtAlgorithm, GiosgRoom, GiosgSigningAlgorithm, GiosgVisitorData, GiosgVisitorSubmission } from './giosg-api.js';
export type { GiosgToVendorOptions } from './giosg-options.js';
