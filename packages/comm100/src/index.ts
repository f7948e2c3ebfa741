/**
 * Comm100 Live Chat adapter for visitor-context: translates a canonical visitor context into Comm100's
 * Visitor-side JavaScript API calls (custom variables, pre-chat prefill) and its installation snippet, and
 * reads Comm100's webhooks (typed events and their visitor context). Isomorphic and pure.
 *
 * @packageDocumentation
 */
export { comm100Adapter, createComm100Adapter, type Comm100Adapter } from './comm100-adapter.js';
export {
  Comm100AgentStatusSchema,
  Comm100ChatEndedSchema,
  Comm100ChatRoutingSchema,
  Comm100ChatSchema,
  Comm100ChatStartedSchema,
  Comm100ChatWrappedUpSchema,
  Comm100CustomFieldSchema,
  Comm100CustomVariableSchema,
  Comm100OfflineMessageSchema,
  Comm100OfflineMessageSubmittedSchema,
  Comm100PayloadSchema,
  Comm100VisitorSchema,
  Comm100WebhookEventSchema,
  Comm100WrapupSchema,
  comm100AgentStatusEvents,
  comm100PrechatFieldTypes,
  comm100WebhookEventNames,
  type Comm100Chat,
  type Comm100CustomField,
  type Comm100CustomVariable,
  type Comm100OfflineMessage,
  type Comm100Payload,
  type Comm100PrechatFieldType,
  type Comm100Visitor,
  type Comm100WebhookEvent,
  type Comm100WebhookEventName,
  type Comm100Wrapup,
} from './comm100-api.js';
export {
  Comm100AdapterOptionsSchema,
  Comm100FromVendorOptionsSchema,
  Comm100SnippetOptionsSchema,
  Comm100ToVendorOptionsSchema,
  defaultComm100ScriptUrl,
  defaultComm100StandbyScriptUrl,
  type Comm100AdapterOptions,
  type Comm100FromVendorOptions,
  type Comm100SnippetOptions,
  type Comm100ToVendorOptions,
} from './comm100-options.js';
export {
  comm100VisitorStatusName,
  comm100VisitorStatuses,
  parseComm100Date,
  splitComm100Transcript,
  type Comm100VisitorStatus,
} from './comm100-values.js';
export { defaultComm100WebhookMaxBytes, parseComm100WebhookEvent } from './parse-comm100-webhook.js';
export {
  comm100WebhookStatus,
  handleComm100Webhook,
  type Comm100Webhook,
  type HandleComm100WebhookOptions,
} from './handle-comm100-webhook.js';
export { createComm100SnippetRenderer, renderComm100Snippet } from './render-comm100-snippet.js';
