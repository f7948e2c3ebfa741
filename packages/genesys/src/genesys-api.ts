import * as z from 'zod/mini';
import { genesysChannels, genesysDatabaseCommands } from './resolve-genesys-options.js';

/**
 * A flat map of Genesys custom attributes. Genesys stores participant attributes as strings, so this adapter
 * always sends strings.
 * @public
 */
export const GenesysCustomAttributesSchema = z.record(z.string(), z.string());

/** Inferred from `GenesysCustomAttributesSchema`. @public */
export type GenesysCustomAttributes = z.infer<typeof GenesysCustomAttributesSchema>;

/**
 * The options object of the Messenger Database plugin's `Database.set` / `Database.update` commands:
 * `Genesys("command", "Database.set", { messaging: { customAttributes } })`.
 * @public
 */
export const GenesysDatabaseOptionsSchema = z.object({
  messaging: z.object({ customAttributes: GenesysCustomAttributesSchema }),
});

/** Inferred from `GenesysDatabaseOptionsSchema`. @public */
export type GenesysDatabaseOptions = z.infer<typeof GenesysDatabaseOptionsSchema>;

/** The Database plugin commands this adapter issues: `set` merges shallowly, `update` deeply. @public */
export const GenesysDatabaseCommandSchema = z.enum(genesysDatabaseCommands);

/** Inferred from `GenesysDatabaseCommandSchema`. @public */
export type GenesysDatabaseCommand = z.infer<typeof GenesysDatabaseCommandSchema>;

/**
 * A Web Messaging Guest API / Open Messaging inbound text message, with the custom attributes at
 * `channel.metadata.customAttributes` (the top-level `channel.metadata` location is deprecated).
 * @public
 */
export const GenesysGuestMessageSchema = z.object({
  type: z.literal('Text'),
  text: z.string(),
  channel: z.object({ metadata: z.object({ customAttributes: GenesysCustomAttributesSchema }) }),
});

/** Inferred from `GenesysGuestMessageSchema`. @public */
export type GenesysGuestMessage = z.infer<typeof GenesysGuestMessageSchema>;

/**
 * The Guest API WebSocket frame that sends a message: `{ action: "onMessage", token, message }`.
 * `token` is the guest session token your client got from `configureSession`.
 * @public
 */
export const GenesysOnMessageBodySchema = z.object({
  action: z.literal('onMessage'),
  token: z.optional(z.string()),
  message: GenesysGuestMessageSchema,
});

/** Inferred from `GenesysOnMessageBodySchema`. @public */
export type GenesysOnMessageBody = z.infer<typeof GenesysOnMessageBodySchema>;

/**
 * The legacy Web Chat v2 `ININ.webchat.create(chatConfig)` `data` block and the Guest Chat API
 * `memberInfo.customFields`: named fields, plus three custom fields with labels. Values are strings.
 * @public
 */
export const GenesysChatFieldsSchema = z.record(z.string(), z.string());

/** Inferred from `GenesysChatFieldsSchema`. @public */
export type GenesysChatFields = z.infer<typeof GenesysChatFieldsSchema>;

/**
 * A Guest Chat API routing target (`routingTarget` of `POST /api/v2/webchat/guest/conversations`).
 * @public
 */
export const GenesysRoutingTargetSchema = z.object({
  targetType: z.string(),
  targetAddress: z.string(),
  priority: z.optional(z.number()),
});

/** Inferred from `GenesysRoutingTargetSchema`. @public */
export type GenesysRoutingTarget = z.infer<typeof GenesysRoutingTargetSchema>;

/**
 * The body of `POST https://api.<env>/api/v2/webchat/guest/conversations` (legacy Guest Chat API).
 * @public
 */
export const GenesysGuestChatBodySchema = z.object({
  organizationId: z.optional(z.string()),
  deploymentId: z.optional(z.string()),
  routingTarget: z.optional(GenesysRoutingTargetSchema),
  memberInfo: z.object({
    displayName: z.optional(z.string()),
    role: z.literal('CUSTOMER'),
    customFields: GenesysChatFieldsSchema,
  }),
});

/** Inferred from `GenesysGuestChatBodySchema`. @public */
export type GenesysGuestChatBody = z.infer<typeof GenesysGuestChatBodySchema>;

/**
 * A participant of `GET /api/v2/conversations/{conversationId}`: only the parts this adapter reads.
 * Chat v2 prefixes every attribute key with `context.`; Web Messaging attributes arrive without it.
 * @public
 */
export const GenesysParticipantSchema = z.looseObject({
  id: z.optional(z.string()),
  name: z.optional(z.string()),
  purpose: z.optional(z.string()),
  attributes: z.optional(z.record(z.string(), z.json())),
});

/** Inferred from `GenesysParticipantSchema`. @public */
export type GenesysParticipant = z.infer<typeof GenesysParticipantSchema>;

