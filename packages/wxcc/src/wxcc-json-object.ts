import type { JsonObject, JsonValue } from '@visitor-context/core';

/*
 * Own-property helpers for inbound data: a payload's keys are untrusted, so a key such as `constructor` or
 * `toString` must never reach `Object.prototype`, neither when read nor when written.
 */

export const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value of an own property, never an inherited one. */
export const ownValue = (object: JsonObject, key: string): JsonValue | undefined => (Object.hasOwn(object, key) ? object[key] : undefined);

/**
 * Sets an own data property, so that no key can reach a prototype setter. `__proto__` is the only key whose
 * assignment reaches a setter on an ordinary object (Object.prototype's), so only it needs defineProperty, which
 * is several times slower than assignment.
 */
export function setOwn(target: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** A copy of `object` in the same key order, with `key` left out (`replacement` undefined) or replaced. */
export function withEntry(object: JsonObject, key: string, replacement: JsonValue | undefined): JsonObject {
  const copy: JsonObject = {};
  for (const [name, value] of Object.entries(object)) {
    if (name !== key) setOwn(copy, name, value);
    else if (replacement !== undefined) setOwn(copy, name, replacement);
  }
  return copy;
}
