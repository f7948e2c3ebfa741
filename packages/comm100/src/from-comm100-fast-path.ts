import {
  Diagnostics,
  defaultVisitorContextLimits,
  isJsonObject,
  ownJsonValue,
  readContextField,
  setOwnJsonValue,
  withJsonEntry,
  writeContextField,
  type JsonObject,
  type JsonValue,
  type MutableVisitorContext,
  type VisitorContext,
} from '@visitor-context/core';
import { comm100WebhookEventNames } from './comm100-api.js';
import { comm100VisitorFieldMap } from './comm100-capabilities.js';
import type { Comm100FromVendorOptions } from './comm100-options.js';
import { matchesComm100WebhookSchema } from './comm100-webhook-shape.js';
import { attributeSources, prototypeKeys, withoutCarriedValues } from './comm100-webhook-sources.js';
import { normalizeComm100Webhook } from './parse-comm100-webhook.js';

const { maxStringLength, maxAttributes } = defaultVisitorContextLimits;
const visitorFields = new Map(comm100VisitorFieldMap);
const eventNames: ReadonlySet<string> = new Set(comm100WebhookEventNames);

/**
 * Whether a bag value is what the general path's `fitStrings` copies unchanged: no string longer than a
 * context keeps and no refused key, at any depth. Checked without copying.
 */
function fitsAsIs(value: JsonValue): boolean {
  if (typeof value === 'string') return value.length <= maxStringLength;
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) return value.every(fitsAsIs);
  for (const key in value) {
    if (prototypeKeys.has(key) || !fitsAsIs(value[key] as JsonValue)) return false;
  }
  return true;
}

/**
 * The fast path of `fromComm100`: straight from the parsed webhook to the draft, for a webhook the general path
 * would translate without a single diagnostic (a known event that matches its schema, dates that read, visitor
 * fields that are text, custom fields and variables that fit). Returns undefined, having reported nothing, as
 * soon as anything would need a word (a transcript to omit, a value to coerce or truncate, a conflicting or
 * refused attribute, too many attributes…), and the caller then takes the general path. The vendor bag is checked
 * in place instead of copied: the payload is core's fresh checked copy, so the draft may share it.
 */
export function fromComm100FastPath(payload: JsonValue, options: Comm100FromVendorOptions): MutableVisitorContext | undefined {
  if (!isJsonObject(payload)) return undefined;
  const event = ownJsonValue(payload, 'event');
  if (typeof event !== 'string' || !eventNames.has(event)) return undefined;
  const probe = new Diagnostics();
  const normalized = normalizeComm100Webhook(payload, probe) as JsonObject;
  if (probe.all.length > 0 || !matchesComm100WebhookSchema(normalized, event)) return undefined;

  const context: MutableVisitorContext = {};
  const bag: JsonObject = {};
  for (const key in normalized) if (key !== 'visitor') bag[key] = normalized[key] as JsonValue;
  const chat = ownJsonValue(bag, 'chat');
  if (isJsonObject(chat) && Object.hasOwn(chat, 'chat_transcript')) {
    // The general path says the transcript was left out, unless the caller delivers it some other way.
    if (options.transcriptDelivered !== true) return undefined;
    const { chat_transcript: _transcript, ...rest } = chat;
    bag['chat'] = rest;
  }

  const variableFields = new Map<string, string>();
  for (const canonical in options.fieldVariables) variableFields.set(options.fieldVariables[canonical as keyof typeof options.fieldVariables] as string, canonical);
  const visitor = ownJsonValue(normalized, 'visitor');
  // Which visitor key filled a canonical field: needed only where a custom variable may fill it too.
  const vendorKeyOf = variableFields.size > 0 ? new Map<string, string>() : undefined;
  if (isJsonObject(visitor)) {
    const visitorBag: JsonObject = {};
    for (const key in visitor) {
      const value = visitor[key] as JsonValue;
      const canonical = visitorFields.get(key);
      if (canonical !== undefined && (typeof value === 'number' || typeof value === 'boolean' || (typeof value === 'string' && value.length > maxStringLength))) {
        return undefined;
      }
      if (canonical === undefined || typeof value !== 'string' || value === '') {
        visitorBag[key] = value;
        continue;
      }
      writeContextField(context, canonical, value);
      vendorKeyOf?.set(canonical, key);
    }
    bag['visitor'] = visitorBag;
  } else if (visitor !== undefined) {
    bag['visitor'] = visitor;
  }

  const canonicalOf = (source: string, name: string): string | undefined =>
    source === 'custom_fields' ? undefined : variableFields.get(name);
  let attributeCount = 0;
  for (const [section, key] of attributeSources) {
    const owner = ownJsonValue(normalized, section);
    const items = isJsonObject(owner) ? ownJsonValue(owner, key) : undefined;
    if (!Array.isArray(items)) continue;
    for (const item of items) {
      const name = isJsonObject(item) ? ownJsonValue(item, 'name') : undefined;
      if (!isJsonObject(item) || typeof name !== 'string') continue;
      const value = ownJsonValue(item, 'value');
      if (value === undefined || value === null || value === '') continue;
      // The general path words each of these: a value to convert or truncate, a refused or empty key.
      if (typeof value === 'object' || (typeof value === 'string' && value.length > maxStringLength)) return undefined;
      const canonical = canonicalOf(key, name);
      if (canonical !== undefined) {
        if (typeof value !== 'string') return undefined;
        const measured = readContextField(context as VisitorContext, canonical);
        const vendorKey = vendorKeyOf?.get(canonical);
        const visitorBag = ownJsonValue(bag, 'visitor');
        // The custom variable was set on purpose, so it wins; Comm100's own measurement stays in the bag.
        if (measured !== undefined && vendorKey !== undefined && isJsonObject(visitorBag)) setOwnJsonValue(visitorBag, vendorKey, measured);
        writeContextField(context, canonical, value);
        continue;
      }
      if (name === '' || prototypeKeys.has(name)) return undefined;
      const attributes = (context.attributes ??= {});
      if (Object.hasOwn(attributes, name)) {
        if (attributes[name] !== value) return undefined;
      } else if (attributeCount >= maxAttributes) {
        return undefined;
      } else {
        attributeCount += 1;
      }
      attributes[name] = value;
    }
  }

  for (const [section, key] of attributeSources) {
    const owner = ownJsonValue(bag, section);
    if (!isJsonObject(owner) || !Object.hasOwn(owner, key)) continue;
    const kept = withoutCarriedValues(owner[key] as JsonValue, (name, value) => {
      const carried = readContextField(context as VisitorContext, canonicalOf(key, name) ?? `attributes.${name}`);
      return carried !== undefined && carried === value;
    });
    bag[section] = withJsonEntry(owner, key, kept);
  }

  if (!fitsAsIs(bag)) return undefined;
  context.vendor = { comm100: bag };
  return context;
}
