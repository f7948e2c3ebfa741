import type { Diagnostics, DiagnosticPath } from './diagnostics.js';

/** A JSON value as plain data. @public */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object as plain data. @public */
export type JsonObject = { [key: string]: JsonValue };

/**
 * Keys that can change an object's prototype when a copy is made with assignment semantics.
 * `__proto__` is refused everywhere; see {@link PlainDataRules.refuse} for the rest.
 */
const prototypeKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** @internal */
export interface PlainDataRules {
  readonly maxDepth: number;
  readonly maxBytes: number;
  readonly maxStringLength?: number;
  /**
   * `all`: refuse `__proto__`, `constructor` and `prototype` anywhere (the canonical model).
   * `json`: refuse `__proto__` anywhere and `constructor` holding an object with `prototype`
   * (secure-json-parse's rules, for vendor payloads that may legitimately say "constructor").
   */
  readonly refuse: 'all' | 'json';
}

/**
 * Copies `input` into fresh ordinary objects and arrays, reading only own data properties:
 * no getter, setter or `toJSON` is ever invoked. Reports anything that is not plain JSON data.
 * Returns `undefined` when an error was reported.
 * @internal
 */
export function copyPlainData(
  input: unknown,
  rules: PlainDataRules,
  diagnostics: Diagnostics,
  basePath: DiagnosticPath = [],
): JsonValue | undefined {
  let bytes = 0;
  let failed = false;
  // One shared path stack, copied only when a diagnostic needs it: allocating a path per visited value
  // was most of the walk's cost.
  const path: (string | number)[] = [...basePath];
  const fail = (code: string, message: string): undefined => {
    diagnostics.error(code, [...path], message);
    failed = true;
    return undefined;
  };
  const overBudget = (): boolean => {
    if (bytes <= rules.maxBytes) return false;
    fail('too_large', `The value is larger than ${rules.maxBytes} bytes as JSON. Send less data, or raise the limit.`);
    return true;
  };

  const visit = (value: unknown, depth: number): JsonValue | undefined => {
    if (failed) return undefined;
    switch (typeof value) {
      case 'string':
        if (rules.maxStringLength !== undefined && value.length > rules.maxStringLength) {
          return fail(
            'string_too_long',
            `This string has ${value.length} characters; the limit is ${rules.maxStringLength}. Shorten it, or raise maxStringLength.`,
          );
        }
        bytes += utf8Length(value) + 2;
        return overBudget() ? undefined : value;
      case 'number':
        if (!Number.isFinite(value)) {
          return fail('non_finite_number', `${String(value)} is not a JSON number. Send a finite number, or a string.`);
        }
        bytes += String(value).length;
        return value;
      case 'boolean':
        bytes += value ? 4 : 5;
        return value;
      case 'object':
        break;
      default:
        return fail('not_plain_data', `A ${typeof value} cannot be sent as JSON data. Convert it to a string, number or boolean first.`);
    }
    if (value === null) {
      bytes += 4;
      return null;
    }
    if (depth > rules.maxDepth) {
      return fail('too_deep', `The value is nested deeper than ${rules.maxDepth} levels. Flatten it.`);
    }
    if (Array.isArray(value)) return visitArray(value, depth);
    const prototype = Object.getPrototypeOf(value);
    if (!isPlainPrototype(value, prototype)) {
      const kind = (prototype as { constructor?: { name?: unknown } } | null)?.constructor?.name;
      return fail(
        'not_plain_data',
        `Only plain objects can be sent; this is ${typeof kind === 'string' && kind !== '' ? `a ${kind}` : 'a class instance'}. Convert it to plain data first (e.g. a Date to an ISO string).`,
      );
    }
    return visitObject(value as object, depth);
  };

  const visitArray = (array: readonly unknown[], depth: number): JsonValue | undefined => {
    const copy: JsonValue[] = [];
    bytes += 2;
    for (let index = 0; index < array.length; index++) {
      const descriptor = Object.getOwnPropertyDescriptor(array, index);
      path.push(index);
      if (descriptor === undefined) return fail('not_plain_data', 'Arrays must not have holes. Fill every index.');
      if (!('value' in descriptor)) return fail('not_plain_data', 'Getters are never called. Send the value itself.');
      const item = visit(descriptor.value, depth + 1);
      if (failed) return undefined;
      copy.push(item as JsonValue);
      bytes += 1;
      if (overBudget()) return undefined;
      path.pop();
    }
    return copy;
  };

  const visitObject = (object: object, depth: number): JsonValue | undefined => {
    const copy: JsonObject = {};
    bytes += 2;
    for (const key of Reflect.ownKeys(object)) {
      if (typeof key === 'symbol') return fail('not_plain_data', 'Symbol keys cannot be sent as JSON. Remove them.');
      const descriptor = Object.getOwnPropertyDescriptor(object, key);
      if (descriptor === undefined || !descriptor.enumerable) continue;
      path.push(key);
      if (!('value' in descriptor)) return fail('not_plain_data', 'Getters are never called. Send the value itself.');
      if (descriptor.value === undefined) {
        path.pop();
        continue;
      }
      if (isRefusedKey(key, descriptor.value, rules.refuse)) {
        return fail('forbidden_key', `The key "${key}" is refused because it can pollute prototypes. Rename it.`);
      }
      bytes += utf8Length(key) + 4;
      const item = visit(descriptor.value, depth + 1);
      if (failed) return undefined;
      copy[key] = item as JsonValue;
      if (overBudget()) return undefined;
      path.pop();
    }
    return copy;
  };

  const result = visit(input, 1);
  return failed ? undefined : result;
}

