import {
  isJsonObject,
  ownJsonValue,
  parseJson,
  readContextField,
  reportUnrecognizedPayload,
  setOwnJsonValue,
  writeContextField,
  type Diagnostics,
  type JsonObject,
  type JsonValue,
  type MutableVisitorContext,
} from '@visitor-context/core';
import { wxccPayloadShapes } from './wxcc-capabilities.js';
import type { ResolvedFieldMap } from './wxcc-field-map.js';
import { readInboundPayload } from './wxcc-inbound-payload.js';
import { reportEventWithoutExtras, reportMissingCustomFields } from './wxcc-missing-custom-fields.js';
import { readProfileParams } from './wxcc-profile-params.js';
import { moveRefusedKeys } from './wxcc-refused-keys.js';
import { wxccVendorId } from './wxcc-vendor-bag.js';
import { checkExtra, extrasToCanonical } from './wxcc-widget-extras.js';
import { fromWxccFastPath } from './from-wxcc-fast-path.js';

/**
 * Translates a Webex Connect flow's inbound Live Chat message (the whole event, or its
 * `inappmessaging.message.extras`), or the `{ custom_chat_fields }` object a page sends, into a context.
 * `custom_chat_attr` is JSON inside the JSON, so it is parsed once more, with the same prototype-pollution and
 * size rules. Everything without a canonical field lands in `vendor.wxcc`.
 *
 * A payload that translates without a single diagnostic (most of them) takes the fast path; anything else, the
 * general path, which reports. Both give the same draft (the differential test proves it).
 */
export function fromWxcc(payload: JsonValue, fields: ResolvedFieldMap, diagnostics: Diagnostics): MutableVisitorContext {
  return fromWxccFastPath(payload, fields) ?? fromWxccGeneralPath(payload, fields, diagnostics);
}

/** The general path of {@link fromWxcc}: every payload, every diagnostic. */
export function fromWxccGeneralPath(payload: JsonValue, fields: ResolvedFieldMap, diagnostics: Diagnostics): MutableVisitorContext {
  const context: MutableVisitorContext = {};
  const inbound = readInboundPayload(payload, diagnostics);
  if (inbound === undefined) return context;
  const bag: JsonObject = {};
  if (inbound.event !== undefined) setOwnJsonValue(bag, 'event', inbound.event);
  if (!inbound.recognized) {
    reportUnrecognizedPayload(diagnostics, 'Webex Contact Center', wxccPayloadShapes);
    if (inbound.extras !== undefined) setOwnJsonValue(bag, 'extras', inbound.extras);
    moveRefusedKeys(bag, diagnostics);
    if (Object.keys(bag).length > 0) context.vendor = { [wxccVendorId]: bag };
    return context;
  }
  const extras = inbound.extras ?? {};
  if (inbound.extras !== undefined) reportMissingCustomFields(extras, diagnostics);
  else if (inbound.extrasUnreadable !== true) reportEventWithoutExtras(diagnostics);

  const customChatFields: JsonObject = {};
  const otherExtras: JsonObject = {};
  const customFields = readCustomFields(extras, otherExtras, diagnostics);

  for (const [fieldName, value] of Object.entries(customFields)) {
    const canonical = fields.canonicalFor(fieldName);
    if (canonical === undefined) {
      setOwnJsonValue(customChatFields, fieldName, value);
      continue;
    }
    const path = canonical.startsWith('attributes.')
      ? ['attributes', canonical.slice('attributes.'.length)]
      : canonical.split('.');
    if (typeof value === 'object') {
      setOwnJsonValue(customChatFields, fieldName, value);
      diagnostics.warning(
        'field_dropped',
        path,
        `The custom chat field "${fieldName}" holds ${value === null ? 'null' : 'an object'}, which ${canonical} cannot hold; it was kept in vendor.wxcc.customChatFields.`,
      );
      continue;
    }
    if (!canonical.startsWith('attributes.') && typeof value !== 'string') {
      diagnostics.warning(
        'value_coerced',
        path,
        `The custom chat field "${fieldName}" holds the ${typeof value} ${String(value)}; ${canonical} is text, so it became "${String(value)}".`,
      );
      writeContextField(context, canonical, String(value));
      continue;
    }
    writeContextField(context, canonical, value);
  }

  for (const [key, value] of Object.entries(extras)) {
    if (key === 'custom_chat_attr' || key === 'custom_chat_fields') continue;
    if (key === 'customprofileparams' && readProfileParams(value, context, diagnostics)) continue;
    const canonical = extrasToCanonical.get(key);
    const text = canonical === undefined ? undefined : checkExtra(canonical, value);
    if (canonical !== undefined && text !== undefined && readContextField(context, canonical) === undefined) {
      writeContextField(context, canonical, text);
      continue;
    }
    if (canonical === 'page.url' && typeof value === 'string' && value !== '' && text === undefined) {
      diagnostics.warning(
        'field_dropped',
        ['page', 'url'],
        `extras["Initiated from URL"] is not an absolute http(s) URL, so page.url was not set from it; it was kept in vendor.wxcc.extras.`,
      );
    }
    setOwnJsonValue(otherExtras, key, value);
  }

  if (Object.keys(customChatFields).length > 0) setOwnJsonValue(bag, 'customChatFields', customChatFields);
  if (Object.keys(otherExtras).length > 0) setOwnJsonValue(bag, 'extras', otherExtras);
  moveRefusedKeys(bag, diagnostics);
  if (Object.keys(bag).length > 0) context.vendor = { [wxccVendorId]: bag };
  return context;
}

/**
 * The custom chat fields, from `custom_chat_attr` (extras: a JSON string, or an object if a tool already
 * parsed it) or `custom_chat_fields` (what a page sends). An unreadable `custom_chat_attr` is kept as it came,
 * in `vendor.wxcc.extras`, with a warning.
 */
function readCustomFields(extras: JsonObject, otherExtras: JsonObject, diagnostics: Diagnostics): JsonObject {
  const sent = ownJsonValue(extras, 'custom_chat_fields');
  if (sent !== undefined) {
    if (isJsonObject(sent)) return sent;
    setOwnJsonValue(otherExtras, 'custom_chat_fields', sent);
    diagnostics.warning('custom_chat_attr_unreadable', ['custom_chat_fields'], 'custom_chat_fields is not an object; it was kept in vendor.wxcc.extras.');
  }
  const attr = ownJsonValue(extras, 'custom_chat_attr');
  if (attr === undefined) return {};
  if (isJsonObject(attr)) return attr;
  if (typeof attr === 'string') {
    const parsed = parseJson(attr);
    if (parsed.ok && isJsonObject(parsed.value)) return parsed.value;
    if (!parsed.ok && parsed.diagnostics.some((item) => item.code === 'forbidden_key')) {
      diagnostics.add(parsed.diagnostics.map((item) => ({ ...item, path: ['custom_chat_attr', ...item.path] })));
      return {};
    }
  }
  setOwnJsonValue(otherExtras, 'custom_chat_attr', attr);
  diagnostics.warning(
    'custom_chat_attr_unreadable',
    ['custom_chat_attr'],
    'custom_chat_attr is not the JSON text of an object, so its custom chat fields could not be read; it was kept as it came in vendor.wxcc.extras.custom_chat_attr.',
  );
  return {};
}
