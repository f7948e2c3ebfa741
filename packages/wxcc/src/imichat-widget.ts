import type { JsonValue } from '@visitor-context/core';

/**
 * The payload `toVendor` produces: send `JSON.stringify(payload)` to `imichatwidget.init`. Declared without zod
 * so that the `./browser` entry stays free of it; `WxccInitPayloadSchema` validates the same shape.
 * @public
 */
export interface WxccInitPayload {
  /** Custom chat field values by the field names configured in the Webex Engage admin console. */
  readonly custom_chat_fields: { readonly [fieldName: string]: JsonValue };
}

/** What a ready-event handler registered with `imichatwidget.on` receives: the widget's app id. @public */
export type ImichatReadyHandler = (appId?: unknown) => void;

/** What `init`/`update` callbacks receive: `"success"`, `"error"`, or nothing when the widget becomes ready. @public */
export type ImichatStatusCallback = (status?: unknown) => void;

/**
 * The `imichatwidget` global the Live Chat loader (`imichatinit.js`) creates.
 * @public
 */
export interface ImichatWidget {
  /** Registers the one handler of `"imichat-widget:ready"` (a later call replaces it; other names are ignored). */
  on(eventName: string, handler: ImichatReadyHandler): void;
  /** Sets the custom chat fields from a JSON string; the callback is mandatory. */
  init(json: string, callback: ImichatStatusCallback): void;
  /** Replaces the custom chat fields (no merge); its response goes to the `init` callback. */
  update(json: string, callback: ImichatStatusCallback): void;
  /** Whether the visitor already sent a first message in this browser session. */
  hasInitiatedChat?(): boolean;
}
