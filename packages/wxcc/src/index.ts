/**
 * visitor-context adapter for Webex Contact Center / imichat Live Chat: translates a canonical visitor context
 * into the widget's custom chat fields, reads them back from a Webex Connect flow's message extras, renders the
 * server-side snippet, and generates the flow's Evaluate-node code. Pure and isomorphic.
 *
 * @packageDocumentation
 */
export { createWxccAdapter, wxccAdapter, type WxccAdapter } from './wxcc-adapter.js';
export {
  WxccFieldValueSchema,
  WxccInitPayloadSchema,
  WxccMessageExtrasSchema,
  type ImichatReadyHandler,
  type ImichatStatusCallback,
  type ImichatWidget,
  type WxccInitPayload,
  type WxccMessageExtras,
} from './wxcc-api.js';
export {
  WxccAdapterOptionsSchema,
  WxccFieldMapSchema,
  WxccFromVendorOptionsSchema,
  WxccSnippetOptionsSchema,
  WxccToVendorOptionsSchema,
  defaultWxccFieldMap,
  defaultWxccScriptUrl,
  type WxccAdapterOptions,
  type WxccFieldMap,
  type WxccFromVendorOptions,
  type WxccSnippetOptions,
  type WxccToVendorOptions,
} from './wxcc-options.js';
export { createWxccSnippetRenderer, renderWxccSnippet, wxccSnippetEvent } from './render-wxcc-snippet.js';
export { renderEvaluateNodeCode, type EvaluateNodeOptions } from './render-evaluate-node-code.js';
export type { ImichatSessionOutcome } from './imichat-session.js';
