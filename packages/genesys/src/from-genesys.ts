import * as z from 'zod/mini';
import {
  maxAttributeKeyLength,
  readContextField,
  reportUnrecognizedPayload,
  writeContextField,
  type DiagnosticPath,
  type Diagnostics,
  type JsonObject,
  type JsonValue,
  type MutableVisitorContext,
  type VisitorContext,
} from '@visitor-context/core';
import { GenesysParticipantSchema } from './genesys-api.js';
import {
  canonicalByInboundKey,
  canonicalByLegacyDottedKey,
  chatAttributePrefix,
  escapedAttributePrefix,
  isPrototypeKey,
  isVendorOnlyKey,
  legacyEscapedAttributePrefix,
  parseCustomFieldKey,
  sectionedAttributeSections,
} from './genesys-fields.js';
import { genesysPayloadShapes } from './genesys-payload-shapes.js';
import type { GenesysFromVendorOptions } from './genesys-options.js';
import { genesysVendorId } from './to-genesys.js';

/** One flat attribute map found in the payload, and where. */
interface AttributeMap {
  readonly attributes: JsonObject;
  readonly path: DiagnosticPath;
}

/** What the payload holds for the visitor: attribute maps, and what else it said about the visitor and its origin. */
interface AttributeSource {
  readonly maps: readonly AttributeMap[];
  readonly provenance: JsonObject;
  readonly displayName?: string;
  /** Open Messaging `channel.from`, with its path. */
  readonly from?: { readonly value: JsonObject; readonly path: DiagnosticPath };
}

const vendorName = 'Genesys Cloud';

/**
 * Translates a Genesys payload into a context draft. Accepts a conversation, an analytics conversation row,
 * a participant, an Open Messaging message, a bare attribute map (with or without Chat v2's `context.`
 * prefix) and every payload `toVendor` produces.
 */
export function fromGenesys(payload: JsonValue, options: GenesysFromVendorOptions, diagnostics: Diagnostics): MutableVisitorContext {
  const context: MutableVisitorContext = {};
  if (!isObject(payload)) {
    diagnostics.error(
      'not_an_object',
      [],
      'Expected a Genesys conversation, participant, attribute map or genesys payload (a JSON object).',
    );
    return context;
  }
  const source = locateAttributes(payload, options, diagnostics);
  if (source === 'unrecognized') {
    reportUnrecognizedPayload(diagnostics, vendorName, genesysPayloadShapes);
    context.vendor = { [genesysVendorId]: { unrecognized: payload } };
    return context;
  }
  if (source === undefined) return context;
  const fields: JsonObject = {};
  if (source.displayName !== undefined) writeContextField(context, 'visitor.name', source.displayName);
  for (const map of source.maps) readAttributeMap(map.attributes, map.path, context, fields, diagnostics);
  const bag: JsonObject = { ...source.provenance };
  if (source.from !== undefined) {
    readChannelFrom(source.from.value, source.from.path, context, diagnostics);
    define(bag, 'from', source.from.value);
  }
  if (Object.keys(fields).length > 0) bag['fields'] = fields;
  if (Object.keys(bag).length > 0) context.vendor = { [genesysVendorId]: bag };
  return context;
}

function locateAttributes(
  payload: JsonObject,
  options: GenesysFromVendorOptions,
  diagnostics: Diagnostics,
): AttributeSource | 'unrecognized' | undefined {
  const conversations = own(payload, 'conversations');
  if (Array.isArray(conversations)) return fromAnalyticsResponse(conversations, options, diagnostics);
  if (Array.isArray(own(payload, 'participants'))) return fromConversation(payload, [], options, diagnostics);
  if (isObject(own(payload, 'attributes'))) return fromParticipant(payload, [], {}, false, diagnostics);
  const channel = own(payload, 'channel');
  if (typeof channel === 'string') {
    const found = fromOwnPayload(payload, channel, diagnostics);
    if (found !== undefined) return found;
  }
  const nested = fromWireBody(payload, [], diagnostics);
  if (nested !== undefined) return nested;
  return isAttributeMap(payload) ? { maps: [{ attributes: payload, path: [] }], provenance: {} } : 'unrecognized';
}

