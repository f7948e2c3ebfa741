import {
  formatPath,
  readContextField,
  type DiagnosticPath,
  type Diagnostics,
  type JsonValue,
  type VisitorContext,
} from '@visitor-context/core';
import type { ImsupportingReservedKey, ImsupportingVisitorContext } from './imsupporting-api.js';
import {
  isReservedKey,
  metadataFieldsByKey,
  rejectedFieldsKey,
  reservedKeyFields,
  unmappedPairsKey,
} from './imsupporting-keys.js';
import { defaultImsupportingMetadataKeys, type ImsupportingMetadataField, type ImsupportingSettings } from './imsupporting-defaults.js';
import type { ImsupportingToVendorOptions } from './imsupporting-options.js';
import {
  base64Length,
  checkKey,
  keyPatternOf,
  memberBytes,
  objectBytes,
  storeValue,
  truncateCharacters,
} from './imsupporting-server-rules.js';

/** One pair on its way to the vendor, with the canonical path it came from (for diagnostics). */
interface Pair {
  readonly key: string;
  readonly value: string;
  readonly path: DiagnosticPath;
}

/**
 * The metadata fields in the order they are sent: the visitor's own before the attributes, page, device and
 * location after them. Derived from the default key map, which lists every metadata field once.
 */
const metadataFields = /* @__PURE__ */ Object.keys(defaultImsupportingMetadataKeys) as ImsupportingMetadataField[];
const visitorMetadataFields = /* @__PURE__ */ metadataFields.filter((field) => field.startsWith('visitor.'));
const otherMetadataFields = /* @__PURE__ */ metadataFields.filter((field) => !field.startsWith('visitor.'));

const vendorId = 'imsupporting';

/**
 * Translates a validated context into the Flow Widget's visitor-context object, as the server will store it:
 * pre-fill keys first, then metadata. Everything the server would drop or change is reported on `diagnostics`.
 */
export function toImsupporting(
  context: VisitorContext,
  options: ImsupportingToVendorOptions,
  settings: ImsupportingSettings,
  diagnostics: Diagnostics,
): ImsupportingVisitorContext {
  const translation = new Translation(context, options, settings, diagnostics);
  translation.addReserved('visitor.name', 'ims_username');
  translation.addReserved('visitor.email', 'ims_email');
  translation.addReserved('visitor.phone', options.phoneKey ?? 'ims_telephone');
  for (const field of visitorMetadataFields) translation.addMetadata(field);
  for (const [key, value] of Object.entries(context.attributes ?? {})) translation.addAttribute(key, value);
  for (const field of otherMetadataFields) translation.addMetadata(field);
  translation.addVendorBag();
  return translation.finish();
}

/** The canonical field each key is read back as, by adapter settings: fixed when the adapter is made, so built once. */
const readBackFields = new WeakMap<ImsupportingSettings, ReadonlyMap<string, string>>();

function readBackFieldsOf(settings: ImsupportingSettings): ReadonlyMap<string, string> {
  let fields = readBackFields.get(settings);
  if (fields === undefined) {
    const built = new Map<string, string>(Object.entries(reservedKeyFields));
    for (const [key, field] of metadataFieldsByKey(settings)) built.set(key, field);
    readBackFields.set(settings, (fields = built));
  }
  return fields;
}

class Translation {
  readonly #pairs: Pair[] = [];
  /** Which canonical path owns each key sent so far, so a later pair cannot overwrite it (formatted only when reported). */
  readonly #owners = new Map<string, DiagnosticPath>();
  /** The keys the adapter reads back as a canonical field other than an attribute. */
  readonly #fieldKeys: ReadonlyMap<string, string>;
  readonly #pattern: RegExp;

  constructor(
    private readonly context: VisitorContext,
    private readonly options: ImsupportingToVendorOptions,
    private readonly settings: ImsupportingSettings,
    private readonly diagnostics: Diagnostics,
  ) {
    this.#fieldKeys = readBackFieldsOf(settings);
    this.#pattern = keyPatternOf(settings.limits);
  }

  addReserved(field: 'visitor.name' | 'visitor.email' | 'visitor.phone', key: ImsupportingReservedKey): void {
    const value = readContextField(this.context, field);
    if (value !== undefined) this.#add(key, value, fieldPath(field));
  }

  addMetadata(field: ImsupportingMetadataField): void {
    const value = readContextField(this.context, field);
    if (value === undefined) return;
    const key = metadataKeyOf(this.settings, field);
    if (key === undefined) {
      this.diagnostics.warning(
        'field_dropped',
        fieldPath(field),
        `${field} is not sent: its metadata key is turned off (metadataKeys.${field} is false).`,
      );
      return;
    }
    this.#add(key, value, fieldPath(field));
  }

