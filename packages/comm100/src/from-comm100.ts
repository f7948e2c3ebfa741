import {
  defaultVisitorContextLimits,
  isJsonObject,
  ownJsonValue,
  readContextField,
  reportUnrecognizedPayload,
  setOwnJsonValue,
  withJsonEntry,
  writeContextField,
  type DiagnosticPath,
  type Diagnostics,
  type JsonObject,
  type JsonValue,
  type MutableVisitorContext,
  type VisitorContext,
} from '@visitor-context/core';
import { comm100PayloadShapes, comm100VisitorFieldMap } from './comm100-capabilities.js';
import type { Comm100FromVendorOptions } from './comm100-options.js';
import type { VisitorContextFieldName } from '@visitor-context/core';
import { normalizeComm100Webhook, validateComm100Webhook } from './parse-comm100-webhook.js';
import { attributeSources, prototypeKeys, withoutCarriedValues } from './comm100-webhook-sources.js';
import { fromComm100FastPath } from './from-comm100-fast-path.js';

const { maxStringLength, maxAttributes } = defaultVisitorContextLimits;
const visitorFields = new Map(comm100VisitorFieldMap);

/** Top-level keys of Comm100's webhook bodies: a payload with none of them is not a Comm100 webhook. */
const webhookKeys = ['event', 'visitor', 'chat', 'wrapup', 'offline_message', 'operator_id', 'chat_id'];

/**
 * Translates a Comm100 webhook payload (any event) into a canonical context: the visitor's identity, page,
 * device and location into their canonical fields, custom fields and custom variables into `attributes`,
 * and everything else into `vendor.comm100`. The chat transcript is left out (it may be far larger than a
 * context may be); `parseComm100WebhookEvent` and `handleComm100Webhook` deliver it.
 *
 * Comm100 sends `""` for every value the visitor never gave, so an empty string means "unknown": it fills no
 * canonical field (a CRM update from the context must not blank what it knows) and stays in the bag. A custom
 * field or variable whose value is carried whole by `attributes` (or by its mapped field) is not repeated in
 * the bag, which keeps a context of many attributes within the size limit.
 *
 * A webhook that translates without a single diagnostic (most of them) takes the fast path; anything else, the
 * general path, which reports. Both give the same draft (the differential test proves it).
 */
export function fromComm100(payload: JsonValue, options: Comm100FromVendorOptions, diagnostics: Diagnostics): MutableVisitorContext {
  return fromComm100FastPath(payload, options) ?? fromComm100GeneralPath(payload, options, diagnostics);
}

