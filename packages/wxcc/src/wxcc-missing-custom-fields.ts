import { ownJsonValue } from '@visitor-context/core';
import type { Diagnostics, JsonObject } from '@visitor-context/core';
import { firstMessageExtrasKeys } from './wxcc-inbound-payload.js';

/**
 * Says why message extras from the flow carry no custom chat fields: the widget sends `custom_chat_attr` with a
 * thread's first typed message only, never with later messages, and never from `SendFile()` (an attachment) or
 * a quick reply, even as the first message, so those conversations never get the fields.
 */
export function reportMissingCustomFields(extras: JsonObject, diagnostics: Diagnostics): void {
  if (Object.hasOwn(extras, 'custom_chat_attr') || Object.hasOwn(extras, 'custom_chat_fields')) return;
  const firstMessage = firstMessageExtrasKeys.some((key) => Object.hasOwn(extras, key));
  const webpage = ownJsonValue(extras, 'Webpage');
  let reason: string;
  if (!firstMessage) {
    reason =
      'this is a later message of the thread (it has none of the first-message extras): the widget sends custom_chat_attr with a thread\'s first message only, so read the custom chat fields at the flow\'s Start node';
  } else if (Object.hasOwn(extras, 'quick_reply_response')) {
    reason = 'the first message was a quick reply, which the widget sends without custom_chat_attr: this conversation never gets the custom chat fields';
  } else if (typeof webpage === 'string' && !/^https?:\/\//i.test(webpage)) {
    reason =
      'the first message was an attachment (the widget\'s SendFile() sends no custom_chat_attr; Webpage then holds a file name): this conversation never gets the custom chat fields';
  } else {
    reason = 'the page set no custom chat fields before the visitor\'s first message (imichatwidget.init ran late, failed, or was never called)';
  }
  diagnostics.warning('custom_chat_attr_missing', ['custom_chat_attr'], `No custom chat fields: ${reason}.`);
}

/** A whole inbound event without message extras (another event type, or a flow that dropped them). */
export function reportEventWithoutExtras(diagnostics: Diagnostics): void {
  diagnostics.warning(
    'custom_chat_attr_missing',
    ['custom_chat_attr'],
    'This inbound event carries no message extras, so it has no custom chat fields; it was kept in vendor.wxcc.event. Pass the event of a Live Chat message (its inappmessaging.message.extras).',
  );
}