/**
 * A bare map is taken for participant attributes when one of its keys is one Genesys or this adapter writes,
 * or when every value is a string, as Genesys stores participant data. Anything else (a nested payload of
 * another vendor, say) is not read as visitor attributes.
 */
function isAttributeMap(payload: JsonObject): boolean {
  const entries = Object.entries(payload);
  if (entries.length === 0) return false;
  return entries.every(([, value]) => typeof value === 'string') || entries.some(([key]) => isKnownKey(key));
}

function isKnownKey(rawKey: string): boolean {
  const key = rawKey.startsWith(chatAttributePrefix) ? rawKey.slice(chatAttributePrefix.length) : rawKey;
  return (
    rawKey !== key ||
    canonicalFieldFor(key) !== undefined ||
    isVendorOnlyKey(key) ||
    parseCustomFieldKey(key) !== undefined ||
    key.startsWith(escapedAttributePrefix) ||
    key.startsWith(legacyEscapedAttributePrefix)
  );
}

/**
 * `POST /api/v2/analytics/conversations/details/query` and details-job results hold rows in `conversations`:
 * one row is read like a conversation; several are refused, since one context cannot hold several visitors.
 */
function fromAnalyticsResponse(
  conversations: JsonValue[],
  options: GenesysFromVendorOptions,
  diagnostics: Diagnostics,
): AttributeSource | undefined {
  const [row] = conversations;
  if (conversations.length !== 1 || !isObject(row)) {
    diagnostics.error(
      'not_one_conversation',
      ['conversations'],
      `An analytics response holds ${conversations.length} conversation rows; pass each row of "conversations" to fromVendor on its own (one context per visitor).`,
    );
    return undefined;
  }
  return fromConversation(row, ['conversations', 0], options, diagnostics);
}

/** Analytics row keys read (the rest is reported as not kept). */
const readAnalyticsConversationKeys = new Set(['conversationId', 'participants']);
const readAnalyticsParticipantKeys = new Set(['participantId', 'participantName', 'purpose', 'attributes', 'externalContactId']);

/**
 * A conversation of `GET /api/v2/conversations/{id}` (`id`, participants with `id`, `name`) or an analytics
 * row (`conversationId`, participants with `participantId`, `participantName`, `sessions`).
 */
function fromConversation(
  payload: JsonObject,
  path: DiagnosticPath,
  options: GenesysFromVendorOptions,
  diagnostics: Diagnostics,
): AttributeSource | undefined {
  const participants = own(payload, 'participants');
  if (!Array.isArray(participants) || !participants.every(isObject)) {
    diagnostics.error('invalid_type', [...path, 'participants'], 'This looks like a conversation, but its participants are not Genesys participants (objects with purpose and attributes).');
    return undefined;
  }
  const analytics = own(payload, 'conversationId') !== undefined && own(payload, 'id') === undefined;
  const conversationId = analytics ? own(payload, 'conversationId') : own(payload, 'id');
  if (conversationId !== undefined && typeof conversationId !== 'string') {
    diagnostics.error('invalid_type', [...path, analytics ? 'conversationId' : 'id'], 'The conversation id must be a string.');
    return undefined;
  }
  const purpose = (options.participantPurpose ?? 'customer').toLowerCase();
  const index = participants.findIndex((participant) => {
    const value = own(participant as JsonObject, 'purpose');
    return typeof value === 'string' && value.toLowerCase() === purpose;
  });
  if (index < 0) {
    diagnostics.error(
      'no_customer_participant',
      [...path, 'participants'],
      `The conversation has no participant with purpose "${purpose}", so there is no visitor to read. Pass participantPurpose if your flows use another purpose.`,
    );
    return undefined;
  }
  const provenance: JsonObject = {};
  if (conversationId !== undefined) provenance['conversationId'] = conversationId;
  const participant = participants[index] as JsonObject;
  const participantPath = [...path, 'participants', index];
  if (analytics) reportUnreadAnalytics(payload, path, participant, participantPath, participants, diagnostics);
  return fromParticipant(participant, participantPath, provenance, analytics, diagnostics);
}

