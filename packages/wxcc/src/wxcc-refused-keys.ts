import { isJsonObject, setOwnJsonValue } from '@visitor-context/core';
import type { Diagnostics, JsonObject, JsonValue } from '@visitor-context/core';
import { wxccVendorId } from './wxcc-vendor-bag.js';

/** Keys the canonical model refuses anywhere, even in a vendor bag, because they can pollute prototypes. */
const refusedKeys: readonly string[] = ['constructor', 'prototype'];

/**
 * A payload may use `constructor` or `prototype` as a key (an extra, a custom chat field name, inside an
 * event), but a context may hold neither anywhere: each such entry moves to `vendor.wxcc.refusedKeys` under its
 * dotted place (`extras.constructor`), with a warning, so the rest of the payload is still read.
 */
export function moveRefusedKeys(bag: JsonObject, diagnostics: Diagnostics): void {
  const moved: JsonObject = {};
  const clean = (value: JsonValue, path: readonly string[]): JsonValue => {
    if (Array.isArray(value)) return value.map((item, index) => clean(item, [...path, String(index)]));
    if (!isJsonObject(value)) return value;
    const copy: JsonObject = {};
    for (const [key, item] of Object.entries(value)) {
      if (!refusedKeys.includes(key)) {
        setOwnJsonValue(copy, key, clean(item, [...path, key]));
        continue;
      }
      const place = [...path, key].join('.');
      setOwnJsonValue(moved, place, item);
      diagnostics.warning(
        'field_renamed',
        ['vendor', wxccVendorId, ...path, key],
        `The key "${key}" cannot be kept in a context (it can pollute prototypes), so vendor.wxcc.${place} was kept as vendor.wxcc.refusedKeys["${place}"].`,
      );
    }
    return copy;
  };
  for (const [section, entries] of Object.entries(bag)) setOwnJsonValue(bag, section, clean(entries, [section]));
  if (Object.keys(moved).length > 0) setOwnJsonValue(bag, 'refusedKeys', moved);
}
