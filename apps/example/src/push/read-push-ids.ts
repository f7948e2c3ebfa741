import { Diagnostics, type Result } from '@visitor-context/core';
import type { PushTarget } from './push-target.js';

/** The longest id the form accepts; vendor ids (UUIDs, giosg ids) are far shorter. */
export const maxPushIdLength = 200;

/** The ids read from the form: the trimmed values, or what was entered and why it cannot be sent. */
export type PushIds =
  | { readonly ok: true; readonly value: Readonly<Record<string, string>> }
  | { readonly ok: false; readonly entered: Readonly<Record<string, string>>; readonly failure: Result<never> };

/**
 * Reads the target's fields from a submitted form: text only, trimmed, at most {@link maxPushIdLength} characters,
 * every required one present. Fields the target does not have are ignored. The adapter checks the ids further
 * (Genesys ids must be UUIDs) before anything is sent.
 */
export function readPushIds(target: PushTarget, form: Readonly<Record<string, unknown>>): PushIds {
  const diagnostics = new Diagnostics();
  const value: Record<string, string> = {};
  for (const field of target.fields) {
    const raw = Object.hasOwn(form, field.name) ? form[field.name] : undefined;
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text.length > maxPushIdLength) {
      diagnostics.error('too_large', [field.name], `${field.label} is longer than ${maxPushIdLength} characters.`);
      value[field.name] = text.slice(0, maxPushIdLength);
    } else if (text === '') {
      if (field.required) diagnostics.error('missing_id', [field.name], `${field.label} is required: ${field.hint}`);
    } else {
      value[field.name] = text;
    }
  }
  return diagnostics.hasErrors ? { ok: false, entered: value, failure: diagnostics.toFailure() } : { ok: true, value };
}
