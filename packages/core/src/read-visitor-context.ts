import { regexes } from 'zod/mini';
import type { Diagnostic, Result } from './diagnostics.js';
import { maxAttributeKeyLength, type VisitorContextLimits } from './limits.js';
import { visitorIdCoerced } from './coerce-visitor-id.js';
import { isPlainPrototype, utf8Length, type JsonObject, type JsonValue } from './plain-data.js';
import { vendorIdPattern, visitorContextFields, type VisitorContext } from './visitor-context-schema.js';

/**
 * How the reader may read what it is given.
 * - `copy`: input from outside (any object a caller passes). Own data properties only, read through their
 *   descriptors so that no getter runs; symbol keys refused; everything copied into fresh objects.
 * - `inPlace`: an adapter's `fromVendor` draft, made in this very call from values core's safe parser produced
 *   (or copied) and from the adapter's own fresh objects. Read directly and kept where it stands; prototypes,
 *   prototype keys, types, limits and the schema are checked all the same.
 * @internal
 */
export type ReadMode = 'copy' | 'inPlace';

/** Thrown inside the reader when it meets anything it does not accept; caught in {@link readVisitorContext}. */
const unsure = { reason: 'the schema path decides' };

function giveUp(): never {
  throw unsure;
}

/** Each fixed section's fields in schema order, with their position, so that the copy keeps zod's key order. */
interface FieldPositions {
  readonly visitor: ReadonlyMap<string, number>;
  readonly page: ReadonlyMap<string, number>;
  readonly device: ReadonlyMap<string, number>;
  readonly location: ReadonlyMap<string, number>;
}

/** Made on first use, not at import: browser bundles that import core but never validate must not carry it. */
let fieldPositions: FieldPositions | undefined;

function positionsOf(): FieldPositions {
  const positions = (fields: readonly string[]): ReadonlyMap<string, number> => new Map(fields.map((field, index) => [field, index]));
  return {
    visitor: positions(visitorContextFields.visitor),
    page: positions(visitorContextFields.page),
    device: positions(visitorContextFields.device),
    location: positions(visitorContextFields.location),
  };
}

/**
 * Validates a visitor context in one walk written for this schema: the plain-data copy, the limits and the
 * schema checks of {@link parseVisitorContext} at once, with no code generation (strict CSPs keep working).
 *
 * @remarks
 * It only ever answers "valid, and here is the value": a success identical to what the schema path returns
 * (same value, same key order, same warnings). On anything else (an invalid field, a limit reached, a getter, a
 * proxy that throws, a shape it does not know) it returns `undefined` and the caller runs the schema path, which
 * stays the schema of record and words every diagnostic. A differential property test holds the two to that.
 * @internal
 */
export function readVisitorContext(
  input: unknown,
  limits: VisitorContextLimits,
  mode: ReadMode,
): Result<VisitorContext> | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const reader = new ContextReader(limits, mode === 'inPlace');
  try {
    const value = reader.context(input);
    return { ok: true, value, diagnostics: reader.warnings };
  } catch {
    // `unsure`, or a proxy trap that threw: the schema path reads the input again and answers (or throws) as it always did.
    return undefined;
  }
}

class ContextReader {
  /**
   * The value's size as the plain-data copy counts it (UTF-8 bytes of its JSON), as a lower bound: exact but for
   * texts longer than {@link measuredTextLength} code units, counted as one byte per unit, and numbers other than
   * short integers (see {@link isMeasured}), counted as one character.
   */
  private bytes = 0;
  /**
   * How much more the exact count can be, for the long texts and odd numbers that are not measured as they are
   * met: 2 per code unit (no unit takes more than 3 bytes), 24 per number (no number's text is longer than 25
   * characters). Only when the bound could pass the limit are those measured, once, on the result: most
   * contexts are far below it, and measuring every string was a sixth of the walk.
   */
  private wide = 0;
  /** The long texts and odd numbers counted by their lower bound, to be measured if the bound requires it. */
  private readonly unmeasured: (string | number)[] = [];
  readonly warnings: Diagnostic[] = [];
  /** Objects met in vendor bags when reading in place: one object reached twice must not become shared state. */
  private readonly seen: Set<object> | undefined;

