import * as z from 'zod/mini';

export type { ImichatReadyHandler, ImichatStatusCallback, ImichatWidget, WxccInitPayload } from './imichat-widget.js';

/**
 * A custom chat field value. The widget stores `JSON.stringify(custom_chat_fields)`, so values keep their JSON
 * types; the adapter sends strings, numbers and booleans.
 * @public
 */
export const WxccFieldValueSchema = z.json();

/**
 * The object `imichatwidget.init` / `update` expect, before it is serialized: the widget rejects anything
 * that is not a JSON string of an object with `custom_chat_fields` (its callback then receives `"error"`).
 * @public
 */
export const WxccInitPayloadSchema = z.strictObject({
  /** Custom chat field values by the field names configured in the Webex Engage admin console. */
  custom_chat_fields: z.record(z.string(), WxccFieldValueSchema),
});


/**
 * `inappmessaging.message.extras` of a Webex Connect "Mobile & Web – Incoming Message" Start node, as the
 * Live Chat widget builds it. Every message carries `browserfingerprint`, `Webpage` and `Website`; only the
 * thread's first message carries the rest, including `custom_chat_attr` (the stored custom chat fields as a
 * JSON string). Unknown keys are kept.
 * @public
 */
export const WxccMessageExtrasSchema = z.looseObject({
  /** The widget's browser fingerprint. */
  browserfingerprint: z.optional(z.string()),
  /** Id of the proactive campaign that opened the chat; 0 when none. */
  proactive_id: z.optional(z.union([z.number(), z.string()])),
  /** The URL of the page the message was sent from. */
  Webpage: z.optional(z.string()),
  /** The host name of that page. */
  Website: z.optional(z.string()),
  /** Profile parameters of the widget (first message only). */
  customprofileparams: z.optional(z.json()),
  /** `"1"` when the widget showed a pre-chat form (first message only). */
  hasprechatform: z.optional(z.union([z.string(), z.number(), z.boolean()])),
  /** The URL the chat was started from (first message only). */
  'Initiated from URL': z.optional(z.string()),
  /** When the chat was started (first message only). */
  initiatedon: z.optional(z.union([z.string(), z.number()])),
  /** The widget's website id (first message only). */
  website_id: z.optional(z.union([z.string(), z.number()])),
  /** `navigator.language` of the visitor's browser (first message only). */
  'Browser language': z.optional(z.string()),
  /** The custom chat fields the page set, as a JSON string (first message only, when set). */
  custom_chat_attr: z.optional(z.union([z.string(), z.record(z.string(), z.json())])),
});

/** Message extras as the flow receives them; see {@link WxccMessageExtrasSchema}. @public */
export type WxccMessageExtras = z.infer<typeof WxccMessageExtrasSchema>;

