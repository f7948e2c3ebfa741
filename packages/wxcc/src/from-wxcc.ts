import {
  parseJson,
  readContextField,
  reportUnrecognizedPayload,
  writeContextField,
  type Diagnostics,
  type JsonObject,
  type JsonValue,
  type MutableVisitorContext,
} from '@visitor-context/core';
import { wxccPayloadShapes } from './wxcc-capabilities.js';
import type { ResolvedFieldMap } from './wxcc-field-map.js';
import { firstMessageExtrasKeys, readInboundPayload } from './wxcc-inbound-payload.js';
import { isObject, ownValue, setOwn } from './wxcc-json-object.js';
import { readProfileParams } from './wxcc-profile-params.js';
import { wxccVendorId } from './wxcc-vendor-bag.js';

/**
 * Extras the widget generates that have a canonical home (when no custom chat field already filled it). Not
 * `Webpage`: it is the chat window's own URL (the widget's iframe), or a bare file name for an attachment.
 */
const extrasToCanonical: ReadonlyMap<string, string> = new Map([
  ['Initiated from URL', 'page.url'],
  ['Browser language', 'device.language'],
  ['useragent', 'device.userAgent'],
]);

const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/;

/** An extra's text as its canonical field would hold it, or undefined when it is empty or not sure. */
function checkExtra(canonical: string, value: JsonValue): string | undefined {
  if (typeof value !== 'string' || value.trim() === '' || controlCharacter.test(value)) return undefined;
  if (canonical !== 'page.url') return value;
  if (/\s/.test(value)) return undefined;
  try {
    const protocol = new URL(value).protocol;
    return protocol === 'https:' || protocol === 'http:' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Translates a Webex Connect flow's inbound Live Chat message (the whole event, or its
 * `inappmessaging.message.extras`), or the `{ custom_chat_fields }` object a page sends, into a context.
 * `custom_chat_attr` is JSON inside the JSON, so it is parsed once more, with the same prototype-pollution and
 * size rules. Everything without a canonical field lands in `vendor.wxcc`.
 */
export function fromWxcc(payload: JsonValue, fields: ResolvedFieldMap, diagnostics: Diagnostics): MutableVisitorContext {
  const context: MutableVisitorContext = {};
  const inbound = readInboundPayload(payload, diagnostics);
  if (inbound === undefined) return context;
  const bag: JsonObject = {};
  if (inbound.event !== undefined) setOwn(bag, 'event', inbound.event);
  if (!inbound.recognized) {
    reportUnrecognizedPayload(diagnostics, 'Webex Contact Center', wxccPayloadShapes);
    if (inbound.extras !== undefined) setOwn(bag, 'extras', inbound.extras);
    moveRefusedKeys(bag, diagnostics);
    if (Object.keys(bag).length > 0) context.vendor = { [wxccVendorId]: bag };
    return context;
  }
  const extras = inbound.extras ?? {};
  if (inbound.extras === undefined) {
    if (inbound.extrasUnreadable !== true) diagnostics.warning(
      'custom_chat_attr_missing',
      ['custom_chat_attr'],
      'This inbound event carries no message extras, so it has no custom chat fields; it was kept in vendor.wxcc.event. Pass the event of a Live Chat message (its inappmessaging.message.extras).',
    );
  } else {
    reportMissingCustomFields(extras, diagnostics);
  }

  const customChatFields: JsonObject = {};
  const otherExtras: JsonObject = {};
  const customFields = readCustomFields(extras, otherExtras, diagnostics);

  for (const [fieldName, value] of Object.entries(customFields)) {
    const canonical = fields.canonicalFor(fieldName);
    if (canonical === undefined) {
      setOwn(customChatFields, fieldName, value);
      continue;
    }
    const path = canonical.startsWith('attributes.')
      ? ['attributes', canonical.slice('attributes.'.length)]
      : canonical.split('.');
    if (typeof value === 'object') {
      setOwn(customChatFields, fieldName, value);
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
    setOwn(otherExtras, key, value);
  }

  if (Object.keys(customChatFields).length > 0) setOwn(bag, 'customChatFields', customChatFields);
  if (Object.keys(otherExtras).length > 0) setOwn(bag, 'extras', otherExtras);
  moveRefusedKeys(bag, diagnostics);
  if (Object.keys(bag).length > 0) context.vendor = { [wxccVendorId]: bag };
  return context;
}

/** Keys the canonical model refuses anywhere, even in a vendor bag, because they can pollute prototypes. */
const refusedKeys: readonly string[] = ['constructor', 'prototype'];

/**
 * A payload may use `constructor` or `prototype` as a key (an extra, a custom chat field name, inside an
 * event), but a context may hold neither anywhere: each such entry moves to `vendor.wxcc.refusedKeys` under its
 * dotted place (`extras.constructor`), with a warning, so the rest of the payload is still read.
 */
function moveRefusedKeys(bag: JsonObject, diagnostics: Diagnostics): void {
  const moved: JsonObject = {};
  const clean = (value: JsonValue, path: readonly string[]): JsonValue => {
    if (Array.isArray(value)) return value.map((item, index) => clean(item, [...path, String(index)]));
    if (!isObject(value)) return value;
    const copy: JsonObject = {};
    for (const [key, item] of Object.entries(value)) {
      if (!refusedKeys.includes(key)) {
        setOwn(copy, key, clean(item, [...path, key]));
        continue;
      }
      const place = [...path, key].join('.');
      setOwn(moved, place, item);
      diagnostics.warning(
        'field_renamed',
        ['vendor', wxccVendorId, ...path, key],
        `The key "${key}" cannot be kept in a context (it can pollute prototypes), so vendor.wxcc.${place} was kept as vendor.wxcc.refusedKeys["${place}"].`,
      );
    }
    return copy;
  };
  for (const [section, entries] of Object.entries(bag)) setOwn(bag, section, clean(entries, [section]));
  if (Object.keys(moved).length > 0) setOwn(bag, 'refusedKeys', moved);
}

/**
 * Says why message extras from the flow carry no custom chat fields: the widget sends `custom_chat_attr` with a
 * thread's first typed message only, never with later messages, and never from `SendFile()` (an attachment) or
 * a quick reply, even as the first message, so those conversations never get the fields.
 */
function reportMissingCustomFields(extras: JsonObject, diagnostics: Diagnostics): void {
  if (Object.hasOwn(extras, 'custom_chat_attr') || Object.hasOwn(extras, 'custom_chat_fields')) return;
  const firstMessage = firstMessageExtrasKeys.some((key) => Object.hasOwn(extras, key));
  const webpage = ownValue(extras, 'Webpage');
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

/**
 * The custom chat fields, from `custom_chat_attr` (extras: a JSON string, or an object if a tool already
 * parsed it) or `custom_chat_fields` (what a page sends). An unreadable `custom_chat_attr` is kept as it came,
 * in `vendor.wxcc.extras`, with a warning.
 */
function readCustomFields(extras: JsonObject, otherExtras: JsonObject, diagnostics: Diagnostics): JsonObject {
  const sent = ownValue(extras, 'custom_chat_fields');
  if (sent !== undefined) {
    if (isObject(sent)) return sent;
    setOwn(otherExtras, 'custom_chat_fields', sent);
    diagnostics.warning('custom_chat_attr_unreadable', ['custom_chat_fields'], 'custom_chat_fields is not an object; it was kept in vendor.wxcc.extras.');
  }
  const attr = ownValue(extras, 'custom_chat_attr');
  if (attr === undefined) return {};
  if (isObject(attr)) return attr;
  if (typeof attr === 'string') {
    const parsed = parseJson(attr);
    if (parsed.ok && isObject(parsed.value)) return parsed.value;
    if (!parsed.ok && parsed.diagnostics.some((item) => item.code === 'forbidden_key')) {
      diagnostics.add(parsed.diagnostics.map((item) => ({ ...item, path: ['custom_chat_attr', ...item.path] })));
      return {};
    }
  }
  setOwn(otherExtras, 'custom_chat_attr', attr);
  diagnostics.warning(
    'custom_chat_attr_unreadable',
    ['custom_chat_attr'],
    'custom_chat_attr is not the JSON text of an object, so its custom chat fields could not be read; it was kept as it came in vendor.wxcc.extras.custom_chat_attr.',
  );
  return {};
}
