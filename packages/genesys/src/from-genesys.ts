import * as z from 'zod/mini';
import {
  maxAttributeKeyLength,
  visitorContextFields,
  writeContextField,
  readContextField,
  type DiagnosticPath,
  type Diagnostics,
  type JsonObject,
  type JsonValue,
  type MutableVisitorContext,
  type VisitorContext,
  type VisitorContextSection,
} from '@visitor-context/core';
import { GenesysConversationSchema, GenesysParticipantSchema, type GenesysParticipant } from './genesys-api.js';
import {
  canonicalByInboundKey,
  chatAttributePrefix,
  escapedAttributePrefix,
  isVendorOnlyKey,
  namespacedSections,
  parseCustomFieldKey,
} from './genesys-fields.js';
import type { GenesysFromVendorOptions } from './genesys-options.js';
import { genesysVendorId } from './to-genesys.js';

/** Where the flat attribute map was found, and what else the input said about its origin. */
interface AttributeSource {
  readonly attributes: JsonObject;
  readonly path: DiagnosticPath;
  readonly provenance: JsonObject;
  readonly displayName?: string;
}

/**
 * Translates a Genesys payload into a context draft. Accepts a conversation, a participant, a bare
 * attribute map (with or without Chat v2's `context.` prefix) and every payload `toVendor` produces.
 */
export function fromGenesys(payload: JsonValue, options: GenesysFromVendorOptions, diagnostics: Diagnostics): MutableVisitorContext {
  const source = locateAttributes(payload, options, diagnostics);
  const context: MutableVisitorContext = {};
  if (source === undefined) return context;
  const fields: JsonObject = {};
  if (source.displayName !== undefined) writeContextField(context, 'visitor.name', source.displayName);
  readAttributeMap(source.attributes, source.path, context, fields, diagnostics);
  const bag: JsonObject = { ...source.provenance };
  if (Object.keys(fields).length > 0) bag['fields'] = fields;
  if (Object.keys(bag).length > 0) context.vendor = { [genesysVendorId]: bag };
  return context;
}

function locateAttributes(payload: JsonValue, options: GenesysFromVendorOptions, diagnostics: Diagnostics): AttributeSource | undefined {
  if (!isObject(payload)) {
    diagnostics.error(
      'not_an_object',
      [],
      'Expected a Genesys conversation, participant, attribute map or genesys payload (a JSON object).',
    );
    return undefined;
  }
  if (Array.isArray(payload['participants'])) return fromConversation(payload, options, diagnostics);
  if (isObject(payload['attributes'])) return fromParticipant(payload, [], {}, diagnostics);
  const channel = payload['channel'];
  if (typeof channel === 'string') {
    const found = fromOwnPayload(payload, channel);
    if (found !== undefined) return found;
  }
  const nested = fromWireBody(payload, []);
  if (nested !== undefined) return nested;
  return { attributes: payload, path: [], provenance: {} };
}

function fromConversation(payload: JsonObject, options: GenesysFromVendorOptions, diagnostics: Diagnostics): AttributeSource | undefined {
  const parsed = z.safeParse(GenesysConversationSchema, payload);
  if (!parsed.success) {
    diagnostics.error('invalid_type', ['participants'], 'This looks like a conversation, but its participants are not Genesys participants (objects with purpose and attributes).');
    return undefined;
  }
  const purpose = (options.participantPurpose ?? 'customer').toLowerCase();
  const index = parsed.data.participants.findIndex((participant) => participant.purpose?.toLowerCase() === purpose);
  if (index < 0) {
    diagnostics.error(
      'no_customer_participant',
      ['participants'],
      `The conversation has no participant with purpose "${purpose}", so there is no visitor to read. Pass participantPurpose if your flows use another purpose.`,
    );
    return undefined;
  }
  const provenance: JsonObject = {};
  if (parsed.data.id !== undefined) provenance['conversationId'] = parsed.data.id;
  const participants = payload['participants'] as JsonValue[];
  return fromParticipant(participants[index] as JsonObject, ['participants', index], provenance, diagnostics);
}

