import {
  isJsonObject,
  parseJson,
  readContextField,
  writeContextField,
  type Diagnostics,
  type JsonValue,
  type MutableVisitorContext,
} from '@visitor-context/core';

/**
 * `extras.customprofileparams`: the widget's IP lookup, stored as `{"IP", "City", "Country"}` (each `""` when the
 * lookup found nothing) and sent as its JSON text with a thread's first message. Newer widgets send an
 * encrypted string instead, which cannot be read.
 */
const profileFields: ReadonlyMap<string, string> = new Map([
  ['IP', 'device.ip'],
  ['City', 'location.city'],
  ['Country', 'location.country'],
]);

const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/;
const ipv4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function isIpv6(text: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(text) || !text.includes(':')) return false;
  try {
    // The URL parser implements the full IPv6 grammar (compression, embedded IPv4) the same way everywhere.
    return new URL(`http://[${text}]/`).hostname.startsWith('[');
  } catch {
    return false;
  }
}

/** The value as the canonical field would hold it, or why it cannot. */
function checkProfileValue(canonical: string, value: JsonValue): { value: string } | { reason: string } {
  if (typeof value !== 'string') return { reason: `holds ${value === null ? 'null' : `a ${typeof value}`}, not text` };
  if (controlCharacter.test(value)) return { reason: 'contains control characters' };
  if (canonical === 'device.ip') {
    return ipv4.test(value) || isIpv6(value) ? { value } : { reason: 'is not an IPv4 or IPv6 address' };
  }
  if (value.trim() !== value || value.length > 200) return { reason: 'is not a plain name (surrounding spaces, or over 200 characters)' };
  return { value };
}

const quote = (value: JsonValue): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
};

/**
 * Fills `device.ip`, `location.city` and `location.country` from `customprofileparams` (JSON text, or an object
 * if a tool already parsed it). Empty values mean the lookup found nothing and are skipped; a value that is not
 * sure (not an IP address, control characters…) is reported and not used, and a field a custom chat field
 * already filled is left alone. Returns whether every value was used or empty, so the caller can drop the raw
 * value instead of keeping it in `vendor.wxcc.extras`.
 */
export function readProfileParams(raw: JsonValue, context: MutableVisitorContext, diagnostics: Diagnostics): boolean {
  if (raw === '' || raw === null) return false;
  let params: JsonValue = raw;
  if (typeof raw === 'string') {
    const parsed = parseJson(raw);
    params = parsed.ok ? parsed.value : null;
  }
  if (!isJsonObject(params)) {
    diagnostics.warning(
      'customprofileparams_unreadable',
      ['customprofileparams'],
      'customprofileparams is not the JSON text of {"IP","City","Country"} (newer Live Chat widgets send it encrypted), so the visitor\'s IP address and location could not be read; it was kept as it came in vendor.wxcc.extras.customprofileparams.',
    );
    return false;
  }
  let usedEverything = true;
  for (const [key, value] of Object.entries(params)) {
    const canonical = profileFields.get(key);
    if (canonical === undefined) {
      usedEverything = false;
      continue;
    }
    if (value === '' || value === null) continue;
    const checked = checkProfileValue(canonical, value);
    if ('reason' in checked) {
      usedEverything = false;
      diagnostics.warning(
        'field_dropped',
        canonical.split('.'),
        `customprofileparams.${key} ${quote(value)} ${checked.reason}, so ${canonical} was not set from it; it was kept in vendor.wxcc.extras.customprofileparams.`,
      );
      continue;
    }
    if (readContextField(context, canonical) !== undefined) {
      usedEverything = false;
      continue;
    }
    writeContextField(context, canonical, checked.value);
  }
  return usedEverything;
}
