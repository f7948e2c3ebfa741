import * as z from 'zod/mini';
import {
  defaultVisitorContextLimits,
  writeContextField,
  type DiagnosticPath,
  type Diagnostics,
  type JsonObject,
  type JsonValue,
  type MutableVisitorContext,
} from '@visitor-context/core';
import { GiosgChatSchema, GiosgVisitorSubmissionSchema } from './giosg-api.js';
import { attributeKeyPrefix, attributeVendorKey, checksumKeys, tokenClaimKeys, visitorFieldByKey, visitorFieldKeys } from './giosg-keys.js';
import type { GiosgFromVendorOptions, GiosgInboundFormat } from './giosg-options.js';

/** One visitor-data key/value as giosg reported it, and where it was in the payload. */
interface Entry {
  readonly key: string;
  readonly value: JsonValue;
  readonly path: DiagnosticPath;
}

/** The part of `vendor.giosg` that inbound translation fills. */
interface VendorBag {
  extraData?: JsonObject;
  tokenClaims?: JsonObject;
  checksum?: JsonObject;
  rooms?: JsonValue;
  replaceExisting?: boolean;
  signingAlgorithm?: string;
  chat?: JsonObject;
}

/**
 * Translates a giosg payload (a submission, a REST chat, an `api_data` array, or visitor data such as verified
 * JWT claims) into a context draft. Pure; keeps everything without a canonical field in `vendor.giosg`.
 */
export function fromGiosg(payload: JsonValue, options: GiosgFromVendorOptions, diagnostics: Diagnostics): MutableVisitorContext {
  const context: MutableVisitorContext = {};
  const bag: VendorBag = {};
  const format = resolveFormat(payload, options.format ?? 'auto', diagnostics);
  const entries = format === undefined ? [] : readEntries(payload, format, context, bag, diagnostics);
  for (const entry of dedupe(entries, diagnostics)) readEntry(entry, context, bag, diagnostics);
  moveAttributeOverflow(context, bag, diagnostics);
  if (Object.keys(bag).length > 0) context.vendor = { giosg: bag as JsonObject };
  return context;
}

function resolveFormat(payload: JsonValue, format: GiosgInboundFormat, diagnostics: Diagnostics): Exclude<GiosgInboundFormat, 'auto'> | undefined {
  if (format !== 'auto') return format;
  if (Array.isArray(payload)) return 'apiData';
  if (typeof payload !== 'object' || payload === null) {
    diagnostics.error('not_an_object', [], 'Expected a giosg submission, a REST chat, an api_data array or a visitor data object.');
    return undefined;
  }
  if (Object.hasOwn(payload, 'api_data')) return 'chat';
  if (Object.hasOwn(payload, 'visitorData') && Object.hasOwn(payload, 'signingAlgorithm')) return 'submission';
  if (Array.isArray(payload['results']) && Object.hasOwn(payload, 'per_page')) {
    diagnostics.error(
      'chat_listing',
      ['results'],
      'This is a page of the REST chats listing; translate each chat of `results` on its own (each chat is one visitor).',
    );
    return undefined;
  }
  return 'visitorData';
}

function readEntries(
  payload: JsonValue,
  format: Exclude<GiosgInboundFormat, 'auto'>,
  context: MutableVisitorContext,
  bag: VendorBag,
  diagnostics: Diagnostics,
): Entry[] {
  switch (format) {
    case 'apiData':
      return readApiData(payload, [], diagnostics);
    case 'chat':
      return readChat(payload, context, bag, diagnostics);
    case 'submission':
      return readSubmission(payload, bag, diagnostics);
    case 'visitorData':
      return readVisitorData(payload, [], diagnostics);
  }
}

function readApiData(value: JsonValue | undefined, basePath: DiagnosticPath, diagnostics: Diagnostics): Entry[] {
  const parsed = z.safeParse(z.array(z.object({ name: z.string(), value: z.json() })), value);
  if (!parsed.success) {
    reportShape(parsed.error.issues, basePath, 'api_data must be a list of { "name": "…", "value": … } objects', diagnostics);
    return [];
  }
  return parsed.data.map((item, index) => ({ key: item.name, value: item.value as JsonValue, path: [...basePath, index] }));
}

function readChat(payload: JsonValue, context: MutableVisitorContext, bag: VendorBag, diagnostics: Diagnostics): Entry[] {
  const parsed = z.safeParse(GiosgChatSchema, payload);
  if (!parsed.success || !isJsonObject(payload)) {
    reportShape(parsed.success ? [] : parsed.error.issues, [], 'A giosg chat must be an object with an api_data list', diagnostics);
    return [];
  }
  const chat: JsonObject = {};
  for (const [key, value] of Object.entries(payload)) {
    if (key === 'api_data') continue;
    if ((key === 'start_url' || key === 'start_url_title') && typeof value === 'string') {
      writeContextField(context, key === 'start_url' ? 'page.url' : 'page.title', value);
      continue;
    }
    if (key === 'logs') {
      diagnostics.warning(
        'field_dropped',
        ['logs'],
        'The chat transcript (logs) is not visitor context and was not kept; read messages from giosg\'s chat messages API.',
      );
      continue;
    }
    setKey(chat, key, value);
  }
  if (Object.keys(chat).length > 0) bag.chat = chat;
  return readApiData(payload['api_data'], ['api_data'], diagnostics);
}

