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
  GenesysWidgetsPayload,
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
  widgetsFormFieldBySource,
} from './genesys-fields.js';
import type { GenesysToVendorOptions } from './genesys-options.js';
import type { ResolvedGenesysToVendorOptions } from './resolve-genesys-options.js';

/** The adapter id, also the key of the `vendor.genesys` bag. */
export const genesysVendorId = 'genesys';

/** Bag entries `fromVendor` writes about where the data came from; they are not visitor data to send back. */
const provenanceKeys = new Set(['conversationId', 'participantId', 'participantName', 'externalContactId', 'from']);

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
    case 'widgets':
      return toWidgets(context, diagnostics);
    case 'guest-chat':
      return { channel, body: toGuestChatBody(context, options, diagnostics) };
  }
}

function toCustomAttributes(context: VisitorContext, diagnostics: Diagnostics): GenesysCustomAttributes {
  const attributes: GenesysCustomAttributes = {};
  for (const field of listContextFields(context)) {
    let key = attributeKeyByCanonical.get(field.name);
    if (field.path[0] === 'attributes') {
      const name = String(field.path[1]);
      key = name;
      if (needsEscaping(name)) {
        key = `${escapedAttributePrefix}${name}`;
        diagnostics.warning(
          'field_renamed',
          field.path,
          `The attribute "${name}" would be read back by Genesys flows and by fromVendor as another field, so it is sent as the custom attribute "${key}".`,
        );
      }
      if (key.includes('.')) {
        diagnostics.warning(
          'dotted_attribute_name',
          field.path,
          `Genesys agent scripts cannot read participant data whose name contains a ".", so the custom attribute "${key}" is sent but only Architect flows can read it. Rename the attribute without dots (e.g. "${key.replaceAll('.', '_')}") for scripts to see it.`,
        );
      }
    }
    if (key === undefined) continue; // listContextFields lists only canonical fields and attributes
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
  for (const [name, value] of rejectedFields(context)) sendBack(attributes, attributeKeyByCanonical.get(name), value, name, diagnostics);
  reportUnknownVendorEntries(context, diagnostics);
  return attributes;
}

/**
 * Widgets v2: the default registration form's fields go to `form` (which prefills the form `WebChat.open`
 * shows), everything else to `userData`. Genesys records both as `context.<key>` participant attributes.
 */
function toWidgets(context: VisitorContext, diagnostics: Diagnostics): GenesysWidgetsPayload {
  const userData = toCustomAttributes(context, diagnostics);
  const form: GenesysChatFields = {};
  for (const [source, formField] of widgetsFormFieldBySource) {
    const key = source === 'vendor.subject' ? 'subject' : (attributeKeyByCanonical.get(source) as string);
    for (const candidate of key === formField ? [key] : [key, formField]) {
      if (!Object.hasOwn(userData, candidate)) continue;
      if (Object.hasOwn(form, formField)) {
        diagnostics.warning(
          'field_dropped',
          ['vendor', genesysVendorId, 'fields', candidate],
          `The Widgets form field "${formField}" is already set from the context, so the kept Genesys value "${candidate}" is not sent.`,
        );
      } else {
        define(form, formField, userData[candidate] as string);
      }
      delete userData[candidate];
    }
  }
  return { channel: 'widgets', form, userData };
}

type ChatChannel = 'web-chat' | 'guest-chat';

function toChatFields(context: VisitorContext, channel: ChatChannel, diagnostics: Diagnostics): GenesysChatFields {
  const fields: GenesysChatFields = {};
  const carried = new Set<string>();
  const named: ReadonlyMap<string, string> =
    channel === 'guest-chat' ? new Map([...chatFieldByCanonical, ...guestChatPageFieldByCanonical]) : chatFieldByCanonical;
  for (const [canonical, key] of named) {
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
  for (const [name, value] of rejectedFields(context)) sendBack(fields, named.get(name), value, name, diagnostics);
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

/** The `vendor.genesys` bag, read by own property only: the context is the caller's data. */
function genesysBag(context: VisitorContext): Readonly<Record<string, JsonValue>> | undefined {
  const bag = ownValue(context.vendor, genesysVendorId);
  return isPlainObject(bag) ? bag : undefined;
}

/** The Genesys fields `fromVendor` kept in `vendor.genesys.fields`, to send back. */
function vendorFields(context: VisitorContext): [string, JsonValue][] {
  const fields = ownValue(genesysBag(context), 'fields');
  return isPlainObject(fields) ? Object.entries(fields) : [];
}

/**
 * Values Genesys sent that the canonical model refused (say an email "n/a"), which core kept in
 * `rejectedFields` under their canonical name: sent back under the same Genesys field, so nothing is lost.
 */
function rejectedFields(context: VisitorContext): [string, JsonValue][] {
  const rejected = ownValue(genesysBag(context), 'rejectedFields');
  return isPlainObject(rejected) ? Object.entries(rejected) : [];
}

function ownValue(target: object | undefined, key: string): JsonValue | undefined {
  return target !== undefined && Object.hasOwn(target, key) ? ((target as Record<string, JsonValue>)[key] as JsonValue) : undefined;
}

function isPlainObject(value: JsonValue | undefined): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
  const bag = genesysBag(context);
  for (const key of Object.keys(bag ?? {})) {
    if (returnedKeys.has(key) || provenanceKeys.has(key)) continue;
    diagnostics.warning('field_dropped', ['vendor', genesysVendorId, key], `vendor.${genesysVendorId}.${key} is not something Genesys receives; it is not sent.`);
  }
  const fields = ownValue(bag, 'fields');
  if (fields !== undefined && !isPlainObject(fields)) {
    diagnostics.warning('field_dropped', ['vendor', genesysVendorId, 'fields'], `vendor.${genesysVendorId}.fields must be an object of Genesys fields; it is not sent.`);
  }
}

/**
 * Sets an own data property, so that no key can reach a setter: assigned, which is several times faster than
 * defineProperty, except "__proto__", the one key whose assignment reaches a setter on an ordinary object.
 */
function define(target: Record<string, string>, key: string, value: string): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