/**
 * Checks a value fresh from `JSON.parse` (plain objects and arrays only, no accessors, size already bounded by
 * its text) for refused keys and depth, without copying it. Returns false when an error was reported.
 * @internal
 */
export function scanParsedJson(value: unknown, maxDepth: number, diagnostics: Diagnostics): boolean {
  // Most payloads are clean: check them without keeping a path, and walk again for the path only to report.
  if (isCleanParsedJson(value, 1, maxDepth)) return true;
  const path: (string | number)[] = [];
  const scan = (node: unknown, depth: number): boolean => {
    if (typeof node !== 'object' || node === null) return true;
    if (depth > maxDepth) {
      diagnostics.error('too_deep', [...path], `The value is nested deeper than ${maxDepth} levels. Flatten it.`);
      return false;
    }
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) {
        path.push(index);
        if (!scan(node[index], depth + 1)) return false;
        path.pop();
      }
      return true;
    }
    for (const key of Object.keys(node)) {
      path.push(key);
      const item = (node as Record<string, unknown>)[key];
      if (isRefusedKey(key, item, 'json')) {
        diagnostics.error('forbidden_key', [...path], `The key "${key}" is refused because it can pollute prototypes. Rename it.`);
        return false;
      }
      if (!scan(item, depth + 1)) return false;
      path.pop();
    }
    return true;
  };
  return scan(value, 1);
}

/** {@link scanParsedJson}'s rules as a yes/no answer, without a path: true when nothing would be reported. */
function isCleanParsedJson(node: unknown, depth: number, maxDepth: number): boolean {
  if (typeof node !== 'object' || node === null) return true;
  if (depth > maxDepth) return false;
  if (Array.isArray(node)) {
    for (let index = 0; index < node.length; index++) if (!isCleanParsedJson(node[index], depth + 1, maxDepth)) return false;
    return true;
  }
  const keys = Object.keys(node);
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string;
    const item = (node as Record<string, unknown>)[key];
    if (isRefusedKey(key, item, 'json') || !isCleanParsedJson(item, depth + 1, maxDepth)) return false;
  }
  return true;
}

function isRefusedKey(key: string, value: unknown, refuse: PlainDataRules['refuse']): boolean {
  if (key === '__proto__') return true;
  if (refuse === 'all') return prototypeKeys.has(key);
  return key === 'constructor' && typeof value === 'object' && value !== null && Object.hasOwn(value, 'prototype');
}

/** Only ASCII: one UTF-8 byte per UTF-16 code unit. */
const asciiText = /^[\u0000-\u007f]*$/;

/** UTF-8 byte length of a string, counting a lone surrogate as the 3 bytes of U+FFFD. @internal */
export function utf8Length(text: string): number {
  // The regular expression scans long ASCII text (most of what is measured) several times faster than the loop.
  if (text.length > 32 && asciiText.test(text)) return text.length;
  let length = text.length;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) continue;
    if (code < 0x800) length += 1;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length += 2;
        index++;
        continue;
      }
      length += 2;
    } else length += 2;
  }
  return length;
}

/**
 * Whether an object is plain data by its prototype: none, or an `Object.prototype` of any realm (an iframe's, a
 * `vm` context's, or the one `structuredClone` uses in some edge runtimes), never a class's. Compared by shape, not
 * identity: a realm's `Object.prototype` is the only ordinary prototype whose own prototype is null.
 * @internal
 */
export function isPlainPrototype(value: object, prototype: unknown): boolean {
  if (prototype === null || prototype === Object.prototype) return true;
  return Object.getPrototypeOf(prototype) === null && !(Symbol.toStringTag in value) && !(Symbol.iterator in value);
}