  constructor(
    private readonly limits: VisitorContextLimits,
    private readonly inPlace: boolean,
  ) {
    this.seen = inPlace ? new Set() : undefined;
  }

  context(input: object): VisitorContext {
    const fields = (fieldPositions ??= positionsOf());
    this.object(input, 1);
    let visitor: unknown;
    let attributes: unknown;
    let page: unknown;
    let device: unknown;
    let location: unknown;
    let vendor: unknown;
    const keys = this.keys(input);
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index] as string;
      const value = this.read(input, key);
      if (value === undefined) continue;
      // Exact: every key that is not given up on below is a section name, in ASCII.
      this.bytes += key.length + 4;
      switch (key) {
        case 'visitor':
          visitor = this.section(value, fields.visitor, true);
          break;
        case 'attributes':
          attributes = this.attributes(value);
          break;
        case 'page':
          page = this.section(value, fields.page, false);
          break;
        case 'device':
          device = this.section(value, fields.device, false);
          break;
        case 'location':
          location = this.section(value, fields.location, false);
          break;
        case 'vendor':
          vendor = this.vendor(value);
          break;
        default:
          giveUp();
      }
      this.checkBudget();
    }
    // zod builds strict objects in schema order, whatever order the input had.
    const context: Record<string, unknown> = {};
    if (visitor !== undefined) context['visitor'] = visitor;
    if (attributes !== undefined) context['attributes'] = attributes;
    if (page !== undefined) context['page'] = page;
    if (device !== undefined) context['device'] = device;
    if (location !== undefined) context['location'] = location;
    if (vendor !== undefined) context['vendor'] = vendor;
    this.checkBudget();
    if (this.bytes + this.wide > this.limits.maxTotalBytes && this.bytes + extraBytes(this.unmeasured) > this.limits.maxTotalBytes) giveUp();
    return context as VisitorContext;
  }

  /** A fixed section (visitor, page, device, location): known fields, each a string. */
  private section(value: unknown, fields: ReadonlyMap<string, number>, isVisitor: boolean): Record<string, string> {
    const object = this.record(value, 2);
    const keys = this.keys(object);
    const copy: Record<string, string> = {};
    let inOrder = true;
    let kept = true;
    let last = -1;
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index] as string;
      let field = this.read(object, key);
      if (field === undefined) {
        kept = false;
        continue;
      }
      const position = fields.get(key);
      if (position === undefined) giveUp();
      if (position < last) inOrder = false;
      last = position;
      this.bytes += key.length + 4;
      if (typeof field === 'number' && isVisitor && key === 'id') {
        if (!Number.isSafeInteger(field)) giveUp();
        this.warnings.push(visitorIdCoerced(field));
        const text = String(field);
        // Counted exactly here, as the copy counts the number: digits and sign, the same as its text.
        this.bytes += text.length;
        field = text;
        kept = false;
      } else if (typeof field === 'string') {
        this.string(field);
        if (isVisitor && key === 'email') {
          regexes.email.lastIndex = 0;
          if (!regexes.email.test(field)) giveUp();
        }
      } else {
        giveUp();
      }
      copy[key] = field as string;
    }
    if (inOrder) return this.inPlace && kept ? (object as Record<string, string>) : copy;
    const ordered: Record<string, string> = {};
    for (const key of fields.keys()) if (Object.hasOwn(copy, key)) ordered[key] = copy[key] as string;
    return ordered;
  }

  /** `attributes`: keys of 1–100 printable characters, values string, number or boolean, at most maxAttributes. */
  private attributes(value: unknown): Record<string, string | number | boolean> {
    const object = this.record(value, 2);
    const keys = this.keys(object);
    const copy: Record<string, string | number | boolean> = {};
    let count = 0;
    let kept = true;
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index] as string;
      const item = this.read(object, key);
      if (item === undefined) {
        kept = false;
        continue;
      }
      if (isPrototypeKey(key) || !isAttributeKey(key)) giveUp();
      this.countKey(key);
      if (typeof item === 'string') this.string(item);
      else if (typeof item === 'number') this.number(item);
      else if (typeof item === 'boolean') this.bytes += item ? 4 : 5;
      else giveUp();
      // Past the limit the schema path refuses the context: give up now rather than read the rest of a long list.
      if (++count > this.limits.maxAttributes) giveUp();
      copy[key] = item;
    }
    return this.inPlace && kept ? (object as Record<string, string | number | boolean>) : copy;
  }

  /** `vendor`: one bag (a JSON object) per adapter id. */
  private vendor(value: unknown): Record<string, JsonObject> {
    const object = this.record(value, 2);
    const keys = this.keys(object);
    const copy: Record<string, JsonObject> = {};
    let kept = true;
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index] as string;
      const bag = this.read(object, key);
      if (bag === undefined) {
        kept = false;
        continue;
      }
      vendorIdPattern.lastIndex = 0;
      if (!vendorIdPattern.test(key)) giveUp();
      this.bytes += key.length + 4;
      if (typeof bag !== 'object' || bag === null || Array.isArray(bag)) giveUp();
      const read = this.json(bag, 3) as JsonObject;
      if (read !== bag) kept = false;
      copy[key] = read;
    }
    return this.inPlace && kept ? (object as Record<string, JsonObject>) : copy;
  }

  /** Any JSON value inside a vendor bag. In place, returns the value itself. */
  private json(value: unknown, depth: number): JsonValue {
    switch (typeof value) {
      case 'string':
        this.string(value);
        return value;
      case 'number':
        this.number(value);
        return value;
      case 'boolean':
        this.bytes += value ? 4 : 5;
        return value;
      case 'object':
        break;
      default:
        return giveUp();
    }
    if (value === null) {
      this.bytes += 4;
      return null;
    }
    if (depth > this.limits.maxDepth) giveUp();
    if (this.seen !== undefined) {
      if (this.seen.has(value)) giveUp();
      this.seen.add(value);
    }
    if (Array.isArray(value)) return this.array(value, depth);
    this.checkPrototype(value);
    const keys = this.keys(value);
    const copy: JsonObject = this.inPlace ? (value as JsonObject) : {};
    this.bytes += 2;
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index] as string;
      const item = this.read(value, key);
      // In place, an undefined member would have to be removed from the caller's object: let the copying path do it.
      if (item === undefined) {
        if (this.inPlace) giveUp();
        continue;
      }
      if (isPrototypeKey(key)) giveUp();
      this.countKey(key);
      const read = this.json(item, depth + 1);
      if (!this.inPlace) copy[key] = read;
      this.checkBudget();
    }
    return copy;
  }

  private array(array: readonly unknown[], depth: number): JsonValue[] {
    // The copy makes a plain array of any array (a subclass's too); kept in place, it must already be one.
    if (this.inPlace && Object.getPrototypeOf(array) !== Array.prototype) giveUp();
    const length = array.length;
    const copy: JsonValue[] = this.inPlace ? (array as JsonValue[]) : [];
    this.bytes += 2;
    for (let index = 0; index < length; index++) {
      let item: unknown;
      if (this.inPlace) {
        item = array[index];
      } else {
        const descriptor = Object.getOwnPropertyDescriptor(array, index);
        if (descriptor === undefined || !('value' in descriptor)) giveUp();
        item = descriptor.value;
      }
      if (item === undefined) giveUp();
      const read = this.json(item, depth + 1);
      if (!this.inPlace) copy.push(read);
      this.bytes += 1;
      this.checkBudget();
    }
    return copy;
  }

  /** An object the schema reads as a record or a strict object, with the copy's checks. */
  private record(value: unknown, depth: number): object {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) giveUp();
    this.object(value, depth);
    return value;
  }

  private object(value: object, depth: number): void {
    if (depth > this.limits.maxDepth) giveUp();
    this.checkPrototype(value);
    this.bytes += 2;
  }

  /**
   * The copy accepts plain objects of any realm and null-prototype objects, and makes ordinary objects of them.
   * Kept in place, an object must already be an ordinary object of this realm.
   */
  private checkPrototype(value: object): void {
    const prototype = Object.getPrototypeOf(value);
    if (this.inPlace ? prototype !== Object.prototype : !isPlainPrototype(value, prototype)) giveUp();
  }

  /** Own enumerable string keys, in the order the plain-data copy visits them; any symbol key is refused there. */
  private keys(object: object): string[] {
    if (!this.inPlace && Object.getOwnPropertySymbols(object).length > 0) giveUp();
    return Object.keys(object);
  }

  /** An own data property's value without running a getter; `undefined` for a member the copy skips. */
  private read(object: object, key: string): unknown {
    if (this.inPlace) return (object as Record<string, unknown>)[key];
    const descriptor = Object.getOwnPropertyDescriptor(object, key);
    if (descriptor === undefined || !descriptor.enumerable) return undefined;
    if (!('value' in descriptor)) giveUp();
    return descriptor.value;
  }

  private string(value: string): void {
    if (value.length > this.limits.maxStringLength) giveUp();
    this.bytes += this.text(value) + 2;
    this.checkBudget();
  }

  private number(value: number): void {
    if (!Number.isFinite(value)) giveUp();
    if (isMeasured(value)) {
      this.bytes += integerLength(value);
    } else {
      this.bytes += 1;
      this.wide += 24;
      this.unmeasured.push(value);
    }
  }

  private countKey(key: string): void {
    this.bytes += this.text(key) + 4;
  }

  /** A text's bytes, or its lower bound for one longer than {@link measuredTextLength}. */
  private text(value: string): number {
    if (value.length <= measuredTextLength) return utf8Length(value);
    this.wide += value.length * 2;
    this.unmeasured.push(value);
    return value.length;
  }

  /** The copy stops at the first byte over the budget; any later point is as good for giving up early. */
  private checkBudget(): void {
    if (this.bytes > this.limits.maxTotalBytes) giveUp();
  }
}

