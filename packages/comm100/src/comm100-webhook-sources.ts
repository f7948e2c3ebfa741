import type { JsonObject, JsonValue } from '@visitor-context/core';

/*
 * What both paths of `fromComm100` (general and fast) read a webhook with: where its custom data sits, and
 * own-property helpers for its untrusted keys.
 */

/** Where custom data sits in a webhook, in the order later sources override earlier ones. */
export const attributeSources = [
  ['visitor', 'custom_fields'],
  ['visitor', 'custom_variables'],
  ['chat', 'custom_fields'],
  ['chat', 'custom_variable'],
  ['offline_message', 'custom_fields'],
  ['offline_message', 'custom_variable'],
] as const;

/** Keys the canonical model refuses anywhere, because they can pollute prototypes. */
export const prototypeKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An own property of a vendor object, never one inherited from `Object.prototype`. */
export const own = (object: JsonObject, key: string): JsonValue | undefined => (Object.hasOwn(object, key) ? object[key] : undefined);

/**
 * Sets an own data property, whatever the key (no `__proto__` setter). `__proto__` is the only key whose
 * assignment reaches a setter on an ordinary object (Object.prototype's), so only it needs defineProperty, which
 * is several times slower than assignment.
 */
export function setOwn(object: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/**
 * A custom field or variable list without the values the context carries: such an item loses its `value`
 * (its `name` is the attribute's key) and is left out when nothing else (a `field_id`, say) remains. An empty,
 * refused, conflicting or truncated value is kept. `undefined` when every item was carried.
 */
export function withoutCarriedValues(items: JsonValue, isCarried: (name: string, value: JsonValue) => boolean): JsonValue | undefined {
  if (!Array.isArray(items)) return items;
  const kept: JsonValue[] = [];
  let pruned = false;
  for (const item of items) {
    const name = isObject(item) ? own(item, 'name') : undefined;
    const value = isObject(item) ? own(item, 'value') : undefined;
    if (!isObject(item) || typeof name !== 'string' || value === undefined || !isCarried(name, value)) {
      kept.push(item);
      continue;
    }
    pruned = true;
    const rest: JsonObject = {};
    for (const [key, itemValue] of Object.entries(item)) if (key !== 'value') setOwn(rest, key, itemValue);
    if (Object.keys(rest).some((key) => key !== 'name')) kept.push(rest);
  }
  return pruned && kept.length === 0 ? undefined : kept;
}

/** `owner` with `key` replaced by `replacement`, or left out when that is undefined, in the same key order. */
export function withEntry(owner: JsonObject, key: string, replacement: JsonValue | undefined): JsonObject {
  const copy: JsonObject = {};
  for (const [ownerKey, ownerValue] of Object.entries(owner)) {
    if (ownerKey !== key) setOwn(copy, ownerKey, ownerValue);
    else if (replacement !== undefined) setOwn(copy, ownerKey, replacement);
  }
  return copy;
}
