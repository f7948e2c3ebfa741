import { isJsonObject, ownJsonValue } from '@visitor-context/core';
import type { JsonObject, JsonValue } from '@visitor-context/core';

/*
 * What `Comm100WebhookEventSchema` accepts of a normalized webhook, in plain code, for the fast path of
 * `fromComm100`: zod stays the schema of record (the general path runs it and words every problem), this only
 * says yes or no, without zod's cost. The differential test fuzzes every key below with values of the wrong kind,
 * and a test checks that these tables name exactly the keys of the zod schemas.
 */

/** The kind of value a schema key takes; every key is optional unless an event requires it. */
type Kind =
  /** `optionalText`: a string or null. */
  | 'text'
  /** `optionalCount`: a number or null. */
  | 'count'
  /** An id: a string, a number or null. */
  | 'identifier'
  /** A string, never null (`status_name`). */
  | 'string'
  /** Any JSON (`z.json()`), which a parsed payload always is. */
  | 'json'
  /** An array of any JSON, or null. */
  | 'jsonArray'
  /** `custom_fields`: null, or an array of `{ name, field_id?, id?, value? }`. */
  | 'customFields'
  /** `custom_variables` / `custom_variable`: null, or an array of `{ name, value? }`. */
  | 'customVariables'
  /** The normalized `chat_transcript`: an array of strings, never null. */
  | 'transcript';

/** `Comm100VisitorSchema`. */
export const visitorKinds: Readonly<Record<string, Kind>> = {
  id: 'identifier',
  name: 'text',
  email: 'text',
  phone: 'text',
  company: 'text',
  status: 'count',
  status_name: 'string',
  chat_id: 'identifier',
  chats: 'count',
  visits: 'count',
  page_views: 'count',
  first_visit_time: 'text',
  visit_time: 'text',
  city: 'text',
  state: 'text',
  country: 'text',
  ip: 'text',
  browser: 'text',
  operating_system: 'text',
  screen_resolution: 'text',
  language: 'text',
  time_zone: 'text',
  landing_page: 'text',
  current_browsing: 'text',
  referrer_url: 'text',
  search_engine: 'text',
  keywords: 'text',
  product_service: 'text',
  flash_version: 'text',
  department: 'identifier',
  skill: 'identifier',
  custom_fields: 'customFields',
  custom_variables: 'customVariables',
};

/** `Comm100ChatSchema`. */
export const chatKinds: Readonly<Record<string, Kind>> = {
  chat_transcript: 'transcript',
  attachment: 'json',
  company: 'text',
  department: 'identifier',
  custom_fields: 'customFields',
  custom_variable: 'customVariables',
};

/** `Comm100WrapupSchema`. */
export const wrapupKinds: Readonly<Record<string, Kind>> = {
  category: 'text',
  comment: 'text',
  fields: 'jsonArray',
  time: 'text',
};

/** `Comm100OfflineMessageSchema`. */
export const offlineMessageKinds: Readonly<Record<string, Kind>> = {
  id: 'identifier',
  name: 'text',
  email: 'text',
  phone: 'text',
  company: 'text',
  subject: 'text',
  content: 'text',
  department: 'identifier',
  skill: 'identifier',
  time: 'text',
  attachment: 'json',
  custom_fields: 'customFields',
  custom_variable: 'customVariables',
};

const isIdentifier = (value: JsonValue | undefined): boolean => typeof value === 'string' || typeof value === 'number';

/** Every item an object with a string `name` and, for custom fields, ids that are ids. */
function areItems(value: JsonValue, withIds: boolean): boolean {
  if (value === null) return true;
  if (!Array.isArray(value)) return false;
  for (const item of value) {
    if (!isJsonObject(item) || typeof ownJsonValue(item, 'name') !== 'string') return false;
    if (!withIds) continue;
    const fieldId = ownJsonValue(item, 'field_id');
    const id = ownJsonValue(item, 'id');
    if ((fieldId !== undefined && fieldId !== null && !isIdentifier(fieldId)) || (id !== undefined && id !== null && !isIdentifier(id))) return false;
  }
  return true;
}

function isOfKind(value: JsonValue, kind: Kind): boolean {
  switch (kind) {
    case 'text':
      return value === null || typeof value === 'string';
    case 'count':
      return value === null || typeof value === 'number';
    case 'identifier':
      return value === null || isIdentifier(value);
    case 'string':
      return typeof value === 'string';
    case 'json':
      return true;
    case 'jsonArray':
      return value === null || Array.isArray(value);
    case 'customFields':
      return areItems(value, true);
    case 'customVariables':
      return areItems(value, false);
    case 'transcript':
      return Array.isArray(value) && value.every((line) => typeof line === 'string');
  }
}

/** Whether an object's keys that the schema names hold their kind of value (other keys are free: loose objects). */
function matchesKinds(object: JsonObject, kinds: Readonly<Record<string, Kind>>): boolean {
  for (const key in kinds) {
    if (!Object.hasOwn(object, key)) continue;
    if (!isOfKind(object[key] as JsonValue, kinds[key] as Kind)) return false;
  }
  return true;
}

/** A section the event requires (an object of its schema), or allows (also absent or null). */
function matchesSection(root: JsonObject, key: string, kinds: Readonly<Record<string, Kind>>, required: boolean): boolean {
  const value = ownJsonValue(root, key);
  if (value === undefined || value === null) return !required;
  return isJsonObject(value) && matchesKinds(value, kinds);
}

/**
 * Whether `Comm100WebhookEventSchema` accepts a normalized webhook whose `event` is a known event name; the
 * general path's `validateComm100Webhook` is the one that reports.
 */
export function matchesComm100WebhookSchema(root: JsonObject, event: string): boolean {
  switch (event) {
    case 'chat_started':
      return matchesSection(root, 'visitor', visitorKinds, true);
    case 'chat_ended':
      return matchesSection(root, 'visitor', visitorKinds, true) && matchesSection(root, 'chat', chatKinds, true);
    case 'chat_wrapped_up': {
      const chatId = ownJsonValue(root, 'chat_id');
      return (
        (chatId === undefined || chatId === null || isIdentifier(chatId)) &&
        matchesSection(root, 'visitor', visitorKinds, false) &&
        matchesSection(root, 'wrapup', wrapupKinds, true)
      );
    }
    case 'offline_message_submitted':
      return matchesSection(root, 'visitor', visitorKinds, false) && matchesSection(root, 'offline_message', offlineMessageKinds, true);
    case 'online':
    case 'away':
    case 'login':
    case 'logout':
      return isIdentifier(ownJsonValue(root, 'operator_id'));
    case 'chat_requested':
    case 'chat_transferred':
      return matchesSection(root, 'visitor', visitorKinds, false);
    default:
      return false;
  }
}