/** What the exact count adds to the lower bound: UTF-8 bytes beyond one per code unit, digits beyond the first. */
function extraBytes(values: readonly (string | number)[]): number {
  let extra = 0;
  for (const value of values) extra += typeof value === 'string' ? utf8Length(value) - value.length : String(value).length - 1;
  return extra;
}

/** Texts up to this many code units are measured as they are met; longer ones only if the bound requires it. */
const measuredTextLength = 32;

/**
 * Whether the walk counts a number's bytes exactly as it meets it: integers below 10^15, by their digits,
 * without making their text.
 */
function isMeasured(value: number): boolean {
  return Number.isInteger(value) && value > -1e15 && value < 1e15;
}

/** The length of an integer's text (|value| below 10^15), as `String(value).length`: `-0` is `"0"`. */
function integerLength(value: number): number {
  let digits = 1;
  const magnitude = value < 0 ? -value : value;
  for (let power = 10; magnitude >= power; power *= 10) digits++;
  return value < 0 ? digits + 1 : digits;
}

function isPrototypeKey(key: string): boolean {
  return key === '__proto__' || key === 'constructor' || key === 'prototype';
}

/**
 * The schema's attribute key rule (`attributeKeyPattern` and the length checks): 1–100 UTF-16 code units, none of
 * them a C0 or C1 control character. A loop, because a regular expression per key was a tenth of the walk.
 */
function isAttributeKey(key: string): boolean {
  if (key.length === 0 || key.length > maxAttributeKeyLength) return false;
  for (let index = 0; index < key.length; index++) {
    const code = key.charCodeAt(index);
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return false;
  }
  return true;
}
