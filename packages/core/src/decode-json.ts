import { Diagnostics, type Result } from './diagnostics.js';
import { defaultJsonLimits, type JsonLimits } from './limits.js';
import { copyPlainData, scanParsedJson, utf8Length, type JsonValue } from './plain-data.js';

/**
 * Parses untrusted JSON text. Never throws.
 *
 * @remarks
 * Size is checked before parsing; a leading byte-order mark is removed; the parsed value is then walked with
 * the depth limit and secure-json-parse's rules: `__proto__` anywhere, and `constructor` holding an object
 * with `prototype`, are errors (`forbidden_key`), including `\u`-escaped spellings.
 * @public
 */
export function parseJson(text: string, limits: Partial<JsonLimits> = {}): Result<JsonValue> {
  const { maxBytes, maxDepth } = { ...defaultJsonLimits, ...limits };
  const diagnostics = new Diagnostics();
  if (typeof text !== 'string') {
    diagnostics.error('invalid_type', [], `Expected JSON text (a string), got ${typeof text}.`);
    return diagnostics.toFailure();
  }
  if (text.length > maxBytes || (text.length * 3 > maxBytes && utf8Length(text) > maxBytes)) {
    diagnostics.error('too_large', [], `The JSON text is larger than ${maxBytes} bytes. Send less data, or raise maxBytes.`);
    return diagnostics.toFailure();
  }
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    diagnostics.error('invalid_json', [], `The text is not valid JSON (${reason}). Send the payload exactly as the vendor sent it.`);
    return diagnostics.toFailure();
  }
  // JSON.parse made fresh plain data: scanning it for refused keys and depth is enough, no copy is needed.
  return scanParsedJson(parsed, maxDepth, diagnostics) ? diagnostics.toResult(parsed as JsonValue) : diagnostics.toFailure();
}

/**
 * Checks an already parsed value with the same rules as {@link parseJson} and returns a plain copy of it.
 * No getter or `toJSON` is invoked. Never throws.
 * @public
 */
export function checkJsonValue(value: unknown, limits: Partial<JsonLimits> = {}): Result<JsonValue> {
  const { maxBytes, maxDepth } = { ...defaultJsonLimits, ...limits };
  const diagnostics = new Diagnostics();
  const copy = copyPlainData(value, { maxBytes, maxDepth, refuse: 'json' }, diagnostics);
  return copy === undefined ? diagnostics.toFailure() : diagnostics.toResult(copy);
}

/**
 * Parses JSON that may have been encoded as a JSON string once more (e.g. `"{\"a\":1}"`), as some vendors
 * send nested data. Exactly one extra level is unwrapped; a string that still holds JSON after that is an
 * error, as is a value that is not an object or array.
 * @public
 */
export function parseNestedJson(text: string, limits: Partial<JsonLimits> = {}): Result<JsonValue> {
  const outer = parseJson(text, limits);
  if (!outer.ok || typeof outer.value !== 'string') return requireStructure(outer);
  const inner = parseJson(outer.value, limits);
  if (inner.ok && typeof inner.value === 'string') {
    return failure('invalid_json', 'The JSON is encoded as a string more than once; only one extra level is accepted.');
  }
  return requireStructure(inner);
}

function requireStructure(result: Result<JsonValue>): Result<JsonValue> {
  if (!result.ok || (typeof result.value === 'object' && result.value !== null)) return result;
  return failure('invalid_json', `Expected a JSON object or array, got ${result.value === null ? 'null' : typeof result.value}.`);
}

/** The alphabet of a base64 text. @public */
export type Base64Alphabet = 'base64' | 'base64url';

const base64Pattern = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const base64UrlPattern = /^[A-Za-z0-9_-]*$/;

/**
 * Strictly decodes base64 or base64url text to a UTF-8 string. Never throws.
 *
 * @remarks
 * Unlike Node's `Buffer`, which silently skips junk characters, any character outside the alphabet, wrong
 * padding, or bytes that are not valid UTF-8 make this fail with `invalid_base64`. `base64` requires
 * padding; `base64url` must be unpadded. Works in browsers and edge runtimes (no `Buffer`).
 * @public
 */
export function decodeBase64Text(
  text: string,
  alphabet: Base64Alphabet = 'base64',
  limits: Partial<Pick<JsonLimits, 'maxBytes'>> = {},
): Result<string> {
  const maxBytes = limits.maxBytes ?? defaultJsonLimits.maxBytes;
  if (typeof text !== 'string') return failure('invalid_type', `Expected base64 text (a string), got ${typeof text}.`);
  if (text.length > Math.ceil((maxBytes * 4) / 3) + 4) {
    return failure('too_large', `The base64 text decodes to more than ${maxBytes} bytes. Send less data, or raise maxBytes.`);
  }
  const valid =
    alphabet === 'base64' ? base64Pattern.test(text) : base64UrlPattern.test(text) && text.length % 4 !== 1;
  if (!valid) {
    return failure(
      'invalid_base64',
      alphabet === 'base64'
        ? 'The text is not strict base64 (only A–Z, a–z, 0–9, +, / with = padding to a multiple of 4 characters).'
        : 'The text is not strict base64url (only A–Z, a–z, 0–9, -, _ and no padding).',
    );
  }
  const standard = alphabet === 'base64' ? text : text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(standard.padEnd(Math.ceil(standard.length / 4) * 4, '='));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(bytes), diagnostics: [] };
  } catch {
    return failure('invalid_base64', 'The base64 text does not decode to valid UTF-8.');
  }
}

/**
 * Strictly decodes base64 or base64url text holding JSON, then parses it like {@link parseJson}. Never throws.
 * @public
 */
export function parseBase64Json(
  text: string,
  alphabet: Base64Alphabet = 'base64',
  limits: Partial<JsonLimits> = {},
): Result<JsonValue> {
  const decoded = decodeBase64Text(text, alphabet, limits);
  return decoded.ok ? parseJson(decoded.value, limits) : decoded;
}

/**
 * Encodes a string as base64 (or base64url, unpadded) of its UTF-8 bytes. Lone surrogates become U+FFFD.
 * @public
 */
export function encodeBase64Text(text: string, alphabet: Base64Alphabet = 'base64'): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  const encoded = btoa(binary);
  return alphabet === 'base64' ? encoded : encoded.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function failure(code: string, message: string): Result<never> {
  const diagnostics = new Diagnostics();
  diagnostics.error(code, [], message);
  return diagnostics.toFailure();
}
