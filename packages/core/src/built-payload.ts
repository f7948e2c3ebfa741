import type { Result } from './diagnostics.js';
import type { VisitorContextInput } from './visitor-context-schema.js';
import type { JsonValue } from './plain-data.js';
import { defaultJsonLimits } from './limits.js';

/**
 * Why the encoders may skip their defensive copy for some values: `toScriptJson` and the others copy every value
 * they are given as plain data first, so no getter, `toJSON` or proxy trap of a caller's value ever runs. A payload
 * that `defineAdapter`'s `toVendor` has just built is already plain JSON: it was translated from a context that
 * `parseVisitorContext` had copied as plain data, into fresh objects the adapter's own code made. Copying it
 * again only repeated the work. Such payloads are recorded here, and the encoders use them as they are.
 *
 * Only core records: the `toVendor` functions `defineAdapter` (and `withOptionDefaults`) made, and the payloads
 * {@link translateForRendering} got from one of them. A value any caller passes in is never in these sets.
 */
const buildingTranslations = new WeakSet<object>();
const builtPayloads = new WeakSet<object>();

/** Records a `toVendor` that builds its payload from a validated copy of the context. @internal */
export function registerBuildingTranslation(toVendor: object): void {
  buildingTranslations.add(toVendor);
}

/** Whether `toVendor` is one {@link registerBuildingTranslation} recorded. @internal */
export function isBuildingTranslation(toVendor: unknown): boolean {
  return typeof toVendor === 'function' && buildingTranslations.has(toVendor);
}

/** Whether the encoders may use `value` as it is: a payload (or a part of one) recorded by {@link translateForRendering}. @internal */
export function isBuiltPayload(value: unknown): value is JsonValue {
  return typeof value === 'object' && value !== null && builtPayloads.has(value);
}

/**
 * Translates a context with an adapter's `toVendor`, for a snippet renderer that encodes the payload at once.
 *
 * @remarks
 * The result is exactly `adapter.toVendor(context, options)`. When the adapter was made by `defineAdapter` (or
 * bound with `withOptionDefaults`), the payload and the objects and arrays directly in it are also recorded as
 * built by the adapter, and core's encoders (`toScriptJson`, `jsCall`, `jsAssign`, `toJsonText`,
 * `renderJsonScript`) then serialize them without their defensive copy. Encode the payload before anything else touches it: the record is
 * of these objects, so a value later put into them is trusted too. Anything else (a hand-made adapter's payload,
 * options, a value merged from several sources) is still copied and checked.
 * @public
 */
export function translateForRendering<TPayload, TOptions>(
  adapter: { readonly toVendor: (context: VisitorContextInput, options?: TOptions) => Result<TPayload> },
  context: VisitorContextInput,
  options?: TOptions,
): Result<TPayload> {
  const translated = adapter.toVendor(context, options);
  if (translated.ok && isBuildingTranslation(adapter.toVendor)) recordBuilt(translated.value);
  return translated;
}

/**
 * Records a payload and the objects and arrays directly in it (what renderers encode: the payload, or one of its
 * parts such as Genesys' `options`), or nothing when any part at any depth is not what plain JSON built by code
 * looks like (a class instance, a function, a non-finite number, a hole, deeper than the JSON depth limit): such a
 * payload is left to the encoders' copy, which reports it. Reads values directly, not through descriptors: the
 * adapter's translation wrote every one of them as a data property. Only the top two levels are recorded because
 * each record has a cost (a weak reference the garbage collector tracks), and deeper parts are never encoded alone.
 */
function recordBuilt(payload: unknown): void {
  const visit = (value: unknown, depth: number): boolean => {
    switch (typeof value) {
      case 'string':
      case 'boolean':
        return true;
      case 'number':
        return Number.isFinite(value);
      case 'object':
        break;
      default:
        return false;
    }
    if (value === null) return true;
    if (depth > defaultJsonLimits.maxDepth) return false;
    if (Array.isArray(value)) {
      if (Object.getPrototypeOf(value) !== Array.prototype) return false;
      for (let index = 0; index < value.length; index++) {
        if (!(index in value) || !visit(value[index], depth + 1)) return false;
      }
      return true;
    }
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return false;
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      // The encoders' copy refuses these keys (forbidden_key) and never calls toJSON: leave such a payload to it.
      if (key === '__proto__' || key === 'toJSON' || (key === 'constructor' && typeof item === 'object')) return false;
      // A property set to undefined is left out by the copy and by JSON.stringify alike.
      if (item !== undefined && !visit(item, depth + 1)) return false;
    }
    return true;
  };
  if (typeof payload !== 'object' || payload === null || !visit(payload, 1)) return;
  builtPayloads.add(payload);
  for (const part of Object.values(payload)) if (typeof part === 'object' && part !== null) builtPayloads.add(part);
}
