import type { DiagnosticPath } from '@visitor-context/core';
import type { ImsupportingReservedKey } from './imsupporting-api.js';
import type { ImsupportingMetadataField, ImsupportingSettings } from './imsupporting-defaults.js';

/** The vendor bag key holding pairs that have no canonical field (`vendor.imsupporting.pairs`). */
export const unmappedPairsKey = 'pairs';

/** The bag key where core keeps inbound values the canonical model refused. */
export const rejectedFieldsKey = 'rejectedFields';

/** The canonical field each reserved pre-fill key fills; `ims_phone` only when `ims_telephone` is absent. */
export const reservedKeyFields: Readonly<Record<ImsupportingReservedKey, 'visitor.name' | 'visitor.email' | 'visitor.phone'>> = {
  ims_username: 'visitor.name',
  ims_email: 'visitor.email',
  ims_telephone: 'visitor.phone',
  ims_phone: 'visitor.phone',
};

/** Whether a key is one of the reserved pre-fill keys (case-sensitive, as the vendor matches them). */
export function isReservedKey(key: string): key is ImsupportingReservedKey {
  return Object.hasOwn(reservedKeyFields, key);
}

/** Maps each configured metadata key back to its canonical field. */
export function metadataFieldsByKey(settings: ImsupportingSettings): ReadonlyMap<string, ImsupportingMetadataField> {
  // Settings are fixed when an adapter is made, so the reverse map is built once per adapter, not per call.
  const cached = reverseMaps.get(settings);
  if (cached !== undefined) return cached;
  const fields = new Map<string, ImsupportingMetadataField>();
  for (const [field, key] of Object.entries(settings.metadataKeys)) fields.set(key, field as ImsupportingMetadataField);
  reverseMaps.set(settings, fields);
  return fields;
}

const reverseMaps = new WeakMap<ImsupportingSettings, ReadonlyMap<string, ImsupportingMetadataField>>();

/** A dotted canonical name (`visitor.email`) as a diagnostic path. */
export function pathOf(canonicalName: string): DiagnosticPath {
  const dot = canonicalName.indexOf('.');
  return [canonicalName.slice(0, dot), canonicalName.slice(dot + 1)];
}