/**
 * A conversation of `GET /api/v2/conversations/{conversationId}`: only the parts this adapter reads.
 * @public
 */
export const GenesysConversationSchema = z.looseObject({
  id: z.optional(z.string()),
  participants: z.array(GenesysParticipantSchema),
});

/** Inferred from `GenesysConversationSchema`. @public */
export type GenesysConversation = z.infer<typeof GenesysConversationSchema>;

/**
 * The channels this adapter translates to:
 * - `messenger`: the Web Messaging Messenger `Database.set`/`Database.update` command (current product);
 * - `attributes`: the plain flat custom-attribute map, for custom clients;
 * - `open-messaging`: the Guest API / Open Messaging `onMessage` body with `message.channel.metadata.customAttributes`;
 * - `web-chat`: the legacy Web Chat v2 `ININ.webchat.create` config `data` block;
 * - `widgets`: legacy Genesys Widgets v2 (`window._genesys.widgets.webchat.userData`, `WebChat.open` `form`);
 * - `guest-chat`: the legacy Guest Chat API body with `memberInfo.customFields`.
 * @public
 */
export const GenesysChannelSchema = z.enum(genesysChannels);

/** Inferred from `GenesysChannelSchema`. @public */
export type GenesysChannel = z.infer<typeof GenesysChannelSchema>;

/** The `messenger` payload: the Database command to issue and its options. @public */
export const GenesysMessengerPayloadSchema = z.object({
  channel: z.literal('messenger'),
  command: GenesysDatabaseCommandSchema,
  options: GenesysDatabaseOptionsSchema,
});

/** Inferred from `GenesysMessengerPayloadSchema`. @public */
export type GenesysMessengerPayload = z.infer<typeof GenesysMessengerPayloadSchema>;

/** The `attributes` payload: the flat custom-attribute map alone. @public */
export const GenesysAttributesPayloadSchema = z.object({
  channel: z.literal('attributes'),
  customAttributes: GenesysCustomAttributesSchema,
});

/** Inferred from `GenesysAttributesPayloadSchema`. @public */
export type GenesysAttributesPayload = z.infer<typeof GenesysAttributesPayloadSchema>;

/** The `open-messaging` payload: the Guest API `onMessage` frame to send. @public */
export const GenesysOpenMessagingPayloadSchema = z.object({
  channel: z.literal('open-messaging'),
  body: GenesysOnMessageBodySchema,
});

/** Inferred from `GenesysOpenMessagingPayloadSchema`. @public */
export type GenesysOpenMessagingPayload = z.infer<typeof GenesysOpenMessagingPayloadSchema>;

/** The `web-chat` payload: the `data` block of `ININ.webchat.create(chatConfig)`. @public */
export const GenesysWebChatPayloadSchema = z.object({
  channel: z.literal('web-chat'),
  data: GenesysChatFieldsSchema,
});

/** Inferred from `GenesysWebChatPayloadSchema`. @public */
export type GenesysWebChatPayload = z.infer<typeof GenesysWebChatPayloadSchema>;

/**
 * The `widgets` payload, for legacy Genesys Widgets v2: the registration-form prefill and the `userData` of
 * `CXBus.command("WebChat.open", { form, userData })`; `userData` also goes to
 * `window._genesys.widgets.webchat.userData` before the widgets load. Genesys records both as `context.<key>`
 * participant attributes.
 * @public
 */
export const GenesysWidgetsPayloadSchema = z.object({
  channel: z.literal('widgets'),
  /** The default registration form's fields: `firstname`, `lastname`, `email`, `subject`. */
  form: GenesysChatFieldsSchema,
  /** Everything else, under the same dot-free names as Messenger custom attributes. */
  userData: GenesysCustomAttributesSchema,
});

/** Inferred from `GenesysWidgetsPayloadSchema`. @public */
export type GenesysWidgetsPayload = z.infer<typeof GenesysWidgetsPayloadSchema>;

/** The `guest-chat` payload: the Guest Chat API request body. @public */
export const GenesysGuestChatPayloadSchema = z.object({
  channel: z.literal('guest-chat'),
  body: GenesysGuestChatBodySchema,
});

/** Inferred from `GenesysGuestChatPayloadSchema`. @public */
export type GenesysGuestChatPayload = z.infer<typeof GenesysGuestChatPayloadSchema>;

/**
 * What `toVendor` returns: one payload per channel, discriminated by `channel`.
 * @public
 */
export const GenesysPayloadSchema = z.discriminatedUnion('channel', [
  GenesysMessengerPayloadSchema,
  GenesysAttributesPayloadSchema,
  GenesysOpenMessagingPayloadSchema,
  GenesysWebChatPayloadSchema,
  GenesysWidgetsPayloadSchema,
  GenesysGuestChatPayloadSchema,
]);

/** Inferred from `GenesysPayloadSchema`. @public */
export type GenesysPayload = z.infer<typeof GenesysPayloadSchema>;
