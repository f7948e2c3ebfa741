import {
  parseJson,
  readContextField,
  writeContextField,
  type Diagnostics,
  type JsonObject,
  type JsonValue,
  type MutableVisitorContext,
} from '@visitor-context/core';
import type { ResolvedFieldMap } from './wxcc-field-map.js';
import { wxccVendorId } from './wxcc-vendor-bag.js';

/** Extras the widget generates that have a canonical home (when no custom chat field already filled it). */
const extrasToCanonical: Readonly<Record<string, string>> = {
  Webpage: 'page.url',
  'Browser language': 'device.language',
};

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Sets an own data property, so that no key can reach a prototype setter. */
function setOwn(target: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Translates a flow's `inappmessaging.message.extras` (or the `{ custom_chat_fields }` object a page sends)
 * into a context. `custom_chat_attr` is JSON inside the JSON, so it is parsed once more, with the same
 * prototype-pollution and size rules. Everything without a canonical field lands in `vendor.wxcc`.
 */
export function fromWxcc(payload: JsonValue, fields: ResolvedFieldMap, diagnostics: Diagnostics): MutableVisitorContext {
  const context: MutableVisitorContext = {};
  const extras = unwrapExtras(payload, diagnostics);
  if (extras === undefined) return context;

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
    const canonical = extrasToCanonical[key];
    if (canonical !== undefined && typeof value === 'string' && readContextField(context, canonical) === undefined) {
      writeContextField(context, canonical, value);
      continue;
    }
    setOwn(otherExtras, key, value);
  }

  const bag: JsonObject = {};
  if (Object.keys(customChatFields).length > 0) bag['customChatFields'] = customChatFields;
  if (Object.keys(otherExtras).length > 0) bag['extras'] = otherExtras;
  if (Object.keys(bag).length > 0) context.vendor = { [wxccVendorId]: bag };
  return context;
}

/** The flow may hand over extras as an object, as JSON text, or (after one substitution too many) as JSON text inside a JSON string. */
function unwrapExtras(payload: JsonValue, diagnostics: Diagnostics): JsonObject | undefined {
  let extras = payload;
  if (typeof extras === 'string') {
    const parsed = parseJson(extras);
    if (!parsed.ok) {
      diagnostics.add(parsed.diagnostics);
      return undefined;
    }
    extras = parsed.value;
  }
  if (!isObject(extras)) {
    diagnostics.error(
      'not_an_object',
      [],
      `Expected the message extras object (or its JSON text); got ${Array.isArray(extras) ? 'an array' : extras === null ? 'null' : `a ${typeof extras}`}.`,
    );
    return undefined;
  }
  return extras;
}

/**
 * The custom chat fields, from `custom_chat_attr` (extras: a JSON string, or an object if a tool already
 * parsed it) or `custom_chat_fields` (what a page sends). An unreadable `custom_chat_attr` is kept as it came,
 * in `vendor.wxcc.extras`, with a warning.
 */
function readCustomFields(extras: JsonObject, otherExtras: JsonObject, diagnostics: Diagnostics): JsonObject {
  const sent = extras['custom_chat_fields'];
  if (sent !== undefined) {
    if (isObject(sent)) return sent;
    setOwn(otherExtras, 'custom_chat_fields', sent);
    diagnostics.warning('custom_chat_attr_unreadable', ['custom_chat_fields'], 'custom_chat_fields is not an object; it was kept in vendor.wxcc.extras.');
  }
  const attr = extras['custom_chat_attr'];
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
