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
  if (!new RegExp(limits.keyPattern).test(key)) return 'pattern';
  return key.length > limits.maxKeyLength ? 'too_long' : undefined;
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
  return new TextEncoder().encode(`${JSON.stringify(key)}:${JSON.stringify(value)}`).length;
}

/** The UTF-8 length of a JSON object text with members of the given lengths. */
export function objectBytes(members: readonly number[]): number {
  return members.reduce((total, bytes) => total + bytes, 2) + Math.max(0, members.length - 1);
}
