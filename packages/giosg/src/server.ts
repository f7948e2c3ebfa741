/**
 * Server-only giosg helpers: sign visitor data as a JWT with the account's API signing key (jose), verify such
 * tokens with the algorithm pinned, and the weak legacy md5/sha1 checksum behind an explicit option. The key
 * never leaves the server; the page only receives the token.
 *
 * @packageDocumentation
 */
export type { GiosgRsaJwk, GiosgSigningKey } from './jwt-key.js';
export type { GiosgSharedSecret } from './signing-key.js';
export { signGiosgVisitorData, type GiosgSigningOptions } from './sign-giosg-visitor-data.js';
export { fromGiosgToken, verifyGiosgToken, type GiosgVerifyOptions } from './verify-giosg-token.js';
export { giosgChecksumInput, signGiosgVisitorDataWithChecksum, type GiosgChecksumOptions } from './giosg-checksum.js';
export { renderSignedGiosgSnippet } from './render-signed-giosg-snippet.js';
export type { GiosgChecksumAlgorithm, GiosgJwtAlgorithm, GiosgRoom, GiosgSigningAlgorithm, GiosgVisitorData, GiosgVisitorSubmission } from './giosg-api.js';
export type { GiosgRenderOptions, GiosgToVendorOptions } from './giosg-options.js';
