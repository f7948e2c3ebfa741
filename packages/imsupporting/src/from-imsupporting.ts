import {
  defaultJsonLimits,
  reportUnrecognizedPayload,
  formatPath,
  maxAttributeKeyLength,
  parseBase64Json,
  parseJson,
  writeContextField,
  type DiagnosticPath,
  type Diagnostics,
  type JsonObject,
  type JsonValue,
  type MutableVisitorContext,
} from '@visitor-context/core';
import { imsupportingPayloadShapes } from './imsupporting-capabilities.js';
import { isReservedKey, metadataFieldsByKey, pathOf, reservedKeyFields, unmappedPairsKey } from './imsupporting-keys.js';
import type { ImsupportingSettings } from './imsupporting-defaults.js';
import { checkKey, storeValue } from './imsupporting-server-rules.js';

/**
 * Translates what the vendor holds into a canonical context draft.
 *
 * An object is the stored `visitor_context_data` (already validated by the server, so taken as it is), a
 * whole stored record, or the page's `window.imsFlowConfig`. A string is the base64 wire payload the widget
 * sends: it and the configuration's `visitorContext` are checked and cleaned exactly as the server would, so
 * the result is what operators would see. Pairs of which nothing becomes a canonical field or attribute are
 * reported as `unrecognized_payload`.
 */
export function fromImsupporting(
  payload: JsonValue,
  settings: ImsupportingSettings,
  diagnostics: Diagnostics,
): MutableVisitorContext {
  if (typeof payload === 'string') {
    const received = decodeWirePayload(payload, settings, diagnostics);
    return received === undefined ? {} : mapPairs(applyServerRules(received, settings, diagnostics), settings, diagnostics);
  }
  if (!isObject(payload)) {
    diagnostics.error(
      'not_an_object',
      [],
      `An IMSupporting visitor context is a JSON object of key/value pairs (or its base64 wire payload); got ${Array.isArray(payload) ? 'an array' : payload === null ? 'null' : `a ${typeof payload}`}.`,
    );
    return {};
  }
  if (Object.hasOwn(payload, storedRecordKey)) return mapStoredRecord(payload, settings, diagnostics);
  if (isObject(own(payload, configContextKey))) return mapFlowConfig(payload, settings, diagnostics);
  const context = mapPairs(payload, settings, diagnostics);
  if (Object.keys(payload).length > 0 && Object.keys(context).every((section) => section === 'vendor')) {
    reportUnrecognizedPayload(diagnostics, 'IMSupporting', imsupportingPayloadShapes);
  }
  return context;
}

/** The key of `window.imsFlowConfig` holding the context: an object there, which no stored pair can be. */
const configContextKey = 'visitorContext';

/**
 * The page's `window.imsFlowConfig`: its `visitorContext` is what the widget sends, cleaned by the server's
 * rules; `siteid`, `mode` and anything else are kept in `vendor.imsupporting.config`.
 */
function mapFlowConfig(config: JsonObject, settings: ImsupportingSettings, diagnostics: Diagnostics): MutableVisitorContext {
  const pairs = own(config, configContextKey) as JsonObject;
  const context = mapPairs(applyServerRules(pairs, settings, diagnostics), settings, diagnostics);
  const rest = bagOf(config, configContextKey, 'config', diagnostics);
  if (Object.keys(rest).length > 0) {
    const bag = (context.vendor?.['imsupporting'] ?? {}) as JsonObject;
    context.vendor = { imsupporting: { ...bag, config: rest } };
  }
  return context;
}

/** The field of an `activesessions` / `chatlogs` record that holds the stored context (as JSON text). */
const storedRecordKey = 'visitor_context_data';

/**
 * A whole `activesessions` / `chatlogs` record: its `visitor_context_data` (JSON text, or an object) is the
 * stored context; the record's other fields (session id, site id…) are kept in `vendor.imsupporting.record`.
 */
function mapStoredRecord(record: JsonObject, settings: ImsupportingSettings, diagnostics: Diagnostics): MutableVisitorContext {
  const stored = record[storedRecordKey];
  let pairs: JsonValue | undefined = stored;
  if (typeof stored === 'string') {
    const parsed = stored.trim() === '' ? { ok: true as const, value: {} } : parseJson(stored, defaultJsonLimits);
    if (!parsed.ok) {
      for (const item of parsed.diagnostics) {
        diagnostics.error(item.code, [storedRecordKey, ...item.path], `visitor_context_data is not valid JSON: ${item.message}`);
      }
      return {};
    }
    pairs = parsed.value;
  }
  if (pairs === null) pairs = {};
  if (pairs === undefined || !isObject(pairs)) {
    diagnostics.error('not_an_object', [storedRecordKey], 'visitor_context_data must hold a JSON object of key/value pairs.');
    return {};
  }
  const context = mapPairs(pairs, settings, diagnostics);
  const rest = bagOf(record, storedRecordKey, 'record', diagnostics);
  if (Object.keys(rest).length > 0) {
    const bag = (context.vendor?.['imsupporting'] ?? {}) as JsonObject;
    context.vendor = { imsupporting: { ...bag, record: rest } };
  }
  return context;
}

/** Keys a context refuses anywhere, even in its vendor bag, because they can pollute prototypes. */
const prototypeKeys = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A record's or configuration's other fields for `vendor.imsupporting.<name>`: all but the one read, and but a
 * prototype-named key, which a context refuses anywhere (dropped with a warning rather than failing the read).
 */
