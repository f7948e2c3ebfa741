import type { JsonObject, JsonValue } from './plain-data.js';

/*
 * Own-property helpers for adapters reading parsed vendor JSON: a payload's keys are untrusted, so a key such as
 * `constructor`, `toString` or `__proto__` must never reach `Object.prototype`, neither when read nor when written.
 */

/**
 * Whether a JSON value is an object (not `null`, not an array).
 * @public
 */
export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The value of an own property of a JSON object, never an inherited one (`ownJsonValue({}, 'toString')` is
 * `undefined`).
 * @public
 */
export function ownJsonValue(object: JsonObject, key: string): JsonValue | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/**
 * Sets an own data property whatever the key, so no key reaches a prototype setter. `__proto__` is the only key
 * whose assignment reaches a setter on an ordinary object (Object.prototype's), so only it takes
 * `defineProperty`, which is several times slower than assignment.
 * @public
 */
export function setOwnJsonValue(object: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/**
 * A copy of `object` in the same key order, with `key` replaced by `replacement`, or left out when that is
 * `undefined`.
 * @public
 */
export function withJsonEntry(object: JsonObject, key: string, replacement: JsonValue | undefined): JsonObject {
  const copy: JsonObject = {};
  for (const [name, value] of Object.entries(object)) {
    if (name !== key) setOwnJsonValue(copy, name, value);
    else if (replacement !== undefined) setOwnJsonValue(copy, name, replacement);
  }
  return copy;
}