/** The general path of {@link fromComm100}: every payload, every diagnostic. */
export function fromComm100GeneralPath(payload: JsonValue, options: Comm100FromVendorOptions, diagnostics: Diagnostics): MutableVisitorContext {
  if (isJsonObject(payload) && !webhookKeys.some((key) => Object.hasOwn(payload, key))) {
    reportUnrecognizedPayload(diagnostics, 'Comm100', comm100PayloadShapes);
    return { vendor: { comm100: fitStrings(payload, ['vendor', 'comm100'], diagnostics) as JsonObject } };
  }
  const normalized = normalizeComm100Webhook(payload, diagnostics);
  if (validateComm100Webhook(normalized, diagnostics) === undefined || !isJsonObject(normalized)) return {};
  const context: MutableVisitorContext = {};
  const bag: JsonObject = {};
  for (const [key, value] of Object.entries(normalized)) {
    if (key !== 'visitor') setOwnJsonValue(bag, key, value);
  }
  omitTranscript(bag, options, diagnostics);

  const visitor = ownJsonValue(normalized, 'visitor');
  const vendorKeyOf = new Map<string, string>();
  if (isJsonObject(visitor)) {
    const visitorBag: JsonObject = {};
    for (const [key, value] of Object.entries(visitor)) {
      const canonical = visitorFields.get(key);
      if (canonical === undefined || !writeText(context, canonical, key, value, diagnostics)) setOwnJsonValue(visitorBag, key, value);
      else vendorKeyOf.set(canonical, key);
    }
    bag['visitor'] = visitorBag;
  } else if (visitor !== undefined) {
    bag['visitor'] = visitor;
  }

  const variableFields = new Map(
    Object.entries(options.fieldVariables ?? {}).map(([canonical, variable]) => [variable as string, canonical]),
  );
  const canonicalOf = (source: string, name: string): string | undefined =>
    source === 'custom_fields' ? undefined : variableFields.get(name);
  // Counted as they are written: counting the keys for every item made the cost per item grow with their number.
  const attributeCount = { value: 0 };
  for (const [section, key] of attributeSources) {
    const owner = ownJsonValue(normalized, section);
    const items = isJsonObject(owner) ? ownJsonValue(owner, key) : undefined;
    if (!Array.isArray(items)) continue;
    items.forEach((item, index) => {
      const name = isJsonObject(item) ? ownJsonValue(item, 'name') : undefined;
      if (!isJsonObject(item) || typeof name !== 'string') return;
      const path = [section, key, index, 'value'];
      const canonical = canonicalOf(key, name);
      if (canonical !== undefined) {
        readFieldVariable(context, bag, canonical, ownJsonValue(item, 'value'), vendorKeyOf, path, diagnostics);
      } else {
        writeAttribute(context, attributeCount, name, ownJsonValue(item, 'value'), path, diagnostics);
      }
    });
  }
  for (const [section, key] of attributeSources) {
    const owner = ownJsonValue(bag, section);
    if (!isJsonObject(owner) || !Object.hasOwn(owner, key)) continue;
    const kept = withoutCarriedValues(owner[key] as JsonValue, (name, value) => {
      const carried = readContextField(context as VisitorContext, canonicalOf(key, name) ?? `attributes.${name}`);
      return carried !== undefined && carried === value;
    });
    setOwnJsonValue(bag, section, withJsonEntry(owner, key, kept));
  }

  context.vendor = { comm100: fitStrings(bag, ['vendor', 'comm100'], diagnostics) as JsonObject };
  return context;
}

function omitTranscript(bag: JsonObject, options: Comm100FromVendorOptions, diagnostics: Diagnostics): void {
  const chat = ownJsonValue(bag, 'chat');
  if (!isJsonObject(chat) || !Object.hasOwn(chat, 'chat_transcript')) return;
  const { chat_transcript: transcript, ...rest } = chat;
  bag['chat'] = rest;
  if (options.transcriptDelivered) return;
  diagnostics.warning(
    'transcript_omitted',
    ['chat', 'chat_transcript'],
    `The chat transcript (${Array.isArray(transcript) ? transcript.length : 0} lines) is not put into the context, which is limited in size. Read it from the typed event of parseComm100WebhookEvent or handleComm100Webhook.`,
  );
}

/** Writes a vendor value into a fixed canonical string field; false when it is no text and stays in the bag. */
function writeText(
  context: MutableVisitorContext,
  canonical: string,
  vendorKey: string,
  value: JsonValue,
  diagnostics: Diagnostics,
): boolean {
  if (typeof value === 'number' || typeof value === 'boolean') {
    diagnostics.warning('value_coerced', canonicalPath(canonical), `Comm100 sent visitor.${vendorKey} as ${typeof value} ${String(value)}; ${canonical} holds it as text.`);
    value = String(value);
  }
  // Comm100 sends "" for whatever the visitor never gave: unknown, so it stays in the bag.
  if (typeof value !== 'string' || value === '') return false;
  writeContextField(context, canonical, fit(value, canonicalPath(canonical), diagnostics));
  return true;
}

