import { listContextFields, type Diagnostics, type JsonValue, type VisitorContext } from '@visitor-context/core';
import type { WxccInitPayload } from './imichat-widget.js';
import type { ResolvedFieldMap } from './wxcc-field-map.js';
import { readWxccBag } from './wxcc-vendor-bag.js';

/**
 * Translates a validated context into the `custom_chat_fields` the widget stores. Fields without a custom chat
 * field are reported, because the widget would silently ignore them; custom chat fields that came in without
 * a canonical field (kept in `vendor.wxcc.customChatFields`) are sent back as they came.
 */
export function toWxcc(context: VisitorContext, fields: ResolvedFieldMap, diagnostics: Diagnostics): WxccInitPayload {
  const customChatFields: Record<string, JsonValue> = {};
  const sources = new Map<string, string>();
  const put = (fieldName: string, value: JsonValue): void => {
    // Assigned (defineProperty costs several times more); only "__proto__" would reach a setter, Object.prototype's.
    if (fieldName === '__proto__') Object.defineProperty(customChatFields, fieldName, { value, enumerable: true, writable: true, configurable: true });
    else customChatFields[fieldName] = value;
  };

  for (const field of listContextFields(context)) {
    const fieldName = fields.fieldNameFor(field.name);
    if (fieldName === undefined) {
      diagnostics.warning(
        'field_dropped',
        field.path,
        `${field.name} has no custom chat field, so Webex Contact Center would never see it. Create a custom chat field in the Webex Engage admin console and map it with the fields option (e.g. { '${field.name}': 'Field name' }).`,
      );
      continue;
    }
    sources.set(fieldName, field.name);
    put(fieldName, field.value);
  }

  const bag = readWxccBag(context);
  for (const [fieldName, value] of Object.entries(bag.customChatFields)) {
    const owner = sources.get(fieldName);
    if (owner !== undefined) {
      diagnostics.warning(
        'field_dropped',
        ['vendor', 'wxcc', 'customChatFields', fieldName],
        `vendor.wxcc.customChatFields["${fieldName}"] was not sent because ${owner} is sent in the same custom chat field.`,
      );
      continue;
    }
    put(fieldName, value);
  }
  if (bag.unreadable) {
    diagnostics.warning(
      'field_dropped',
      ['vendor', 'wxcc', 'customChatFields'],
      'vendor.wxcc.customChatFields is not an object of custom chat field values, so it was not sent.',
    );
  }
  for (const { key, names } of bag.notSent) {
    const listed = names.length > 0 ? ` (${names.join(', ')})` : '';
    diagnostics.warning(
      'field_dropped',
      ['vendor', 'wxcc', key],
      key === 'extras'
        ? `vendor.wxcc.extras${listed} was not sent: the widget generates these message extras itself and a page cannot set them.`
        : `vendor.wxcc.${key}${listed} was not sent: the widget and the flow generate it, and only vendor.wxcc.customChatFields goes back to the widget.`,
    );
  }
  return { custom_chat_fields: customChatFields };
}
