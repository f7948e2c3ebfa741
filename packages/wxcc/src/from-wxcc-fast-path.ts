import {
  Diagnostics,
  defaultJsonLimits,
  isJsonObject,
  ownJsonValue,
  readContextField,
  writeContextField,
  type JsonObject,
  type JsonValue,
  type MutableVisitorContext,
} from '@visitor-context/core';
import type { ResolvedFieldMap } from './wxcc-field-map.js';
import { readInboundPayload } from './wxcc-inbound-payload.js';
import { readProfileParams } from './wxcc-profile-params.js';
import { wxccVendorId } from './wxcc-vendor-bag.js';
import { checkExtra, extrasToCanonical } from './wxcc-widget-extras.js';

/**
 * Keys that make the general path report (`moveRefusedKeys`' `constructor` and `prototype`, parseJson's
 * `__proto__`): the fast path never translates a payload that has one. Compared, not looked up: it runs per key.
 */
const isRefusedKey = (key: string): boolean => key === '__proto__' || key === 'constructor' || key === 'prototype';

/**
 * How a field map sends custom chat fields to `attributes` through its `attributes.*` template, read once per
 * map: what `canonicalFor` answers, without building the dotted name for every field.
 */
interface AttributeTemplate {
  readonly prefix: string;
  readonly suffix: string;
  /** Attribute keys an explicit entry owns (`attributes.plan`), which the template never yields. */
  readonly explicitKeys: ReadonlySet<string>;
  /** Custom chat field names of the explicit entries, which never go through the template. */
  readonly explicitFieldNames: ReadonlySet<string>;
}

const attributeTemplates = new WeakMap<ResolvedFieldMap, AttributeTemplate | null>();

function attributeTemplateOf(fields: ResolvedFieldMap): AttributeTemplate | null {
  let template = attributeTemplates.get(fields);
  if (template !== undefined) return template;
  const [prefix = '', suffix = ''] = fields.attributeTemplate?.split('*') ?? [];
  const explicitKeys = new Set(
    fields.explicit.filter(([canonical]) => canonical.startsWith('attributes.')).map(([canonical]) => canonical.slice('attributes.'.length)),
  );
  const explicitFieldNames = new Set(fields.explicit.map(([, fieldName]) => fieldName));
  template = fields.attributeTemplate === undefined ? null : { prefix, suffix, explicitKeys, explicitFieldNames };
  attributeTemplates.set(fields, template);
  return template;
}

/** The attribute key the template gives a custom chat field that no explicit entry names, if any. */
function templateAttributeKey(template: AttributeTemplate, fieldName: string): string | undefined {
  const { prefix, suffix } = template;
  if (template.explicitFieldNames.has(fieldName)) return undefined;
  if (fieldName.length <= prefix.length + suffix.length || !fieldName.startsWith(prefix) || !fieldName.endsWith(suffix)) return undefined;
  const key = prefix === '' && suffix === '' ? fieldName : fieldName.slice(prefix.length, fieldName.length - suffix.length);
  return template.explicitKeys.has(key) ? undefined : key;
}

/**
 * Longest `custom_chat_attr` text that core's `parseJson` (default limits, as the general path calls it) accepts
 * without counting its UTF-8 bytes: 3 bytes per UTF-16 code unit at most. Longer texts take the general path.
 */
const longestPlainAttrText = Math.floor(defaultJsonLimits.maxBytes / 3);

/** Whether a value holds a refused key at any depth (checked without copying, unlike `moveRefusedKeys`). */
function holdsRefusedKey(value: JsonValue): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(holdsRefusedKey);
  for (const key in value) {
    if (isRefusedKey(key) || holdsRefusedKey(value[key] as JsonValue)) return true;
  }
  return false;
}

/**
 * The custom chat fields when the general path would read them without a word: `custom_chat_fields` as an
 * object, or `custom_chat_attr` as an object or as the JSON text of one, every value a string, number, boolean or
 * null (an object value makes the general path re-check it, or report it), no refused key. Otherwise undefined.
 */