function readFieldVariable(
  context: MutableVisitorContext,
  bag: JsonObject,
  canonical: string,
  value: JsonValue | undefined,
  vendorKeyOf: Map<string, string>,
  path: DiagnosticPath,
  diagnostics: Diagnostics,
): void {
  if (value === undefined || value === null || value === '') return;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const measured = readContextField(context as VisitorContext, canonical);
  const vendorKey = vendorKeyOf.get(canonical);
  const visitorBag = ownJsonValue(bag, 'visitor');
  // The custom variable was set on purpose, so it wins; Comm100's own measurement stays in the bag.
  if (measured !== undefined && vendorKey !== undefined && isJsonObject(visitorBag)) setOwnJsonValue(visitorBag, vendorKey, measured);
  if (typeof value !== 'string') {
    diagnostics.warning('value_coerced', canonicalPath(canonical), `The custom variable for ${canonical} is not text (${JSON.stringify(value).slice(0, 40)}); it was converted to text.`);
  }
  writeContextField(context, canonical, fit(text, path, diagnostics));
}

function writeAttribute(
  context: MutableVisitorContext,
  attributeCount: { value: number },
  name: string,
  value: JsonValue | undefined,
  path: DiagnosticPath,
  diagnostics: Diagnostics,
): void {
  if (value === undefined || value === null || value === '') return;
  const attributePath = ['attributes', name];
  if (prototypeKeys.has(name)) {
    diagnostics.warning('field_dropped', attributePath, `"${name}" cannot be an attribute key (it can pollute prototypes); it is only kept in vendor.comm100.`);
    return;
  }
  let attribute: string | number | boolean;
  if (typeof value === 'object') {
    diagnostics.warning('value_coerced', attributePath, `Comm100 sent ${name}'s value as ${Array.isArray(value) ? 'an array' : 'an object'}; the attribute holds its JSON text.`);
    attribute = fit(JSON.stringify(value), attributePath, diagnostics);
  } else {
    attribute = typeof value === 'string' ? fit(value, attributePath, diagnostics) : value;
  }
  const attributes = (context.attributes ??= {});
  const existed = Object.hasOwn(attributes, name);
  if (existed) {
    if (attributes[name] !== attribute) {
      diagnostics.warning(
        'attribute_conflict',
        attributePath,
        `Comm100 sent two values for "${name}"; the one at ${path.slice(0, 2).join('.')} wins (chat and offline message data over the visitor's, custom variables over custom fields). The other value stays in vendor.comm100.`,
      );
    }
  } else if (attributeCount.value >= maxAttributes) {
    diagnostics.warning('field_dropped', attributePath, `More than ${maxAttributes} custom fields and variables; "${name}" is only kept in vendor.comm100.`);
    return;
  }
  if (writeContextField(context, `attributes.${name}`, attribute) && !existed) attributeCount.value += 1;
}

function canonicalPath(canonical: string): string[] {
  const dot = canonical.indexOf('.');
  return [canonical.slice(0, dot), canonical.slice(dot + 1)];
}

function fit(text: string, path: DiagnosticPath, diagnostics: Diagnostics): string {
  if (text.length <= maxStringLength) return text;
  diagnostics.warning(
    'value_truncated',
    path,
    `This value has ${text.length} characters; a context keeps ${maxStringLength}, so it was truncated. The typed webhook event has it whole.`,
  );
  return text.slice(0, maxStringLength);
}

/** Truncates every over-long string in a bag value, so that one long message cannot fail the whole context. */
function fitStrings(value: JsonValue, path: (string | number)[], diagnostics: Diagnostics): JsonValue {
  if (typeof value === 'string') return fit(value, path, diagnostics);
  if (Array.isArray(value)) return value.map((item, index) => fitStrings(item, [...path, index], diagnostics));
  if (!isJsonObject(value)) return value;
  const copy: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    if (prototypeKeys.has(key)) {
      diagnostics.warning('field_dropped', [...path, key], `Comm100 sent a "${key}" key, which a context refuses anywhere (it can pollute prototypes); it was left out.`);
      continue;
    }
    Object.defineProperty(copy, key, { value: fitStrings(item, [...path, key], diagnostics), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}
