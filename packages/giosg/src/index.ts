/**
 * The giosg adapter of visitor-context: translates a canonical visitor context to giosg's Visitor variable API
 * (`_giosg('visitor', 'submit', …)`) and back from giosg's REST `api_data`, and renders the page snippet.
 * Isomorphic and pure; signing lives in `@visitor-context/giosg/server`, the live-page runtime in `./browser`.
 *
 * @packageDocumentation
 */
export { createGiosgAdapter, giosgAdapter, type GiosgAdapter, type GiosgAdapterOptions } from './giosg-adapter.js';
export { giosgCapabilities } from './giosg-capabilities.js';
export {
  GiosgApiDataItemSchema,
  GiosgChatSchema,
  GiosgChecksumAlgorithmSchema,
  GiosgJwtAlgorithmSchema,
  GiosgRoomSchema,
  GiosgSigningAlgorithmSchema,
  GiosgVisitorDataSchema,
  GiosgVisitorSubmissionSchema,
  type GiosgApiDataItem,
  type GiosgChat,
  type GiosgChecksumAlgorithm,
  type GiosgJwtAlgorithm,
  type GiosgRoom,
  type GiosgSigningAlgorithm,
  type GiosgVisitorData,
  type GiosgVisitorSubmission,
} from './giosg-api.js';
export {
  GiosgFromVendorOptionsSchema,
  GiosgInboundFormatSchema,
  GiosgToVendorOptionsSchema,
  type GiosgFromVendorOptions,
  type GiosgInboundFormat,
  type GiosgRenderOptions,
  type GiosgToVendorOptions,
} from './giosg-options.js';
export {
  createGiosgSnippetRenderer,
  renderGiosgLogoutSnippet,
  renderGiosgSnippet,
  renderGiosgSubmission,
  type GiosgLogoutOptions,
} from './render-giosg-snippet.js';