function readSubmission(payload: JsonValue, bag: VendorBag, diagnostics: Diagnostics): Entry[] {
  // giosg also accepts a single room object where it documents a list.
  const rooms = isJsonObject(payload) ? payload['rooms'] : undefined;
  const normalized = isJsonObject(payload) && isJsonObject(rooms) ? { ...payload, rooms: [rooms] } : payload;
  const parsed = z.safeParse(GiosgVisitorSubmissionSchema, normalized);
  if (!parsed.success) {
    reportShape(parsed.error.issues, [], 'A giosg submission is { visitorData, signingAlgorithm, replaceExisting, rooms? }', diagnostics);
    return [];
  }
  const submission = parsed.data;
  if (typeof submission.visitorData === 'string') {
    diagnostics.error(
      'signed_payload',
      ['visitorData'],
      'This submission carries a signed JWT; verify it with fromGiosgToken (or verifyGiosgToken) from @visitor-context/giosg/server, which checks the signature before reading it.',
    );
    return [];
  }
  if (submission.rooms !== undefined) bag.rooms = submission.rooms;
  if (submission.replaceExisting) bag.replaceExisting = true;
  if (submission.signingAlgorithm !== 'plain') bag.signingAlgorithm = submission.signingAlgorithm;
  return readVisitorData((payload as JsonObject)['visitorData'], ['visitorData'], diagnostics);
}

function readVisitorData(value: JsonValue | undefined, basePath: DiagnosticPath, diagnostics: Diagnostics): Entry[] {
  if (!isJsonObject(value)) {
    diagnostics.error('not_an_object', basePath, 'giosg visitor data must be a JSON object of key/value pairs.');
    return [];
  }
  return Object.entries(value).map(([key, item]) => ({ key, value: item, path: [...basePath, key] }));
}

/** giosg keeps one value per key; when a listing repeats a key, the last one is what giosg shows. */
function dedupe(entries: readonly Entry[], diagnostics: Diagnostics): Entry[] {
  const last = new Map<string, Entry>();
  for (const entry of entries) {
    const earlier = last.get(entry.key);
    if (earlier !== undefined) {
      diagnostics.warning(
        'field_dropped',
        earlier.path,
        `The key "${entry.key}" appears more than once; the later value (as giosg shows it) was kept.`,
      );
      last.delete(entry.key);
    }
    last.set(entry.key, entry);
  }
  return [...last.values()];
}

function readEntry(entry: Entry, context: MutableVisitorContext, bag: VendorBag, diagnostics: Diagnostics): void {
  const { key, value } = entry;
  if (tokenClaimKeys.has(key)) {
    setKey((bag.tokenClaims ??= {}), key, value);
    return;
  }
  if (checksumKeys.has(key)) {
    setKey((bag.checksum ??= {}), key, value);
    return;
  }
  const field = visitorFieldByKey.get(key);
  if (field !== undefined) {
    if (typeof value === 'string') writeContextField(context, `visitor.${field}`, value);
    else if (typeof value === 'number' || typeof value === 'boolean') {
      diagnostics.warning(
        'value_coerced',
        ['visitor', field],
        `giosg's "${visitorFieldKeys[field]}" was ${typeof value} ${String(value)}; visitor.${field} holds text, so it became "${String(value)}".`,
      );
      writeContextField(context, `visitor.${field}`, String(value));
    } else setKey((bag.extraData ??= {}), key, value);
    return;
  }
  const attribute = key.startsWith(attributeKeyPrefix) ? key.slice(attributeKeyPrefix.length) : key;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    writeContextField(context, `attributes.${attribute}`, value);
  } else setKey((bag.extraData ??= {}), key, value);
}

/** Attributes beyond the canonical model's limit are kept as extra data rather than failing the payload. */
function moveAttributeOverflow(context: MutableVisitorContext, bag: VendorBag, diagnostics: Diagnostics): void {
  const attributes = context.attributes;
  if (attributes === undefined) return;
  const keys = Object.keys(attributes);
  for (const key of keys.slice(defaultVisitorContextLimits.maxAttributes)) {
    const value = attributes[key] as string | number | boolean;
    delete attributes[key];
    setKey((bag.extraData ??= {}), attributeVendorKey(key).key, value);
    diagnostics.warning(
      'attribute_limit',
      ['attributes', key],
      `giosg sent more than ${defaultVisitorContextLimits.maxAttributes} keys; this one was kept in vendor.giosg.extraData instead of attributes.`,
    );
  }
}

function reportShape(issues: readonly z.core.$ZodIssue[], basePath: DiagnosticPath, hint: string, diagnostics: Diagnostics): void {
  const first = issues[0];
  const path = [...basePath, ...(first?.path ?? []).filter((segment): segment is string | number => typeof segment !== 'symbol')];
  diagnostics.error('invalid_type', path, `${hint}${first === undefined ? '' : ` (${first.message})`}.`);
}

function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function setKey(target: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