/** Analytics rows carry much besides the visitor: each part not read is named, never dropped silently. */
function reportUnreadAnalytics(
  row: JsonObject,
  path: DiagnosticPath,
  participant: JsonObject,
  participantPath: DiagnosticPath,
  participants: JsonValue[],
  diagnostics: Diagnostics,
): void {
  for (const key of Object.keys(row)) {
    if (readAnalyticsConversationKeys.has(key)) continue;
    diagnostics.warning('field_dropped', [...path, key], `The analytics row's ${key} is about the conversation, not the visitor; it is not kept.`);
  }
  participants.forEach((other, index) => {
    if (other === participant) return;
    const purpose = isObject(other) ? own(other, 'purpose') : undefined;
    diagnostics.warning(
      'field_dropped',
      [...path, 'participants', index],
      `The analytics participant ${index}${typeof purpose === 'string' ? ` (purpose "${purpose}")` : ''} is not the visitor; it is not kept.`,
    );
  });
  for (const key of Object.keys(participant)) {
    if (readAnalyticsParticipantKeys.has(key)) continue;
    diagnostics.warning('field_dropped', [...participantPath, key], `The visitor participant's ${key} (analytics) is not visitor data; it is not kept.`);
  }
  if (own(participant, 'attributes') === undefined) {
    diagnostics.warning(
      'no_participant_attributes',
      [...participantPath, 'attributes'],
      'This analytics participant has no attributes, so no visitor data was read. Genesys leaves participant attributes out of some analytics responses: use a details job, or GET /api/v2/conversations/{conversationId}.',
    );
  }
}

function fromParticipant(
  payload: JsonObject,
  path: DiagnosticPath,
  provenance: JsonObject,
  analytics: boolean,
  diagnostics: Diagnostics,
): AttributeSource | undefined {
  const parsed = z.safeParse(GenesysParticipantSchema, payload);
  const id = own(payload, analytics ? 'participantId' : 'id');
  const name = own(payload, analytics ? 'participantName' : 'name');
  const externalContactId = own(payload, 'externalContactId');
  if (!parsed.success || !isOptionalString(id) || !isOptionalString(name) || !isOptionalString(externalContactId)) {
    diagnostics.error('invalid_type', path, 'This looks like a participant, but its id, name, purpose or attributes have the wrong type.');
    return undefined;
  }
  const attributes = own(payload, 'attributes');
  const maps = isObject(attributes) ? [{ attributes, path: [...path, 'attributes'] }] : [];
  const withIds: JsonObject = { ...provenance };
  if (id !== undefined) withIds['participantId'] = id;
  if (externalContactId !== undefined) withIds['externalContactId'] = externalContactId;
  // A Chat v2 participant's name is the guest's displayName; a messaging participant's is often a placeholder
  // such as "Web Messaging Guest", so only the former is the visitor's name.
  if (name !== undefined && isChatParticipant(payload, isObject(attributes) ? attributes : {})) {
    return { maps, provenance: withIds, displayName: name };
  }
  if (name !== undefined) withIds['participantName'] = name;
  return { maps, provenance: withIds };
}

/** The payloads `toVendor` produces, so that `fromVendor(toVendor(context).value)` works. */
function fromOwnPayload(payload: JsonObject, channel: string, diagnostics: Diagnostics): AttributeSource | undefined {
  switch (channel) {
    case 'messenger':
      return fromWireBody(own(payload, 'options'), ['options'], diagnostics);
    case 'attributes': {
      const attributes = own(payload, 'customAttributes');
      return isObject(attributes) ? { maps: [{ attributes, path: ['customAttributes'] }], provenance: {} } : undefined;
    }
    case 'open-messaging':
    case 'guest-chat':
      return fromWireBody(own(payload, 'body'), ['body'], diagnostics);
    case 'web-chat': {
      const data = own(payload, 'data');
      return isObject(data) ? { maps: [{ attributes: data, path: ['data'] }], provenance: {} } : undefined;
    }
    case 'widgets':
      return fromWidgets(payload, [], diagnostics);
    default:
      return undefined;
  }
}

