import type { ImsupportingLimits } from './imsupporting-defaults.js';
import { decodeHtmlEntities, stripTags } from './strip-html-like-php.js';

/**
 * The IMSupporting server's documented validation, mirrored so that translation can report, before
 * production, everything the server would silently drop or change.
 */

/** Why the server would drop a key, or `undefined` when it keeps it. */
export type KeyProblem = 'pattern' | 'too_long' | undefined;

/** Checks a key against the server's pattern and length limit. */
export function checkKey(key: string, limits: ImsupportingLimits): KeyProblem {
  if (!keyPatternOf(limits).test(key)) return 'pattern';
  return key.length > limits.maxKeyLength ? 'too_long' : undefined;
}

/** Compiled key patterns by the limits that hold them: an adapter's limits are fixed when it is made, so its pattern is compiled once, not per key. */
const keyPatterns = new WeakMap<ImsupportingLimits, RegExp>();

/** The server's key pattern, compiled (without flags, so `test` keeps no state between keys). */
export function keyPatternOf(limits: ImsupportingLimits): RegExp {
  let pattern = keyPatterns.get(limits);
  if (pattern === undefined) {
    pattern = new RegExp(limits.keyPattern);
    keyPatterns.set(limits, pattern);
  }
  return pattern;
}

/** What the server stores for a value, and what it changed on the way. */
export interface StoredValue {
  /** The value as stored: HTML-decoded, tags stripped, truncated. */
  readonly stored: string;
  /** Decoding or stripping changed the value. */
  readonly htmlChanged: boolean;
  /** The decoded, stripped value was longer than the limit and was cut. */
  readonly truncated: boolean;
}

/** Applies the server's value sanitisation (HTML-decode, strip tags) then its length limit. */
export function storeValue(text: string, limits: ImsupportingLimits): StoredValue {
  const sanitized = stripTags(decodeHtmlEntities(text));
  const stored = truncateCharacters(sanitized, limits.maxValueLength);
  return { stored, htmlChanged: sanitized !== text, truncated: stored !== sanitized };
}

/**
 * Cuts text to `maxLength` characters, counting code points (as PHP's `mb_substr` does), so a cut never
 * leaves half of a surrogate pair.
 */
export function truncateCharacters(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let length = 0;
  let end = 0;
  for (const character of text) {
    if (length === maxLength) break;
    length++;
    end += character.length;
  }
  return text.slice(0, end);
}

/** The length of the base64 wire payload for a JSON text of `bytes` UTF-8 bytes. */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

/** The UTF-8 length of one `"key":"value"` member of the context's JSON text. */
export function memberBytes(key: string, value: string): number {
  return jsonUtf8Length(JSON.stringify(key)) + 1 + jsonUtf8Length(JSON.stringify(value));
}

/**
 * The UTF-8 length of a JSON text, counted without encoding it (a `TextEncoder` per member was most of the cost of a
 * translation). JSON.stringify escapes lone surrogates, so every surrogate here is half of a 4-byte pair.
 */
function jsonUtf8Length(text: string): number {
  let length = text.length;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x80) length += code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 1 : 2;
  }
  return length;
}

/** The UTF-8 length of a JSON object text with members of the given lengths. */
export function objectBytes(members: readonly number[]): number {
  return members.reduce((total, bytes) => total + bytes, 2) + Math.max(0, members.length - 1);
}
