import * as z from 'zod/mini';
import {
  defaultVisitorContextLimits,
  reportUnrecognizedPayload,
  writeContextField,
  type DiagnosticPath,
  type Diagnostics,
  type JsonObject,
  type JsonValue,
  type MutableVisitorContext,
} from '@visitor-context/core';
import { GiosgApiDataItemSchema, GiosgChatSchema, GiosgVisitorSubmissionSchema } from './giosg-api.js';
import { giosgPayloadShapes } from './giosg-capabilities.js';
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

/** A format `fromVendor` reads, or `unrecognized`: nothing of giosg's shapes, so everything is kept as it came. */
type ReadFormat = Exclude<GiosgInboundFormat, 'auto'> | 'unrecognized';

/**
 * Keys only a chat object of giosg's Chat API has (`/api/v5/orgs/{org_id}/chats/{chat_id}`, room and user chats):
 * it carries no `api_data`, and read as visitor data every chat field would become an attribute.
 */
const chatObjectKeys = [
  'first_visitor_message_url',
  'first_visitor_message_url_title',
  'autosuggest_url',
  'autosuggest_url_title',
  'is_real_conversation',
  'visitor_message_count',
  'user_message_count',
];

/** Where a chat says which page the visitor was on: the Chat API's names first, then the legacy listing's. */
const chatPageKeys = [
  ['first_visitor_message_url', 'page.url'],
  ['start_url', 'page.url'],
  ['first_visitor_message_url_title', 'page.title'],
  ['start_url_title', 'page.title'],
] as const;

/**
 * Translates a giosg payload (a submission or its logged `_giosg` argument list, a REST or Chat API chat, an
 * `api_data` array, or visitor data such as verified JWT claims) into a context draft. Pure; keeps everything
 * without a canonical field in `vendor.giosg`.
 */
export function fromGiosg(payload: JsonValue, options: GiosgFromVendorOptions, diagnostics: Diagnostics): MutableVisitorContext {
  const context: MutableVisitorContext = {};
  const bag: VendorBag = {};
  const format = resolveFormat(payload, options.format ?? 'auto', diagnostics);
  if (format === 'unrecognized') {
    // Nothing says this is giosg data: keep it as it came rather than guess attributes from it.
    reportUnrecognizedPayload(diagnostics, 'giosg', giosgPayloadShapes);
    if (isJsonObject(payload)) for (const [key, value] of Object.entries(payload)) setKey((bag.extraData ??= {}), key, value);
    if (Object.keys(bag).length > 0) context.vendor = { giosg: bag as JsonObject };
    return context;
  }
  const entries = format === undefined ? [] : readEntries(payload, format, context, bag, diagnostics);
  for (const entry of dedupe(entries, diagnostics)) readEntry(entry, context, bag, diagnostics);
  moveAttributeOverflow(context, bag, diagnostics);
  if (Object.keys(bag).length > 0) context.vendor = { giosg: bag as JsonObject };
  return context;
}

function resolveFormat(payload: JsonValue, format: GiosgInboundFormat, diagnostics: Diagnostics): ReadFormat | undefined {
  if (format !== 'auto') return format;
  if (Array.isArray(payload)) {
    if (payload[0] === 'visitor' && payload[1] === 'submit') return 'submitCall';
    // An api_data list holds { name, value } objects; a list of anything else is no giosg shape (read anyway, it fails).
    if (!payload.every(isJsonObject)) reportUnrecognizedPayload(diagnostics, 'giosg', giosgPayloadShapes);
    return 'apiData';
  }
  if (typeof payload !== 'object' || payload === null) {
    reportUnrecognizedPayload(diagnostics, 'giosg', giosgPayloadShapes);
    diagnostics.error('not_an_object', [], 'Expected a giosg submission, a REST chat, an api_data array or a visitor data object.');
    return undefined;
  }
  if (Object.hasOwn(payload, 'api_data') || chatObjectKeys.some((key) => Object.hasOwn(payload, key))) return 'chat';
  if (Object.hasOwn(payload, 'visitorData') && Object.hasOwn(payload, 'signingAlgorithm')) return 'submission';
  if (Array.isArray(payload['results']) && Object.hasOwn(payload, 'per_page')) {
    diagnostics.error(
      'chat_listing',
      ['results'],
      'This is a page of the REST chats listing; translate each chat of `results` on its own (each chat is one visitor).',
    );
    return undefined;
  }
  return Object.keys(payload).some(isGiosgVisitorKey) ? 'visitorData' : 'unrecognized';
}

/** A key giosg itself gives meaning to, or one this adapter writes: enough to read an object as visitor data. */
function isGiosgVisitorKey(key: string): boolean {
  return visitorFieldByKey.has(key) || checksumKeys.has(key) || key === 'exp' || key.startsWith(attributeKeyPrefix);
}

function readEntries(
  payload: JsonValue,
  format: Exclude<ReadFormat, 'unrecognized'>,
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
      return readSubmission(payload, bag, diagnostics, (key) => [key]);
    case 'submitCall':
      return readSubmitCall(payload, bag, diagnostics);
    case 'visitorData':
      return readVisitorData(payload, [], diagnostics);
  }
}

// Built once: constructing a zod schema on every call was a third of fromVendor's time.
const ApiDataListSchema = z.array(GiosgApiDataItemSchema);

