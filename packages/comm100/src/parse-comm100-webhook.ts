import * as z from 'zod/mini';
import {
  Diagnostics,
  checkJsonValue,
  formatPath,
  isJsonObject,
  parseJson,
  type JsonLimits,
  type JsonObject,
  type JsonValue,
  type Result,
} from '@visitor-context/core';
import { Comm100WebhookEventSchema, comm100WebhookEventNames, type Comm100WebhookEvent } from './comm100-api.js';
import { comm100VisitorStatusName, looksLikeComm100Date, parseComm100Date, splitComm100Transcript } from './comm100-values.js';

/**
 * Largest webhook body accepted by default: 1 MiB, because a `chat_ended` event carries the whole
 * transcript.
 * @public
 */
export const defaultComm100WebhookMaxBytes = 1024 * 1024;

/**
 * Deepest webhook accepted. Comm100 payloads are about 4 levels deep; this bound keeps the `vendor.comm100`
 * bag (2 levels below the context root) within the canonical model's depth limit of 16.
 */
export const comm100WebhookMaxDepth = 14;

/**
 * Time fields an older doc generation sends as a number of epoch milliseconds (`"visit_time": 1536738453010`)
 * rather than as `/Date(ms)/`.
 */
const epochTimeKeys = new Set(['first_visit_time', 'visit_time', 'time']);

/** The objects of a webhook whose top-level values may be Microsoft JSON dates. */
const sectionsWithDates = ['visitor', 'chat', 'wrapup', 'offline_message'] as const;

/**
 * Rewrites Comm100's encodings in a checked payload, without touching user-entered values: `/Date(ms)/`
 * strings directly on the event or its visitor, chat, wrap-up or offline message become ISO 8601, the visitor
 * gets `status_name`, and the chat transcript becomes a list of lines. Returns a fresh copy. A `/Date(…)/`
 * that cannot be read keeps its text, with an `unreadable_date` warning on `diagnostics` when given.
 */
export function normalizeComm100Webhook(payload: JsonValue, diagnostics?: Diagnostics): JsonValue {
  if (!isJsonObject(payload)) return payload;
  const normalized = convertDates(payload, [], diagnostics);
  for (const section of sectionsWithDates) {
    const value = Object.hasOwn(normalized, section) ? normalized[section] : undefined;
    if (isJsonObject(value)) normalized[section] = convertDates(value, [section], diagnostics);
  }
  const visitor = Object.hasOwn(normalized, 'visitor') ? normalized['visitor'] : undefined;
  if (isJsonObject(visitor) && Object.hasOwn(visitor, 'status') && typeof visitor['status'] === 'number') {
    const name = comm100VisitorStatusName(visitor['status']);
    if (name !== undefined) visitor['status_name'] = name;
  }
  const chat = Object.hasOwn(normalized, 'chat') ? normalized['chat'] : undefined;
  if (isJsonObject(chat) && Object.hasOwn(chat, 'chat_transcript') && typeof chat['chat_transcript'] === 'string') {
    chat['chat_transcript'] = splitComm100Transcript(chat['chat_transcript']);
  }
  return normalized;
}

/**
 * Whether a string may be a Microsoft JSON date, read or not: its first character after white space is `/`. Most
 * strings are not, and this spares them both regular expressions.
 */
function mayBeDate(text: string): boolean {
  if (text.charCodeAt(0) === 0x2f) return true;
  // `\s` and trimStart() agree on white space (both: WhiteSpace and LineTerminator).
  return /^\s/.test(text) && text.trimStart().charCodeAt(0) === 0x2f;
}

function convertDates(object: JsonObject, path: readonly string[], diagnostics: Diagnostics | undefined): JsonObject {
  const copy: JsonObject = {};
  for (const key in object) {
    const value = object[key] as JsonValue;
    const dateLike = typeof value === 'string' && mayBeDate(value);
    const date = dateLike
      ? parseComm100Date(value)
      : typeof value !== 'string' && epochTimeKeys.has(key) && Number.isSafeInteger(value)
        ? parseComm100Date(`/Date(${String(value)})/`)
        : undefined;
    if (dateLike && date === undefined && looksLikeComm100Date(value)) {
      diagnostics?.warning(
        'unreadable_date',
        [...path, key],
        `${formatPath([...path, key])} is "${value.slice(0, 64)}", which looks like a Comm100 date but is not the /Date(milliseconds)/ form; it was kept as it came, not converted to ISO 8601.`,
      );
    }
    // Assignment reaches a setter for `__proto__` only (checked payloads have none, but this stays safe).
    if (key === '__proto__') Object.defineProperty(copy, key, { value: date ?? value, enumerable: true, writable: true, configurable: true });
    else copy[key] = date ?? value;
  }
  return copy;
}