function readPlainCustomFields(extras: JsonObject): JsonObject | undefined {
  const sent = ownJsonValue(extras, 'custom_chat_fields');
  let fields: JsonValue | undefined = sent;
  if (sent === undefined) {
    const attr = ownJsonValue(extras, 'custom_chat_attr');
    fields = attr;
    if (typeof attr === 'string') {
      if (attr.length > longestPlainAttrText || attr.charCodeAt(0) === 0xfeff) return undefined;
      try {
        fields = JSON.parse(attr) as JsonValue;
      } catch {
        return undefined;
      }
    }
  }
  if (!isJsonObject(fields)) return undefined;
  for (const key in fields) {
    const value = fields[key];
    if (isRefusedKey(key) || (typeof value === 'object' && value !== null)) return undefined;
  }
  return fields;
}

/**
 * The fast path of `fromWxcc`: straight from the parsed payload to the draft, for a payload the general path
 * would translate without a single diagnostic: message extras (bare, in a whole event, or flat variables) with
 * readable custom chat fields, or a page's `{ custom_chat_fields }`. Returns undefined, having reported nothing,
 * as soon as anything would need a word (an unreadable or missing `custom_chat_attr`, a value its canonical field
 * cannot hold, an unsure `Initiated from URL`, unreadable `customprofileparams`, a refused key…), and the caller
 * then takes the general path. It never copies what the payload already holds: the payload is core's fresh
 * checked copy, so the draft may share it.
 */
export function fromWxccFastPath(payload: JsonValue, fields: ResolvedFieldMap): MutableVisitorContext | undefined {
  const probe = new Diagnostics();
  const inbound = readInboundPayload(payload, probe);
  if (inbound === undefined || !inbound.recognized || inbound.extras === undefined || probe.all.length > 0) return undefined;
  const extras = inbound.extras;
  const customFields = readPlainCustomFields(extras);
  if (customFields === undefined) return undefined;

  const context: MutableVisitorContext = {};
  const customChatFields: JsonObject = {};
  const template = attributeTemplateOf(fields);
  let keptFields = false;
  for (const fieldName in customFields) {
    const value = customFields[fieldName] as string | number | boolean | null;
    // Most fields of a map with a template are attributes under the template: written without a dotted name.
    if (template !== null && value !== null) {
      const key = templateAttributeKey(template, fieldName);
      // `__proto__` must never be assigned; the general path reports every refused key anyway.
      if (key !== undefined && isRefusedKey(key)) return undefined;
      if (key !== undefined) {
        (context.attributes ??= {})[key] = value;
        continue;
      }
    }
    const canonical = fields.canonicalFor(fieldName);
    if (canonical === undefined) {
      customChatFields[fieldName] = value;
      keptFields = true;
      continue;
    }
    // The general path reports both: null for any canonical field, a number or boolean for a text one.
    if (value === null || (typeof value !== 'string' && !canonical.startsWith('attributes.'))) return undefined;
    writeContextField(context, canonical, value);
  }

  const otherExtras: JsonObject = {};
  let keptExtras = false;
  for (const key in extras) {
    if (key === 'custom_chat_attr' || key === 'custom_chat_fields') continue;
    if (isRefusedKey(key)) return undefined;
    const value = extras[key] as JsonValue;
    if (key === 'customprofileparams') {
      const profileProbe = new Diagnostics();
      const used = readProfileParams(value, context, profileProbe);
      if (profileProbe.all.length > 0) return undefined;
      if (used) continue;
    }
    const canonical = extrasToCanonical.get(key);
    const text = canonical === undefined ? undefined : checkExtra(canonical, value);
    if (canonical !== undefined && text !== undefined && readContextField(context, canonical) === undefined) {
      writeContextField(context, canonical, text);
      continue;
    }
    if (canonical === 'page.url' && typeof value === 'string' && value !== '' && text === undefined) return undefined;
    if (holdsRefusedKey(value)) return undefined;
    otherExtras[key] = value;
    keptExtras = true;
  }

  const bag: JsonObject = {};
  if (inbound.event !== undefined) {
    if (holdsRefusedKey(inbound.event)) return undefined;
    bag['event'] = inbound.event;
  }
  if (keptFields) bag['customChatFields'] = customChatFields;
  if (keptExtras) bag['extras'] = otherExtras;
  if (inbound.event !== undefined || keptFields || keptExtras) context.vendor = { [wxccVendorId]: bag };
  return context;
}
