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
 * JSON string), and only when that first message is typed text: an attachment or a quick reply sent first
 * carries no `custom_chat_attr`. Unknown keys are kept.
 * @public
 */
export const WxccMessageExtrasSchema = z.looseObject({
  /** The widget's browser fingerprint (also the flow's `inappmessaging.userId`). */
  browserfingerprint: z.optional(z.string()),
  /** Id of the proactive chat rule that opened the chat; 0 when none. Not sent with an attachment. */
  proactive_id: z.optional(z.union([z.number(), z.string()])),
  /** The proactive chat rule's queue id (proactive chats only). */
  proactive_queue_id: z.optional(z.string()),
  /** The proactive chat rule's queue name (proactive chats only). */
  proactive_queue_name: z.optional(z.string()),
  /**
   * The chat window's own URL (the widget's iframe, `…/widgetloader.html?…`), or, for an attachment or a quick
   * reply, the last path segment of the visitor's page. Never the visitor's page itself.
   */
  Webpage: z.optional(z.string()),
  /** The host name of the visitor's page. */
  Website: z.optional(z.string()),
  /** The visitor's `navigator.userAgent` (current widgets). */
  useragent: z.optional(z.string()),
  /**
   * The widget's IP lookup (first message only): JSON text of `{"IP", "City", "Country"}` from older widgets,
   * an encrypted string from newer ones.
   */
  customprofileparams: z.optional(z.json()),
  /** `"1"` when the widget showed a pre-chat form (first message only). */
  hasprechatform: z.optional(z.union([z.string(), z.number(), z.boolean()])),
  /**
   * The visitor's page the chat started on: the chat iframe's `document.referrer`, so browsers trim it to the
   * origin unless the site's referrer policy sends full URLs (first message only).
   */
  'Initiated from URL': z.optional(z.string()),
  /** The last path segment of `Initiated from URL`, often empty (first message only). */
  initiatedon: z.optional(z.union([z.string(), z.number()])),
  /** The widget's website id (first message only). */
  website_id: z.optional(z.union([z.string(), z.number()])),
  /** `navigator.language` of the visitor's browser (first message only). */
  'Browser language': z.optional(z.string()),
  /** The custom chat fields the page set, as a JSON string (first typed message only, when set). */
  custom_chat_attr: z.optional(z.union([z.string(), z.record(z.string(), z.json())])),
  /** The quick reply the visitor chose, as JSON text (quick-reply messages only). */
  quick_reply_response: z.optional(z.string()),
});

/** Message extras as the flow receives them; see {@link WxccMessageExtrasSchema}. @public */
export type WxccMessageExtras = z.infer<typeof WxccMessageExtrasSchema>;

