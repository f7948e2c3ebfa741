/**
 * Server-only giosg helpers: sign visitor data as a JWT with the account's API signing key or an RSA key (jose),
 * verify such tokens with the algorithm pinned, the weak legacy md5/sha1 checksum behind an explicit option, and
 * push a visitor's variables through giosg's REST API with an API token. Keys and tokens never leave the server;
 * the page only receives a signed token.
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
export { createGiosgServerClient, type GiosgServerClient, type GiosgServerClientOptions } from './giosg-server-client.js';
export {
  pushGiosgVisitorVariables,
  type GiosgPushOptions,
  type GiosgPushReceipt,
  type GiosgVisitorRef,
  type GiosgWrittenVariable,
} from './push-giosg-visitor-variables.js';