/**
 * The vendor's own request shapes: Database command options, the Guest API `onMessage` frame or its
 * message, an Open Messaging message (`channel.from`, `channel.metadata.customAttributes`), the Guest Chat
 * body, a Web Chat `chatConfig`, and Widgets v2 `WebChat.open` options or `webchat` config.
 */
function fromWireBody(value: JsonValue | undefined, path: DiagnosticPath, diagnostics: Diagnostics): AttributeSource | undefined {
  if (!isObject(value)) return undefined;
  const messaging = own(value, 'messaging');
  const customAttributes = isObject(messaging) ? own(messaging, 'customAttributes') : undefined;
  if (isObject(customAttributes)) {
    return { maps: [{ attributes: customAttributes, path: [...path, 'messaging', 'customAttributes'] }], provenance: {} };
  }
  const message = own(value, 'message');
  if (isObject(message)) return fromWireBody(message, [...path, 'message'], diagnostics);
  const channel = own(value, 'channel');
  if (isObject(channel)) {
    const found = fromMessageChannel(channel, [...path, 'channel']);
    if (found !== undefined) return found;
  }
  const memberInfo = own(value, 'memberInfo');
  const customFields = isObject(memberInfo) ? own(memberInfo, 'customFields') : undefined;
  if (isObject(memberInfo) && isObject(customFields)) {
    const displayName = own(memberInfo, 'displayName');
    return {
      maps: [{ attributes: customFields, path: [...path, 'memberInfo', 'customFields'] }],
      provenance: {},
      ...(typeof displayName === 'string' ? { displayName } : {}),
    };
  }
  const data = own(value, 'data');
  if (isObject(data) && Object.keys(value).some((key) => key === 'orgId' || key === 'webchatAppUrl' || key === 'queueName')) {
    return { maps: [{ attributes: data, path: [...path, 'data'] }], provenance: {} };
  }
  return fromWidgets(value, path, diagnostics);
}

/** An Open Messaging message's `channel`: custom attributes at `metadata.customAttributes`, the sender in `from`. */
function fromMessageChannel(channel: JsonObject, path: DiagnosticPath): AttributeSource | undefined {
  const metadata = own(channel, 'metadata');
  const customAttributes = isObject(metadata) ? own(metadata, 'customAttributes') : undefined;
  const from = own(channel, 'from');
  const maps = isObject(customAttributes) ? [{ attributes: customAttributes, path: [...path, 'metadata', 'customAttributes'] }] : [];
  if (!isObject(from)) return maps.length > 0 ? { maps, provenance: {} } : undefined;
  return { maps, provenance: {}, from: { value: from, path: [...path, 'from'] } };
}

/** Widgets v2 registration-form options that are not data: `WebChat.open({ form: { autoSubmit: true, … } })`. */
const widgetsFormOptions = new Set(['autoSubmit']);

/**
 * Widgets v2: `WebChat.open` options (`form`, `userData`), a `webchat` config with `userData`, or the whole
 * `window._genesys` config (`widgets.webchat`).
 */
function fromWidgets(value: JsonObject, path: DiagnosticPath, diagnostics: Diagnostics): AttributeSource | undefined {
  const widgets = own(value, 'widgets');
  const webchat = isObject(widgets) ? own(widgets, 'webchat') : undefined;
  if (isObject(webchat)) return fromWidgets(webchat, [...path, 'widgets', 'webchat'], diagnostics);
  const form = own(value, 'form');
  const userData = own(value, 'userData');
  const formHasFields = isObject(form) && Object.keys(form).some((key) => ['firstname', 'lastname', 'email', 'subject'].includes(key.toLowerCase()));
  if (!isObject(userData) && !formHasFields) return undefined;
  const maps: AttributeMap[] = [];
  if (isObject(form)) {
    const fields: JsonObject = {};
    for (const [key, entry] of Object.entries(form)) {
      if (widgetsFormOptions.has(key)) {
        diagnostics.warning('field_dropped', [...path, 'form', key], `form.${key} is a Widgets option, not visitor data; it is not kept.`);
      } else define(fields, key, entry);
    }
    maps.push({ attributes: fields, path: [...path, 'form'] });
  }
  if (isObject(userData)) maps.push({ attributes: userData, path: [...path, 'userData'] });
  return { maps, provenance: {} };
}

