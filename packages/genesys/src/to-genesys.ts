import {
  formatPath,
  listContextFields,
  readContextField,
  type ContextField,
  type Diagnostics,
  type JsonValue,
  type VisitorContext,
} from '@visitor-context/core';
import type {
  GenesysChatFields,
  GenesysCustomAttributes,
  GenesysGuestChatBody,
  GenesysOnMessageBody,
  GenesysPayload,
} from './genesys-api.js';
import {
  attributeKeyByCanonical,
  chatCustomFieldCount,
  chatFieldByCanonical,
  escapedAttributePrefix,
  guestChatPageFieldByCanonical,
  guestChatVendorOnlyFields,
  needsEscaping,
  webChatVendorOnlyFields,
} from './genesys-fields.js';
import type { GenesysToVendorOptions } from './genesys-options.js';
import type { ResolvedGenesysToVendorOptions } from './resolve-genesys-options.js';

/** The adapter id, also the key of the `vendor.genesys` bag. */
export const genesysVendorId = 'genesys';

/** Bag entries `fromVendor` writes about where the data came from; they are not visitor data to send back. */
const provenanceKeys = new Set(['conversationId', 'participantId', 'participantName']);

/** Bag entries sent back to Genesys: kept vendor fields, and values the canonical model refused (core's `rejectedFields`). */
const returnedKeys = new Set(['fields', 'rejectedFields']);

/**
 * Translates a context into the payload of the chosen channel. Pure and zod-free (the `./browser` translator
 * runs it too); every loss is reported. The options come from `resolveGenesysToVendorOptions`, which decides
 * the channel and command.
 */
export function toGenesys(context: VisitorContext, options: ResolvedGenesysToVendorOptions, diagnostics: Diagnostics): GenesysPayload {
  const { channel } = options;
  switch (channel) {
    case 'messenger':
      return {
        channel,
        command: options.command,
        options: { messaging: { customAttributes: toCustomAttributes(context, diagnostics) } },
      };
    case 'attributes':
      return { channel, customAttributes: toCustomAttributes(context, diagnostics) };
    case 'open-messaging': {
      const body: GenesysOnMessageBody = {
        action: 'onMessage',
        message: {
          type: 'Text',
          text: options.text ?? '',
          channel: { metadata: { customAttributes: toCustomAttributes(context, diagnostics) } },
        },
      };
      if (options.token !== undefined) body.token = options.token;
      return { channel, body };
    }
    case 'web-chat':
      return { channel, data: toChatFields(context, 'web-chat', diagnostics) };
    case 'guest-chat':
      return { channel, body: toGuestChatBody(context, options, diagnostics) };
  }
}

function toCustomAttributes(context: VisitorContext, diagnostics: Diagnostics): GenesysCustomAttributes {
  const attributes: GenesysCustomAttributes = {};
  for (const field of listContextFields(context)) {
    const [section, name] = field.path as [string, string];
    let key: string;
    if (section === 'attributes') {
      key = name;
      if (needsEscaping(name)) {
        key = `${escapedAttributePrefix}${name}`;
        diagnostics.warning(
          'field_renamed',
          field.path,
          `The attribute "${name}" would be read back by Genesys flows and by fromVendor as another field, so it is sent as the custom attribute "${key}".`,
        );
      }
    } else if (section === 'visitor') {
      key = attributeKeyByCanonical[field.name] as string;
    } else {
      key = field.name;
    }
    define(attributes, key, asString(field, diagnostics));
  }
  for (const [key, value] of vendorFields(context)) {
    const path = ['vendor', genesysVendorId, 'fields', key];
    if (Object.hasOwn(attributes, key)) {
      diagnostics.warning('field_dropped', path, `The custom attribute "${key}" is already set from the context, so the kept Genesys value is not sent.`);
    } else if (typeof value === 'string') {
      define(attributes, key, value);
    } else {
      define(attributes, key, JSON.stringify(value));
      diagnostics.warning('value_coerced', path, `Genesys custom attributes are strings, so ${formatPath(path)} is sent as JSON text.`);
    }
  }
  for (const [name, value] of rejectedFields(context)) {
    const [section, field] = name.split('.');
    const key = section === 'visitor' ? attributeKeyByCanonical[name] : field === undefined ? undefined : name;
    sendBack(attributes, key, value, name, diagnostics);
  }
  reportUnknownVendorEntries(context, diagnostics);
  return attributes;
}