function fromParticipant(
  payload: JsonObject,
  path: DiagnosticPath,
  provenance: JsonObject,
  diagnostics: Diagnostics,
): AttributeSource | undefined {
  const parsed = z.safeParse(GenesysParticipantSchema, payload);
  if (!parsed.success) {
    diagnostics.error('invalid_type', path, 'This looks like a participant, but its id, name, purpose or attributes have the wrong type.');
    return undefined;
  }
  const participant: GenesysParticipant = parsed.data;
  const attributes = (payload['attributes'] as JsonObject | undefined) ?? {};
  const withIds: JsonObject = { ...provenance };
  if (participant.id !== undefined) withIds['participantId'] = participant.id;
  // A Chat v2 participant's name is the guest's displayName; a messaging participant's is often a placeholder
  // such as "Web Messaging Guest", so only the former is the visitor's name.
  if (participant.name !== undefined && isChatParticipant(payload, attributes)) {
    return { attributes, path: [...path, 'attributes'], provenance: withIds, displayName: participant.name };
  }
  if (participant.name !== undefined) withIds['participantName'] = participant.name;
  return { attributes, path: [...path, 'attributes'], provenance: withIds };
}

/** The payloads `toVendor` produces, so that `fromVendor(toVendor(context).value)` works. */
function fromOwnPayload(payload: JsonObject, channel: string): AttributeSource | undefined {
  switch (channel) {
    case 'messenger':
      return fromWireBody(payload['options'], ['options']);
    case 'attributes':
      return isObject(payload['customAttributes'])
        ? { attributes: payload['customAttributes'], path: ['customAttributes'], provenance: {} }
        : undefined;
    case 'open-messaging':
    case 'guest-chat':
      return fromWireBody(payload['body'], ['body']);
    case 'web-chat':
      return isObject(payload['data']) ? { attributes: payload['data'], path: ['data'], provenance: {} } : undefined;
    default:
      return undefined;
  }
}

/**
 * The vendor's own request shapes: Database command options, the Guest API `onMessage` frame or its
 * message (also an Open Messaging message), the Guest Chat body, and a Web Chat `chatConfig`.
 */
function fromWireBody(value: JsonValue | undefined, path: DiagnosticPath): AttributeSource | undefined {
  if (!isObject(value)) return undefined;
  const messaging = value['messaging'];
  if (isObject(messaging) && isObject(messaging['customAttributes'])) {
    return { attributes: messaging['customAttributes'], path: [...path, 'messaging', 'customAttributes'], provenance: {} };
  }
  const message = value['message'];
  if (isObject(message)) return fromWireBody(message, [...path, 'message']);
  const channel = value['channel'];
  const metadata = isObject(channel) ? channel['metadata'] : undefined;
  if (isObject(metadata) && isObject(metadata['customAttributes'])) {
    return { attributes: metadata['customAttributes'], path: [...path, 'channel', 'metadata', 'customAttributes'], provenance: {} };
  }
  const memberInfo = value['memberInfo'];
  if (isObject(memberInfo) && isObject(memberInfo['customFields'])) {
    const displayName = memberInfo['displayName'];
    return {
      attributes: memberInfo['customFields'],
      path: [...path, 'memberInfo', 'customFields'],
      provenance: {},
      ...(typeof displayName === 'string' ? { displayName } : {}),
    };
  }
  if (isObject(value['data']) && Object.keys(value).some((key) => key === 'orgId' || key === 'webchatAppUrl' || key === 'queueName')) {
    return { attributes: value['data'], path: [...path, 'data'], provenance: {} };
  }
  return undefined;
}

interface CustomFieldSlot {
  value?: { key: string; value: JsonValue };
  label?: { key: string; value: JsonValue };
}