/**
 * Open Messaging `channel.from` (`OpenMessagingFromRecipient`): first and last name, email and nickname
 * describe the visitor. `id` is the visitor's id *on the messaging channel* (a phone number, an email address
 * or an opaque id, as `idType` says), not your site's visitor id: it fills `visitor.phone` or `visitor.email`
 * when its type says it is one, and otherwise stays in `vendor.genesys.from` only.
 * The custom attributes come first: a field they set is not overwritten.
 */
function readChannelFrom(from: JsonObject, path: DiagnosticPath, context: MutableVisitorContext, diagnostics: Diagnostics): void {
  const text = (key: string): string | undefined => {
    const value = own(from, key);
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  };
  const fill = (canonical: string, value: string | undefined): void => {
    if (value !== undefined && readContextField(context as VisitorContext, canonical) === undefined) writeContextField(context, canonical, value);
  };
  const firstName = text('firstName');
  const lastName = text('lastName');
  fill('visitor.firstName', firstName);
  fill('visitor.lastName', lastName);
  fill('visitor.email', text('email'));
  const fullName = [firstName, lastName].filter((part) => part !== undefined).join(' ');
  fill('visitor.name', fullName === '' ? text('nickname') : fullName);
  const id = text('id');
  if (id === undefined) return;
  const idType = (text('idType') ?? '').toLowerCase();
  if (idType === 'email' || idType === 'phone') {
    fill(idType === 'email' ? 'visitor.email' : 'visitor.phone', id);
    return;
  }
  diagnostics.warning(
    'channel_id_kept',
    [...path, 'id'],
    `channel.from.id is the visitor's id on the messaging channel (idType "${text('idType') ?? 'none'}"), not your site's visitor id, so it is kept in vendor.${genesysVendorId}.from and not read as visitor.id. Send your own id as the customerId custom attribute.`,
  );
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
    const escaped = unescapeAttributeKey(key);
    if (escaped !== undefined) {
      writeAttribute(escaped, value, path);
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
    if (isVendorOnlyKey(key) || isSectionedDottedKey(key)) keep(key, value);
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

/** `attributes_email` (and the earlier `attributes.email`) → `email`; undefined for other keys. */
function unescapeAttributeKey(key: string): string | undefined {
  for (const prefix of [escapedAttributePrefix, legacyEscapedAttributePrefix]) {
    if (key.startsWith(prefix) && key.length > prefix.length) return key.slice(prefix.length);
  }
  return undefined;
}

/** `firstName`/`firstname`/`_genesys_url`/`pageUrl` by table (any case); the earlier dotted `page.url` exactly. */
function canonicalFieldFor(key: string): string | undefined {
  return canonicalByInboundKey.get(key.toLowerCase()) ?? canonicalByLegacyDottedKey.get(key);
}

/** `page.x`, `device.x`, `location.x` that name no canonical field: kept, never read as an attribute. */
function isSectionedDottedKey(key: string): boolean {
  return sectionedAttributeSections.some((section) => key.startsWith(`${section}.`));
}

function isAttributeValue(value: JsonValue): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isAttributeKey(key: string): boolean {
  return key.length > 0 && key.length <= maxAttributeKeyLength && !/[\u0000-\u001f\u007f-\u009f]/.test(key);
}

function isChatParticipant(participant: JsonObject, attributes: JsonObject): boolean {
  const chats = own(participant, 'chats');
  const sessions = own(participant, 'sessions');
  return (
    (Array.isArray(chats) && chats.length > 0) ||
    (Array.isArray(sessions) && sessions.some((session) => isObject(session) && own(session, 'mediaType') === 'chat')) ||
    Object.keys(attributes).some((key) => key.startsWith(chatAttributePrefix))
  );
}

function isOptionalString(value: JsonValue | undefined): value is string | undefined {
  return value === undefined || typeof value === 'string';
}

/** Reads an own property only: the payload is untrusted, and `toString` must never find `Object.prototype`'s. */
function own(target: JsonObject, key: string): JsonValue | undefined {
  return Object.hasOwn(target, key) ? target[key] : undefined;
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function define(target: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
