import { isJsonObject, ownJsonValue, setOwnJsonValue } from '@visitor-context/core';
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

/** An own property of a vendor object, never one inherited from `Object.prototype`. */
export const own = (object: JsonObject, key: string): JsonValue | undefined => (Object.hasOwn(object, key) ? object[key] : undefined);

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
    const name = isJsonObject(item) ? ownJsonValue(item, 'name') : undefined;
    const value = isJsonObject(item) ? ownJsonValue(item, 'value') : undefined;
    if (!isJsonObject(item) || typeof name !== 'string' || value === undefined || !isCarried(name, value)) {
      kept.push(item);
      continue;
    }
    pruned = true;
    const rest: JsonObject = {};
    for (const [key, itemValue] of Object.entries(item)) if (key !== 'value') setOwnJsonValue(rest, key, itemValue);
    if (Object.keys(rest).some((key) => key !== 'name')) kept.push(rest);
  }
  return pruned && kept.length === 0 ? undefined : kept;
}