  addAttribute(key: string, value: string | number | boolean): void {
    const path = ['attributes', key];
    const sentKey = this.#acceptableKey(key, path);
    if (sentKey === undefined) return;
    // ims_phone next to ims_telephone is only an alias the vendor ignores; it comes back in the vendor bag.
    const readBackAs =
      sentKey === 'ims_phone' && this.#owners.has('ims_telephone')
        ? `vendor.${vendorId}.${unmappedPairsKey}.ims_phone`
        : this.#fieldKeys.get(sentKey);
    if (readBackAs !== undefined && !this.#owners.has(sentKey)) {
      this.diagnostics.warning(
        'field_renamed',
        path,
        `${formatPath(path)} is sent as "${sentKey}", a key this adapter reads back as ${readBackAs}${isReservedKey(sentKey) && readBackAs.startsWith('visitor.') ? ' (a reserved pre-fill key: the workflow will use it)' : ''}. Rename the attribute, or set ${readBackAs} instead.`,
      );
    } else if (readBackAs === undefined && /^ims_/i.test(sentKey)) {
      this.diagnostics.warning(
        'unreserved_ims_key',
        path,
        `"${sentKey}" starts with "ims_" but is not a reserved pre-fill key (keys are case-sensitive; the reserved ones are ims_username, ims_email, ims_telephone and ims_phone). The vendor shows it as plain metadata and pre-fills nothing.`,
      );
    }
    this.#add(sentKey, value, path);
  }

  addVendorBag(): void {
    const bag = this.context.vendor?.[vendorId];
    if (bag === undefined) return;
    for (const [name, content] of Object.entries(bag)) {
      const bagPath = ['vendor', vendorId, name];
      if (name === unmappedPairsKey && isObject(content)) {
        for (const [key, value] of Object.entries(content)) this.#addVendorPair(key, value, [...bagPath, key]);
      } else if (name === rejectedFieldsKey && isObject(content)) {
        for (const [field, value] of Object.entries(content)) this.#addRejectedField(field, value, [...bagPath, field]);
      } else {
        this.diagnostics.warning(
          'field_dropped',
          bagPath,
          `${formatPath(bagPath)} is not sent: only vendor.${vendorId}.${unmappedPairsKey} (pairs with no canonical field) travels to the vendor.`,
        );
      }
    }
  }

  finish(): ImsupportingVisitorContext {
    const { maxEntries, maxPayloadLength } = this.settings.limits;
    const kept = this.#pairs.slice(0, maxEntries);
    for (const pair of this.#pairs.slice(maxEntries)) {
      this.diagnostics.warning(
        'field_dropped',
        pair.path,
        `${formatPath(pair.path)} is not sent: the server keeps only the first ${maxEntries} pairs, and pre-fill keys, visitor fields and earlier attributes come first. Send fewer attributes.`,
      );
    }
    const members = kept.map((pair) => memberBytes(pair.key, pair.value));
    // The payload's size with the first `fitting` pairs, shrunk one pair at a time (not re-summed for each count).
    let fitting = kept.length;
    let bytes = objectBytes(members);
    while (fitting > 0 && base64Length(bytes) > maxPayloadLength) {
      fitting--;
      bytes -= (members[fitting] as number) + (fitting > 0 ? 1 : 0);
    }
    for (const pair of kept.splice(fitting)) {
      this.diagnostics.warning(
        'field_dropped',
        pair.path,
        `${formatPath(pair.path)} is not sent: with it the base64 payload would exceed ${maxPayloadLength} characters, and the server would discard the whole context. Send shorter values or fewer attributes.`,
      );
    }
    const payload: ImsupportingVisitorContext = {};
    for (const pair of kept) {
      // Assigned, which is fast; only "__proto__" (a key the server's pattern allows) must be defined, or it would set the prototype.
      if (pair.key === '__proto__') Object.defineProperty(payload, pair.key, { value: pair.value, enumerable: true, writable: true, configurable: true });
      else payload[pair.key] = pair.value;
    }
    return payload;
  }

