import * as z from 'zod/mini';

/*
 * Comm100 Live Chat wire formats: the webhook events (inbound) and the Visitor-side JavaScript API values
 * (outbound). Webhook objects are loose: keys Comm100 adds later are kept, never rejected, because the
 * vendor's own documentation generations disagree on the details.
 */

/** Text that a doc generation sends as a string, another as null, another leaves out. */
const optionalText = z.optional(z.nullable(z.string()));
const optionalCount = z.optional(z.nullable(z.number()));
/** Ids are GUID strings in current docs and integers in older ones. */
const identifier = z.union([z.string(), z.number()]);

/**
 * One value of a pre-chat custom field: `{ field_id, name, value }` (older docs call the id `id`).
 * @public
 */
export const Comm100CustomFieldSchema = z.looseObject({
  field_id: z.optional(z.nullable(identifier)),
  id: z.optional(z.nullable(identifier)),
  name: z.string(),
  value: z.optional(z.json()),
});

/** A pre-chat custom field value as Comm100 sends it. @public */
export type Comm100CustomField = z.infer<typeof Comm100CustomFieldSchema>;

/**
 * One custom variable captured from the page: `{ name, value }`.
 * @public
 */
export const Comm100CustomVariableSchema = z.looseObject({
  name: z.string(),
  value: z.optional(z.json()),
});

/** A custom variable as Comm100 sends it. @public */
export type Comm100CustomVariable = z.infer<typeof Comm100CustomVariableSchema>;

/**
 * The webhook `visitor` object, after date normalization: `first_visit_time` and `visit_time` are ISO 8601,
 * and `status_name` is added next to the numeric `status`.
 * @public
 */
export const Comm100VisitorSchema = z.looseObject({
  id: z.optional(z.nullable(identifier)),
  name: optionalText,
  email: optionalText,
  phone: optionalText,
  company: optionalText,
  status: optionalCount,
  status_name: z.optional(z.string()),
  chat_id: z.optional(z.nullable(identifier)),
  chats: optionalCount,
  visits: optionalCount,
  page_views: optionalCount,
  first_visit_time: optionalText,
  visit_time: optionalText,
  city: optionalText,
  state: optionalText,
  country: optionalText,
  ip: optionalText,
  browser: optionalText,
  operating_system: optionalText,
  screen_resolution: optionalText,
  language: optionalText,
  time_zone: optionalText,
  landing_page: optionalText,
  current_browsing: optionalText,
  referrer_url: optionalText,
  search_engine: optionalText,
  keywords: optionalText,
  product_service: optionalText,
  flash_version: optionalText,
  department: z.optional(z.nullable(identifier)),
  skill: z.optional(z.nullable(identifier)),
  custom_fields: z.optional(z.nullable(z.array(Comm100CustomFieldSchema))),
  custom_variables: z.optional(z.nullable(z.array(Comm100CustomVariableSchema))),
});

/** The webhook visitor object (normalized). @public */
export type Comm100Visitor = z.infer<typeof Comm100VisitorSchema>;

/**
 * The `chat` object of `chat_ended`. `chat_transcript` arrives as one string with lines separated by `⊙`;
 * the typed event carries it split into lines.
 * @public
 */
export const Comm100ChatSchema = z.looseObject({
  chat_transcript: z.optional(z.array(z.string())),
  attachment: z.optional(z.nullable(z.json())),
  company: optionalText,
  department: z.optional(z.nullable(identifier)),
  custom_fields: z.optional(z.nullable(z.array(Comm100CustomFieldSchema))),
  custom_variable: z.optional(z.nullable(z.array(Comm100CustomVariableSchema))),
});

/** The chat of a `chat_ended` event (normalized). @public */
export type Comm100Chat = z.infer<typeof Comm100ChatSchema>;

/** The `wrapup` object of `chat_wrapped_up` (`time` normalized to ISO 8601). @public */
export const Comm100WrapupSchema = z.looseObject({
  category: optionalText,
  comment: optionalText,
  fields: z.optional(z.nullable(z.array(z.json()))),
  time: optionalText,
});

/** The wrap-up of a chat (normalized). @public */
export type Comm100Wrapup = z.infer<typeof Comm100WrapupSchema>;

/**
 * The `offline_message` object of `offline_message_submitted` (`time` normalized to ISO 8601). Note the
 * singular `custom_variable`, unlike the visitor's `custom_variables`.
 * @public
 */