function bagOf(object: JsonObject, readKey: string, name: string, diagnostics: Diagnostics): JsonObject {
  const kept: [string, JsonValue][] = [];
  for (const [key, value] of Object.entries(object)) {
    if (key === readKey) continue;
    if (prototypeKeys.has(key)) {
      diagnostics.warning('field_dropped', ['vendor', 'imsupporting', name, key], `The field "${key}" cannot be kept in a context (it can pollute prototypes); it was left out.`);
    } else {
      kept.push([key, value]);
    }
  }
  return Object.fromEntries(kept);
}

/** Decodes the base64 payload; every failure is an error because the server discards the whole context. */
function decodeWirePayload(text: string, settings: ImsupportingSettings, diagnostics: Diagnostics): JsonObject | undefined {
  const { maxPayloadLength } = settings.limits;
  if (text.length > maxPayloadLength) {
    diagnostics.error(
      'too_large',
      [],
      `The base64 payload has ${text.length} characters; the server silently discards a context over ${maxPayloadLength} characters.`,
    );
    return undefined;
  }
  const decoded = parseBase64Json(text, 'base64', defaultJsonLimits);
  if (!decoded.ok) {
    for (const item of decoded.diagnostics) {
      diagnostics.error(item.code, item.path, `${item.message} The server discards such a context.`);
    }
    return undefined;
  }
  if (!isObject(decoded.value)) {
    diagnostics.error(
      'not_an_object',
      [],
      'The base64 payload decodes to JSON that is not an object; the server discards such a context.',
    );
    return undefined;
  }
  return decoded.value;
}

/** The server's per-pair rules: key pattern and length, string values, HTML sanitising, length, entry count. */
function applyServerRules(received: JsonObject, settings: ImsupportingSettings, diagnostics: Diagnostics): JsonObject {
  const { limits } = settings;
  const metadataFields = metadataFieldsByKey(settings);
  const kept: [string, string][] = [];
  for (const [key, value] of Object.entries(received)) {
    const path = targetPath(key, metadataFields);
    const where = formatPath(path);
    const problem = checkKey(key, limits);
    if (problem !== undefined) {
      diagnostics.warning(
        'field_dropped',
        path,
        problem === 'pattern'
          ? `The key "${key}" does not match ${limits.keyPattern}; the server drops the pair.`
          : `The key "${key}" is longer than ${limits.maxKeyLength} characters; the server drops the pair.`,
      );
      continue;
    }
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      diagnostics.warning('field_dropped', path, `${where} is not a string, number or boolean; the server does not keep it.`);
      continue;
    }
    if (kept.length >= limits.maxEntries) {
      diagnostics.warning('field_dropped', path, `${where} is dropped: the server keeps only the first ${limits.maxEntries} pairs.`);
      continue;
    }
    const text = String(value);
    if (typeof value !== 'string') diagnostics.warning('value_coerced', path, `${where} is stored as the string "${text}".`);
    const { stored, htmlChanged, truncated } = storeValue(text, limits);
    if (htmlChanged) diagnostics.warning('html_sanitized', path, `${where} is stored HTML-decoded and without tags.`);
    if (truncated) diagnostics.warning('value_truncated', path, `${where} is stored cut to ${limits.maxValueLength} characters.`);
    kept.push([key, stored]);
  }
  return Object.fromEntries(kept);
}

/** Reserved keys to visitor fields, configured metadata keys to their fields, the rest to attributes. */
function mapPairs(pairs: JsonObject, settings: ImsupportingSettings, diagnostics: Diagnostics): MutableVisitorContext {
  const context: MutableVisitorContext = {};
  const unmapped: [string, JsonValue][] = [];
  const metadataFields = metadataFieldsByKey(settings);
  // The vendor documents ims_telephone as the primary key and ims_phone as the fallback.
  const hasTelephone = Object.hasOwn(pairs, 'ims_telephone') && isScalar(pairs['ims_telephone']);

  for (const [key, value] of Object.entries(pairs)) {
    const field = isReservedKey(key) ? reservedKeyFields[key] : metadataFields.get(key);
    if (field !== undefined && !(key === 'ims_phone' && hasTelephone) && isScalar(value)) {
      const text = String(value);
      if (typeof value !== 'string') {
        diagnostics.warning('value_coerced', pathOf(field), `${field} came as ${typeof value} ${text} in "${key}" and is read as a string.`);
      }
      writeContextField(context, field, text);
    } else if (field === undefined && isAttributeKey(key) && isScalar(value)) {
      writeContextField(context, `attributes.${key}`, value);
    } else {
      unmapped.push([key, value]);
    }
  }
  if (unmapped.length > 0) context.vendor = { imsupporting: { [unmappedPairsKey]: Object.fromEntries(unmapped) } };
  return context;
}

function targetPath(key: string, metadataFields: ReadonlyMap<string, string>): DiagnosticPath {
  const field = isReservedKey(key) ? reservedKeyFields[key] : metadataFields.get(key);
  return field === undefined ? ['attributes', key] : pathOf(field);
}

/** Whether the canonical model accepts the key as an attribute key (1–100 characters, no control characters). */
function isAttributeKey(key: string): boolean {
  return key.length > 0 && key.length <= maxAttributeKeyLength && !/[\u0000-\u001f\u007f-\u009f]/.test(key);
}

function isScalar(value: JsonValue | undefined): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** An own property of a vendor object, never one inherited from `Object.prototype`. */
function own(object: JsonObject, key: string): JsonValue | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