function readApiData(value: JsonValue | undefined, basePath: DiagnosticPath, diagnostics: Diagnostics): Entry[] {
  const parsed = z.safeParse(ApiDataListSchema, value);
  if (!parsed.success) {
    reportShape(parsed.error.issues, basePath, 'api_data must be a list of { "name": "…", "value": … } objects', diagnostics);
    return [];
  }
  return parsed.data.map((item, index) => ({ key: item.name, value: item.value as JsonValue, path: [...basePath, index] }));
}

/**
 * A chat: the REST listing's (visitor data in `api_data`, page in `start_url`) or the Chat API's (no visitor
 * data; page in `first_visitor_message_url`). Only the page becomes canonical; every other chat field (ids,
 * counts, times) is kept in `vendor.giosg.chat`, never read as a visitor attribute.
 */
function readChat(payload: JsonValue, context: MutableVisitorContext, bag: VendorBag, diagnostics: Diagnostics): Entry[] {
  const parsed = z.safeParse(GiosgChatSchema, payload);
  if (!parsed.success || !isJsonObject(payload)) {
    reportShape(parsed.success ? [] : parsed.error.issues, [], 'A giosg chat must be an object (with an api_data list, if any)', diagnostics);
    return [];
  }
  const pageKeysUsed = new Set<string>();
  for (const [key, field] of chatPageKeys) {
    const value = payload[key];
    if (typeof value !== 'string' || value === '' || hasPageField(context, field)) continue;
    writeContextField(context, field, value);
    pageKeysUsed.add(key);
  }
  const chat: JsonObject = {};
  for (const [key, value] of Object.entries(payload)) {
    if (key === 'api_data' || pageKeysUsed.has(key)) continue;
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
  return payload['api_data'] === undefined ? [] : readApiData(payload['api_data'], ['api_data'], diagnostics);
}

function hasPageField(context: MutableVisitorContext, field: 'page.url' | 'page.title'): boolean {
  return context.page?.[field === 'page.url' ? 'url' : 'title'] !== undefined;
}

/** Where each submission value sits in a payload: a key of the object form, an index of the logged argument list. */
type SubmissionPath = (key: 'visitorData' | 'signingAlgorithm' | 'replaceExisting' | 'rooms') => DiagnosticPath;

/** The argument positions of `_giosg('visitor', 'submit', visitorData, signingAlgorithm, replaceExisting, rooms)`. */
const submitCallIndex = { visitorData: 2, signingAlgorithm: 3, replaceExisting: 4, rooms: 5 } as const;

/**
 * The argument list of a `_giosg('visitor', 'submit', …)` call as integrators log it. Left-out (or `null`)
 * trailing arguments take giosg's defaults: `plain`, extend, the domain room.
 */
function readSubmitCall(payload: JsonValue, bag: VendorBag, diagnostics: Diagnostics): Entry[] {
  if (!Array.isArray(payload) || payload[0] !== 'visitor' || payload[1] !== 'submit') {
    diagnostics.error('invalid_type', [], "A logged submit call is the list ['visitor', 'submit', data, algorithm, replaceExisting, rooms].");
    return [];
  }
  const args = payload;
  for (let index = 6; index < args.length; index++) {
    diagnostics.warning('field_dropped', [index], `giosg's visitor submit takes four arguments after 'visitor', 'submit'; argument ${index} is ignored, as giosg ignores it.`);
  }
  const [, , visitorData, signingAlgorithm, replaceExisting, rooms] = args;
  const submission: JsonObject = {
    visitorData: visitorData ?? null,
    signingAlgorithm: signingAlgorithm ?? 'plain',
    replaceExisting: replaceExisting ?? false,
    ...(rooms === undefined || rooms === null ? {} : { rooms }),
  };
  return readSubmission(submission, bag, diagnostics, (key) => [submitCallIndex[key]]);
}

function readSubmission(payload: JsonValue, bag: VendorBag, diagnostics: Diagnostics, pathOf: SubmissionPath): Entry[] {
  if (isJsonObject(payload) && typeof payload['visitorData'] === 'string') {
    // Refused before any shape check, whatever the algorithm (giosg also documents RS256/384/512): claims that
    // were not verified never reach a canonical field.
    diagnostics.error(
      'signed_payload',
      pathOf('visitorData'),
      'This submission carries a signed JWT; verify it with fromGiosgToken (or verifyGiosgToken) from @visitor-context/giosg/server, which checks the signature before reading it.',
    );
    return [];
  }
  // giosg also accepts a single room object where it documents a list.
  const rooms = isJsonObject(payload) ? payload['rooms'] : undefined;
  const normalized = isJsonObject(payload) && isJsonObject(rooms) ? { ...payload, rooms: [rooms] } : payload;
  const parsed = z.safeParse(GiosgVisitorSubmissionSchema, normalized);
  if (!parsed.success) {
    const [first] = parsed.error.issues;
    const key = first?.path[0];
    const basePath = key === 'visitorData' || key === 'signingAlgorithm' || key === 'replaceExisting' || key === 'rooms' ? pathOf(key) : [];
    const issues = first === undefined ? [] : [{ ...first, path: first.path.slice(basePath.length === 0 ? 0 : 1) }];
    reportShape(issues, basePath, 'A giosg submission is { visitorData, signingAlgorithm, replaceExisting, rooms? }', diagnostics);
    return [];
  }
  const submission = parsed.data;
  if (submission.rooms !== undefined) bag.rooms = submission.rooms;
  if (submission.replaceExisting) bag.replaceExisting = true;
  if (submission.signingAlgorithm !== 'plain') bag.signingAlgorithm = submission.signingAlgorithm;
  return readVisitorData((payload as JsonObject)['visitorData'], pathOf('visitorData'), diagnostics);
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