export const Comm100OfflineMessageSchema = z.looseObject({
  id: z.optional(z.nullable(identifier)),
  name: optionalText,
  email: optionalText,
  phone: optionalText,
  company: optionalText,
  subject: optionalText,
  content: optionalText,
  department: z.optional(z.nullable(identifier)),
  skill: z.optional(z.nullable(identifier)),
  time: optionalText,
  attachment: z.optional(z.nullable(z.json())),
  custom_fields: z.optional(z.nullable(z.array(Comm100CustomFieldSchema))),
  custom_variable: z.optional(z.nullable(z.array(Comm100CustomVariableSchema))),
});

/** An offline message (normalized). @public */
export type Comm100OfflineMessage = z.infer<typeof Comm100OfflineMessageSchema>;

/** The agent status event names. @public */
export const comm100AgentStatusEvents = ['online', 'away', 'login', 'logout'] as const;

/** Chat Started: the visitor who started a chat. @public */
export const Comm100ChatStartedSchema = z.looseObject({
  event: z.literal('chat_started'),
  visitor: Comm100VisitorSchema,
});

/** Chat Ended: the visitor and the chat, with its transcript. @public */
export const Comm100ChatEndedSchema = z.looseObject({
  event: z.literal('chat_ended'),
  visitor: Comm100VisitorSchema,
  chat: Comm100ChatSchema,
});

/** Chat Wrapped-Up: the agent's wrap-up of a chat. @public */
export const Comm100ChatWrappedUpSchema = z.looseObject({
  event: z.literal('chat_wrapped_up'),
  chat_id: z.optional(z.nullable(identifier)),
  visitor: z.optional(z.nullable(Comm100VisitorSchema)),
  wrapup: Comm100WrapupSchema,
});

/** Offline Message Submitted: a message left while no agent was online. @public */
export const Comm100OfflineMessageSubmittedSchema = z.looseObject({
  event: z.literal('offline_message_submitted'),
  visitor: z.optional(z.nullable(Comm100VisitorSchema)),
  offline_message: Comm100OfflineMessageSchema,
});

/** Agent Status Changed: `online`, `away`, `login` or `logout`, with the agent's id. @public */
export const Comm100AgentStatusSchema = z.looseObject({
  event: z.enum(comm100AgentStatusEvents),
  operator_id: identifier,
});

/**
 * Chat Requested and Chat Transferred: their payloads are not public, so only `event` is required; the
 * visitor is read when present and every other key is kept as is.
 * @public
 */
export const Comm100ChatRoutingSchema = z.looseObject({
  event: z.enum(['chat_requested', 'chat_transferred']),
  visitor: z.optional(z.nullable(Comm100VisitorSchema)),
});

/** Every webhook event, by its `event` name. @public */
export const Comm100WebhookEventSchema = z.discriminatedUnion('event', [
  Comm100ChatStartedSchema,
  Comm100ChatEndedSchema,
  Comm100ChatWrappedUpSchema,
  Comm100OfflineMessageSubmittedSchema,
  Comm100AgentStatusSchema,
  Comm100ChatRoutingSchema,
]);

/**
 * A validated, normalized Comm100 webhook event: Microsoft JSON dates (`/Date(ms)/`) are ISO 8601 strings,
 * `visitor.status_name` names the status code, and `chat.chat_transcript` is the list of transcript lines.
 * @public
 */
export type Comm100WebhookEvent = z.infer<typeof Comm100WebhookEventSchema>;

/** The name of a webhook event. @public */
export type Comm100WebhookEventName = Comm100WebhookEvent['event'];

/** Every webhook event name this adapter understands. @public */
export const comm100WebhookEventNames: readonly Comm100WebhookEventName[] = [
  'chat_started',
  'chat_ended',
  'chat_wrapped_up',
  'offline_message_submitted',
  ...comm100AgentStatusEvents,
  'chat_requested',
  'chat_transferred',
];

/** The pre-chat field types whose values the adapter fills from the canonical visitor. @public */
export const comm100PrechatFieldTypes = ['name', 'email', 'phone', 'company'] as const;

/** A pre-chat field type the adapter fills. @public */
export type Comm100PrechatFieldType = (typeof comm100PrechatFieldTypes)[number];

/**
 * What the adapter delivers to the Visitor-side JavaScript API inside `Comm100API.onReady`:
 * `set('livechat.customVariables', customVariables)`, the pre-chat field values by field type into
 * `livechat.prechat.fields`, and `set('livechat.prechat.isSkip', true)` when `skipPrechat`.
 * @public
 */
export const Comm100PayloadSchema = z.strictObject({
  customVariables: z.array(z.strictObject({ name: z.string(), value: z.string() })),
  prechatFields: z.array(z.strictObject({ type: z.enum(comm100PrechatFieldTypes), value: z.string() })),
  skipPrechat: z.boolean(),
});

/** The outbound payload for the Visitor-side JavaScript API. @public */
export type Comm100Payload = z.infer<typeof Comm100PayloadSchema>;