  #addVendorPair(key: string, value: JsonValue, path: DiagnosticPath): void {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      this.diagnostics.warning(
        'field_dropped',
        path,
        `${formatPath(path)} is not sent: the vendor keeps only strings, numbers and booleans.`,
      );
      return;
    }
    const sentKey = this.#acceptableKey(key, path);
    if (sentKey !== undefined) this.#add(sentKey, value, path);
  }

  /** Sends back, under its vendor key, a value the canonical model refused on the way in (say an invalid email). */
  #addRejectedField(field: string, value: JsonValue, path: DiagnosticPath): void {
    const key = isCanonicalReserved(field) ? reservedKeyFor(field, this.options) : metadataKeyOf(this.settings, field);
    if (key === undefined || value === null || typeof value === 'object' || readContextField(this.context, field) !== undefined) {
      this.diagnostics.warning(
        'field_dropped',
        path,
        `${formatPath(path)} is not sent: it is a value the canonical model refused on the way in, and it has no free vendor key now.`,
      );
      return;
    }
    this.#add(key, value, path);
  }

  /** The key to send for a caller-chosen key, or `undefined` (with a warning) when the server would drop it. */
  #acceptableKey(key: string, path: DiagnosticPath): string | undefined {
    const { limits } = this.settings;
    const problem = checkKey(key, limits);
    if (problem === undefined) return key;
    if (this.options.invalidKeys === 'replace') {
      const replaced = truncateCharacters(key.replace(/[^a-zA-Z0-9_-]/g, '_'), limits.maxKeyLength);
      if (replaced !== '' && this.#pattern.test(replaced)) {
        this.diagnostics.warning(
          'field_renamed',
          path,
          `${formatPath(path)} is sent as "${replaced}": the server accepts only keys matching ${limits.keyPattern} of at most ${limits.maxKeyLength} characters.`,
        );
        return replaced;
      }
    }
    this.diagnostics.warning(
      'field_dropped',
      path,
      problem === 'pattern'
        ? `${formatPath(path)} is not sent: the server silently drops keys that do not match ${limits.keyPattern} (letters, digits, "_" and "-"). Rename it, or pass invalidKeys: "replace".`
        : `${formatPath(path)} is not sent: the server silently drops keys longer than ${limits.maxKeyLength} characters. Shorten it.`,
    );
    return undefined;
  }

  #add(key: string, value: string | number | boolean, path: DiagnosticPath): void {
    const owner = this.#owners.get(key);
    if (owner !== undefined) {
      this.diagnostics.warning(
        'field_dropped',
        path,
        `${formatPath(path)} is not sent: its key "${key}" already carries ${formatPath(owner)}. Rename one of them.`,
      );
      return;
    }
    this.#owners.set(key, path);
    const text = typeof value === 'string' ? value : String(value);
    if (typeof value !== 'string') {
      this.diagnostics.warning(
        'value_coerced',
        path,
        `${formatPath(path)} is sent as the string "${text}": the vendor stores every value as a string.`,
      );
    }
    const { stored, htmlChanged, truncated } = storeValue(text, this.settings.limits);
    if (htmlChanged) {
      this.diagnostics.warning(
        'html_sanitized',
        path,
        `${formatPath(path)} contains HTML or character references; the server HTML-decodes values and strips tags, so operators will see ${JSON.stringify(truncateCharacters(stored, 80))}. Send plain text.`,
      );
    }
    if (truncated) {
      this.diagnostics.warning(
        'value_truncated',
        path,
        `${formatPath(path)} is cut to ${this.settings.limits.maxValueLength} characters, the longest value the server keeps.`,
      );
    }
    // Sending the stored form keeps the payload small and shows what operators will see; when the server's
    // decoding would change that form again (a double-encoded reference), the original is sent instead.
    const resent = storeValue(stored, this.settings.limits);
    this.#pairs.push({ key, value: resent.stored === stored ? stored : text, path });
  }
}

function metadataKeyOf(settings: ImsupportingSettings, field: string): string | undefined {
  return Object.hasOwn(settings.metadataKeys, field) ? settings.metadataKeys[field as ImsupportingMetadataField] : undefined;
}

function fieldPath(field: string): DiagnosticPath {
  const dot = field.indexOf('.');
  return [field.slice(0, dot), field.slice(dot + 1)];
}

function isObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCanonicalReserved(field: string): field is 'visitor.name' | 'visitor.email' | 'visitor.phone' {
  return field === 'visitor.name' || field === 'visitor.email' || field === 'visitor.phone';
}

function reservedKeyFor(field: string, options: ImsupportingToVendorOptions): ImsupportingReservedKey | undefined {
  if (field === 'visitor.name') return 'ims_username';
  if (field === 'visitor.email') return 'ims_email';
  if (field === 'visitor.phone') return options.phoneKey ?? 'ims_telephone';
  return undefined;
}