function readAttributeMap(
  map: JsonObject,
  basePath: DiagnosticPath,
  context: MutableVisitorContext,
  fields: JsonObject,
  diagnostics: Diagnostics,
): void {
  const slots = new Map<number, CustomFieldSlot>();
  const keep = (key: string, value: JsonValue): void => {
    if (!Object.hasOwn(fields, key)) define(fields, key, value);
  };
  const writeAttribute = (key: string, value: JsonValue, path: DiagnosticPath): void => {
    if (isPrototypeKey(key)) {
      diagnostics.warning('field_dropped', path, `The key "${key}" is refused because it can pollute prototypes; its value is not kept.`);
      return;
    }
    if (!isAttributeValue(value) || !isAttributeKey(key) || Object.hasOwn(context.attributes ?? {}, key)) {
      keep(key, value);
      return;
    }
    writeContextField(context, `attributes.${key}`, value);
  };

  for (const [rawKey, value] of Object.entries(map)) {
    const path = [...basePath, rawKey];
    const key = rawKey.startsWith(chatAttributePrefix) ? rawKey.slice(chatAttributePrefix.length) : rawKey;
    if (isPrototypeKey(key)) {
      diagnostics.warning('field_dropped', path, `The key "${key}" is refused because it can pollute prototypes; its value is not kept.`);
      continue;
    }
    if (key.startsWith(escapedAttributePrefix) && key.length > escapedAttributePrefix.length) {
      writeAttribute(key.slice(escapedAttributePrefix.length), value, path);
      continue;
    }
    const slot = parseCustomFieldKey(key);
    if (slot !== undefined) {
      const entry = slots.get(slot.index) ?? {};
      entry[slot.label ? 'label' : 'value'] = { key, value };
      slots.set(slot.index, entry);
      continue;
    }
    const canonical = canonicalFieldFor(key);
    if (canonical !== undefined) {
      if (typeof value !== 'string' || readContextField(context as VisitorContext, canonical) !== undefined) keep(key, value);
      else writeContextField(context, canonical, value);
      continue;
    }
    if (isVendorOnlyKey(key) || isNamespaced(key)) keep(key, value);
    else writeAttribute(key, value, path);
  }

  for (const index of [...slots.keys()].sort((a, b) => a - b)) {
    const { value, label } = slots.get(index) as CustomFieldSlot;
    const labelled =
      value !== undefined &&
      label !== undefined &&
      typeof label.value === 'string' &&
      isAttributeKey(label.value) &&
      !isPrototypeKey(label.value) &&
      isAttributeValue(value.value) &&
      !Object.hasOwn(context.attributes ?? {}, label.value);
    const blank = (part: { value: JsonValue } | undefined): boolean => part === undefined || part.value === '';
    if (blank(value) && blank(label)) continue; // an unused slot of the form carries no data
    if (labelled) {
      writeContextField(context, `attributes.${label.value as string}`, value.value as string | number | boolean);
    } else {
      if (value !== undefined) writeAttribute(value.key, value.value, [...basePath, value.key]);
      if (label !== undefined) keep(label.key, label.value);
    }
  }
}

/** `firstName`/`firstname`/`_genesys_url` by table; `page.url`-style keys by the canonical model. */
function canonicalFieldFor(key: string): string | undefined {
  const known = canonicalByInboundKey.get(key.toLowerCase());
  if (known !== undefined) return known;
  const dot = key.indexOf('.');
  const section = key.slice(0, dot);
  if (dot < 0 || !(namespacedSections as readonly string[]).includes(section)) return undefined;
  const fieldNames = visitorContextFields[section as VisitorContextSection] as readonly string[];
  return fieldNames.includes(key.slice(dot + 1)) ? key : undefined;
}

function isNamespaced(key: string): boolean {
  return namespacedSections.some((section) => key.startsWith(`${section}.`));
}

function isAttributeValue(value: JsonValue): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isAttributeKey(key: string): boolean {
  return key.length > 0 && key.length <= maxAttributeKeyLength && !/[\u0000-\u001f\u007f-\u009f]/.test(key);
}

function isPrototypeKey(key: string): boolean {
  return key === '__proto__' || key === 'constructor' || key === 'prototype';
}

function isChatParticipant(participant: JsonObject, attributes: JsonObject): boolean {
  const chats = participant['chats'];
  return (Array.isArray(chats) && chats.length > 0) || Object.keys(attributes).some((key) => key.startsWith(chatAttributePrefix));
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function define(target: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
