import type { JsonValue } from '@visitor-context/core';

/**
 * Extras the widget generates that have a canonical home (when no custom chat field already filled it). Not
 * `Webpage`: it is the chat window's own URL (the widget's iframe), or a bare file name for an attachment.
 */
export const extrasToCanonical: ReadonlyMap<string, string> = new Map([
  ['Initiated from URL', 'page.url'],
  ['Browser language', 'device.language'],
  ['useragent', 'device.userAgent'],
]);

const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/;

/** An extra's text as its canonical field would hold it, or undefined when it is empty or not sure. */
export function checkExtra(canonical: string, value: JsonValue): string | undefined {
  if (typeof value !== 'string' || value.trim() === '' || controlCharacter.test(value)) return undefined;
  if (canonical !== 'page.url') return value;
  if (/\s/.test(value)) return undefined;
  try {
    const protocol = new URL(value).protocol;
    return protocol === 'https:' || protocol === 'http:' ? value : undefined;
  } catch {
    return undefined;
  }
}