/**
 * Validates a checked, normalized payload against the webhook schemas, reporting problems on `diagnostics`.
 * Returns the typed event, or `undefined` when an error was reported.
 */
export function validateComm100Webhook(normalized: JsonValue, diagnostics: Diagnostics): Comm100WebhookEvent | undefined {
  if (!isJsonObject(normalized)) {
    diagnostics.error('not_an_object', [], 'A Comm100 webhook body is a JSON object like {"event":"chat_started","visitor":{…}}.');
    return undefined;
  }
  const event = Object.hasOwn(normalized, 'event') ? normalized['event'] : undefined;
  if (typeof event !== 'string' || !(comm100WebhookEventNames as readonly string[]).includes(event)) {
    diagnostics.error(
      'unknown_event',
      ['event'],
      `${typeof event === 'string' ? `"${event.slice(0, 64)}" is not` : 'The payload has no'} Comm100 webhook event name (expected one of ${comm100WebhookEventNames.join(', ')}). Check the webhook's configuration in Control Panel › Apps & Integrations › Webhooks.`,
    );
    return undefined;
  }
  const parsed = z.safeParse(Comm100WebhookEventSchema, normalized);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
    diagnostics.error('invalid_type', path, `${formatPath(path)} does not match Comm100's "${event}" event: ${issue.message}.`);
  }
  return undefined;
}

/**
 * Parses a Comm100 webhook body (its raw JSON text, or the already parsed value) into a typed, normalized
 * event. Never throws: bad limits are an `invalid_option` error.
 *
 * @remarks
 * The JSON goes through core's safe parsing (size and depth limits, prototype-pollution keys refused), then
 * the event's zod schema. Dates become ISO 8601, `visitor.status_name` names the status code, and
 * `chat.chat_transcript` becomes a list of lines. Unknown event names fail with `unknown_event`.
 * @public
 */
export function parseComm100WebhookEvent(input: unknown, limits: Partial<JsonLimits> = {}): Result<Comm100WebhookEvent> {
  const diagnostics = new Diagnostics();
  try {
    const jsonLimits = readJsonLimits(limits, diagnostics);
    if (jsonLimits === undefined) return diagnostics.toFailure();
    const payload = typeof input === 'string' ? parseJson(input, jsonLimits) : checkJsonValue(input, jsonLimits);
    if (!payload.ok) return payload;
    const event = validateComm100Webhook(normalizeComm100Webhook(payload.value, diagnostics), diagnostics);
    return event === undefined ? diagnostics.toFailure() : diagnostics.toResult(event);
  } catch (error) {
    // A last resort: nothing above is known to throw on plain data, but the input is the caller's.
    diagnostics.error('adapter_failed', [], `The Comm100 webhook could not be read (${error instanceof Error ? error.message : 'unknown error'}).`);
    return diagnostics.toFailure();
  }
}

/**
 * The JSON limits asked for over the webhook defaults; `undefined` with an `invalid_option` error when one is
 * not a positive whole number (a `NaN` limit would otherwise switch the size check off).
 */
function readJsonLimits(limits: unknown, diagnostics: Diagnostics): JsonLimits | undefined {
  const resolved = { maxBytes: defaultComm100WebhookMaxBytes, maxDepth: comm100WebhookMaxDepth };
  if (limits === undefined) return resolved;
  if (typeof limits !== 'object' || limits === null) {
    diagnostics.error('invalid_option', [], 'The limits must be an object like { maxBytes: 1048576, maxDepth: 14 }.');
    return undefined;
  }
  for (const name of ['maxBytes', 'maxDepth'] as const) {
    const value: unknown = Object.hasOwn(limits, name) ? (limits as Record<string, unknown>)[name] : undefined;
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
      diagnostics.error('invalid_option', [name], `${name} must be a positive whole number.`);
      return undefined;
    }
    resolved[name] = value;
  }
  return resolved;
}