type ChatChannel = 'web-chat' | 'guest-chat';

function toChatFields(context: VisitorContext, channel: ChatChannel, diagnostics: Diagnostics): GenesysChatFields {
  const fields: GenesysChatFields = {};
  const carried = new Set<string>();
  const named: Readonly<Record<string, string>> =
    channel === 'guest-chat' ? { ...chatFieldByCanonical, ...guestChatPageFieldByCanonical } : chatFieldByCanonical;
  for (const [canonical, key] of Object.entries(named)) {
    const value = readContextField(context, canonical);
    if (value === undefined) continue;
    define(fields, key, String(value));
    carried.add(canonical);
  }
  splitName(context, channel, fields, diagnostics);
  carried.add('visitor.name');

  let slot = 0;
  for (const field of listContextFields(context)) {
    if (carried.has(field.name)) continue;
    if (field.path[0] !== 'attributes') {
      diagnostics.warning(
        'field_dropped',
        field.path,
        channel === 'web-chat'
          ? `Web Chat v2 has no field for ${field.name}; the widget reports the page and browser itself. Put it in attributes to send it as a custom field.`
          : `The Guest Chat API has no field for ${field.name}. Put it in attributes to send it as a custom field.`,
      );
      continue;
    }
    if (slot >= chatCustomFieldCount) {
      diagnostics.warning(
        'field_dropped',
        field.path,
        `Genesys chat carries only ${chatCustomFieldCount} custom fields (customField1..${chatCustomFieldCount}); ${formatPath(field.path)} does not fit. Order attributes by importance, or use Web Messaging.`,
      );
      continue;
    }
    slot++;
    define(fields, `customField${slot}Label`, String(field.path[1]));
    define(fields, `customField${slot}`, asString(field, diagnostics));
  }

  const vendorOnly: readonly string[] = channel === 'guest-chat' ? guestChatVendorOnlyFields : webChatVendorOnlyFields;
  for (const [key, value] of vendorFields(context)) {
    const path = ['vendor', genesysVendorId, 'fields', key];
    if (!vendorOnly.includes(key) || typeof value !== 'string' || Object.hasOwn(fields, key)) {
      diagnostics.warning(
        'field_dropped',
        path,
        `${channel === 'web-chat' ? 'The Web Chat v2 data block' : 'Guest Chat customFields'} cannot carry the kept Genesys field "${key}"; it is not sent.`,
      );
      continue;
    }
    define(fields, key, value);
  }
  for (const [name, value] of rejectedFields(context)) sendBack(fields, named[name], value, name, diagnostics);
  reportUnknownVendorEntries(context, diagnostics);
  return fields;
}

/**
 * Chat channels show the visitor by first and last name. Without those, the one name is split at its last
 * space, which is a guess (name order differs by culture), hence the warning.
 */
function splitName(context: VisitorContext, channel: ChatChannel, fields: GenesysChatFields, diagnostics: Diagnostics): void {
  const visitor = context.visitor;
  const name = visitor?.name;
  if (name === undefined) return;
  const path = ['visitor', 'name'];
  if (visitor?.firstName !== undefined || visitor?.lastName !== undefined) {
    const joined = [visitor.firstName, visitor.lastName].filter((part) => part !== undefined).join(' ');
    if (channel === 'web-chat' && joined !== name) {
      diagnostics.warning(
        'field_dropped',
        path,
        `Web Chat v2 has only firstName and lastName, which are set; visitor.name ("${name}" differs from "${joined}") is not sent.`,
      );
    }
    return;
  }
  const words = name.trim().split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) {
    if (channel === 'web-chat') diagnostics.warning('field_dropped', path, 'visitor.name is blank, so there is no first or last name to send.');
    return;
  }
  const lastName = words.length > 1 ? words.pop() : undefined;
  define(fields, 'firstName', words.join(' '));
  if (lastName !== undefined) define(fields, 'lastName', lastName);
  diagnostics.warning(
    'value_guessed',
    path,
    `Genesys chat needs firstName and lastName; visitor.name was split into firstName "${words.join(' ')}"${lastName === undefined ? ' and no lastName' : ` and lastName "${lastName}"`}. Set visitor.firstName and visitor.lastName to avoid the guess.`,
  );
}

