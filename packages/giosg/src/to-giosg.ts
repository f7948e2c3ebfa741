import { formatPath, type Diagnostics, type JsonValue, type VisitorContext } from '@visitor-context/core';
import type { GiosgRoom, GiosgVisitorData, GiosgVisitorSubmission } from './giosg-api.js';
import { attributeVendorKey, visitorFieldKeys, type VisitorFieldName } from './giosg-keys.js';
import type { GiosgToVendorOptions } from './giosg-options.js';
import { readGiosgRooms } from './giosg-rooms.js';

/** Sections giosg records by itself (page, browser, location) and that the visitor API has no place for. */
const unsentSections = ['page', 'device', 'location'] as const;

/**
 * Translates a context into a plain (unsigned) giosg visitor submission. Pure; reports every loss.
 *
 * @remarks
 * Both `giosgAdapter.toVendor` (after zod validation) and the browser's `translateGiosgContext` (after core's
 * zod-free plain-data checks) run this, so it must stay free of zod at load and run time.
 */
export function toGiosg(context: VisitorContext, options: GiosgToVendorOptions, diagnostics: Diagnostics): GiosgVisitorSubmission {
  const data: GiosgVisitorData = {};

  for (const [field, key] of Object.entries(visitorFieldKeys) as [VisitorFieldName, string][]) {
    const value = context.visitor?.[field];
    if (value !== undefined) setKey(data, key, value);
  }

  for (const [attribute, value] of Object.entries(context.attributes ?? {})) {
    const { key, renamed } = attributeVendorKey(attribute);
    if (renamed) {
      diagnostics.warning(
        'field_renamed',
        ['attributes', attribute],
        `giosg would read the key "${attribute}" back as another field, so this attribute is sent as "${key}" (and read back as attributes.${attribute}).`,
      );
    }
    setKey(data, key, value);
  }

  for (const section of unsentSections) {
    for (const [field, value] of Object.entries(context[section] ?? {})) {
      if (value === undefined) continue;
      diagnostics.warning(
        'field_dropped',
        [section, field],
        `giosg's visitor API has no place for ${section}.${field}; giosg records the visitor's page, browser and location itself. It was not sent.`,
      );
    }
  }

  const bag = context.vendor?.['giosg'] ?? {};
  restoreExtraData(bag['extraData'], data, diagnostics);
  restoreRejectedFields(bag['rejectedFields'], data, diagnostics);

  const rooms = options.rooms ?? readBagRooms(bag['rooms'], diagnostics);
  const bagReplace = bag['replaceExisting'];
  const replaceExisting = options.replaceExisting ?? (typeof bagReplace === 'boolean' ? bagReplace : false);

  return {
    visitorData: data,
    signingAlgorithm: 'plain',
    replaceExisting,
    ...(rooms === undefined ? {} : { rooms }),
  };
}

/** Visitor data that came in with no canonical field (objects, arrays, null) goes back as it came. */
function restoreExtraData(extraData: JsonValue | undefined, data: GiosgVisitorData, diagnostics: Diagnostics): void {
  if (!isJsonObject(extraData)) return;
  for (const [key, value] of Object.entries(extraData)) {
    if (Object.hasOwn(data, key)) {
      diagnostics.warning(
        'field_dropped',
        ['vendor', 'giosg', 'extraData', key],
        `vendor.giosg.extraData has the key "${key}", which the context already sends; the extra value was not sent.`,
      );
      continue;
    }
    setKey(data, key, value);
  }
}

/**
 * Values the canonical model refused on the way in (say an email "n/a") were kept by core in
 * `vendor.giosg.rejectedFields` under their canonical path; they go back under their giosg key.
 */
function restoreRejectedFields(rejected: JsonValue | undefined, data: GiosgVisitorData, diagnostics: Diagnostics): void {
  if (!isJsonObject(rejected)) return;
  for (const [path, value] of Object.entries(rejected)) {
    const key = vendorKeyOfPath(path);
    if (key === undefined) {
      diagnostics.warning(
        'field_dropped',
        ['vendor', 'giosg', 'rejectedFields', path],
        `vendor.giosg.rejectedFields has "${path}", which is no field giosg carries; it was not sent.`,
      );
    } else if (!Object.hasOwn(data, key)) setKey(data, key, value);
  }
}

function vendorKeyOfPath(path: string): string | undefined {
  if (path.startsWith('visitor.')) {
    // The path is data from outside: look it up as an own key only, never reaching Object.prototype.
    const field = path.slice('visitor.'.length);
    return Object.hasOwn(visitorFieldKeys, field) ? visitorFieldKeys[field as VisitorFieldName] : undefined;
  }
  if (path.startsWith('attributes.')) return attributeVendorKey(path.slice('attributes.'.length)).key;
  const quoted = /^attributes\[(".*")\]$/.exec(path);
  if (quoted === null) return undefined;
  try {
    return attributeVendorKey(JSON.parse(quoted[1] as string) as string).key;
  } catch {
    return undefined;
  }
}

function readBagRooms(value: JsonValue | undefined, diagnostics: Diagnostics): GiosgRoom[] | undefined {
  if (value === undefined) return undefined;
  const rooms = readGiosgRooms(value);
  if (rooms !== undefined) return rooms;
  const path = ['vendor', 'giosg', 'rooms'];
  diagnostics.warning('field_dropped', path, `${formatPath(path)} is not a list of { id } or { name } rooms; the domain room is used.`);
  return undefined;
}

function isJsonObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Sets an own data property, so that no key can reach a setter on the way to the vendor: assigned, which is several
 * times faster than defineProperty, except "__proto__", the one key whose assignment reaches a setter on an ordinary object.
 */
function setKey(data: GiosgVisitorData, key: string, value: JsonValue): void {
  if (key === '__proto__') Object.defineProperty(data, key, { value, enumerable: true, writable: true, configurable: true });
  else data[key] = value;
}
