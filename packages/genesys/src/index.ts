/**
 * visitor-context adapter for Genesys Cloud: translates a canonical visitor context to Web Messaging custom
 * attributes (Messenger `Database.set`/`Database.update`, a plain map, the Guest API / Open Messaging message
 * body) or to legacy Web Chat v2 (`ININ.webchat.create` `data`, Guest Chat `memberInfo.customFields`) and
 * Widgets v2 (`WebChat.open` `form` and `userData`), reads conversations, analytics rows, participants and
 * Open Messaging messages back, and renders the server-side snippets. Isomorphic and pure.
 *
 * @packageDocumentation
 */
export { createGenesysAdapter, genesysAdapter, type GenesysAdapter } from './genesys-adapter.js';
export { genesysCapabilities } from './genesys-capabilities.js';
export { createGenesysSnippetRenderer, renderGenesysSnippet, defaultGenesysDataElementId } from './render-genesys-snippet.js';
export {
  GenesysAdapterOptionsSchema,
  GenesysFromVendorOptionsSchema,
  GenesysSnippetOptionsSchema,
  GenesysToVendorOptionsSchema,
  defaultGenesysMessengerScriptUrl,
  defaultGenesysWebChatScriptUrl,
  type GenesysAdapterOptions,
  type GenesysFromVendorOptions,
  type GenesysSnippetOptions,
  type GenesysToVendorOptions,
} from './genesys-options.js';
export {
  GenesysAttributesPayloadSchema,
  GenesysChannelSchema,
  GenesysChatFieldsSchema,
  GenesysConversationSchema,
  GenesysCustomAttributesSchema,
  GenesysDatabaseCommandSchema,
  GenesysDatabaseOptionsSchema,
  GenesysGuestChatBodySchema,
  GenesysGuestChatPayloadSchema,
  GenesysGuestMessageSchema,
  GenesysMessengerPayloadSchema,
  GenesysOnMessageBodySchema,
  GenesysOpenMessagingPayloadSchema,
  GenesysParticipantSchema,
  GenesysPayloadSchema,
  GenesysRoutingTargetSchema,
  GenesysWebChatPayloadSchema,
  GenesysWidgetsPayloadSchema,
  type GenesysAttributesPayload,
  type GenesysChannel,
  type GenesysChatFields,
  type GenesysConversation,
  type GenesysCustomAttributes,
  type GenesysDatabaseCommand,
  type GenesysDatabaseOptions,
  type GenesysGuestChatBody,
  type GenesysGuestChatPayload,
  type GenesysGuestMessage,
  type GenesysMessengerPayload,
  type GenesysOnMessageBody,
  type GenesysOpenMessagingPayload,
  type GenesysParticipant,
  type GenesysPayload,
  type GenesysRoutingTarget,
  type GenesysWebChatPayload,
  type GenesysWidgetsPayload,
} from './genesys-api.js';