function toGuestChatBody(context: VisitorContext, options: GenesysToVendorOptions, diagnostics: Diagnostics): GenesysGuestChatBody {
  const customFields = toChatFields(context, 'guest-chat', diagnostics);
  const visitor = context.visitor;
  const displayName =
    visitor?.name ?? ([visitor?.firstName, visitor?.lastName].filter((part) => part !== undefined).join(' ') || undefined);
  const body: GenesysGuestChatBody = {
    memberInfo: { ...(displayName === undefined ? {} : { displayName }), role: 'CUSTOMER', customFields },
  };
  if (options.organizationId !== undefined) body.organizationId = options.organizationId;
  if (options.deploymentId !== undefined) body.deploymentId = options.deploymentId;
  if (options.routingTarget !== undefined) body.routingTarget = options.routingTarget;
  return body;
}

function asString(field: ContextField, diagnostics: Diagnostics): string {
  if (typeof field.value === 'string') return field.value;
  diagnostics.warning(
    'value_coerced',
    field.path,
    `Genesys stores participant data as strings, so ${formatPath(field.path)} (${typeof field.value}) is sent as "${String(field.value)}".`,
  );
  return String(field.value);
}

/** The Genesys fields `fromVendor` kept in `vendor.genesys.fields`, to send back. */
function vendorFields(context: VisitorContext): [string, JsonValue][] {
  const fields = context.vendor?.[genesysVendorId]?.['fields'];
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return [];
  return Object.entries(fields);
}

/**
 * Values Genesys sent that the canonical model refused (say an email "n/a"), which core kept in
 * `rejectedFields` under their canonical name: sent back under the same Genesys field, so nothing is lost.
 */
function rejectedFields(context: VisitorContext): [string, JsonValue][] {
  const rejected = context.vendor?.[genesysVendorId]?.['rejectedFields'];
  if (typeof rejected !== 'object' || rejected === null || Array.isArray(rejected)) return [];
  return Object.entries(rejected);
}

function sendBack(target: Record<string, string>, key: string | undefined, value: JsonValue, name: string, diagnostics: Diagnostics): void {
  const path = ['vendor', genesysVendorId, 'rejectedFields', name];
  if (key === undefined || typeof value !== 'string' || Object.hasOwn(target, key)) {
    diagnostics.warning('field_dropped', path, `The kept Genesys value for ${name} has no free field on this channel; it is not sent.`);
    return;
  }
  define(target, key, value);
}

function reportUnknownVendorEntries(context: VisitorContext, diagnostics: Diagnostics): void {
  for (const key of Object.keys(context.vendor?.[genesysVendorId] ?? {})) {
    if (returnedKeys.has(key) || provenanceKeys.has(key)) continue;
    diagnostics.warning('field_dropped', ['vendor', genesysVendorId, key], `vendor.${genesysVendorId}.${key} is not something Genesys receives; it is not sent.`);
  }
  const fields = context.vendor?.[genesysVendorId]?.['fields'];
  if (fields !== undefined && (typeof fields !== 'object' || fields === null || Array.isArray(fields))) {
    diagnostics.warning('field_dropped', ['vendor', genesysVendorId, 'fields'], `vendor.${genesysVendorId}.fields must be an object of Genesys fields; it is not sent.`);
  }
}

/** Defines an own data property, so that no key can reach a setter. */
function define(target: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
