import type { Result, VisitorContext } from '@visitor-context/core';
import { applyGiosgPayload, failure, type GiosgApplied, type GiosgBrowserOptions } from './apply-giosg-payload.js';
import type { GiosgToVendorOptions } from './giosg-options.js';
import { translateGiosgContext } from './translate-giosg-context.js';

/**
 * Options of {@link applyGiosgContext}: the translation's options and the browser runtime's.
 * @public
 */
export type GiosgApplyContextOptions = GiosgToVendorOptions & GiosgBrowserOptions;

/**
 * Translates a context with {@link translateGiosgContext} (plain, unsigned data; no zod) and applies it in the
 * live page with {@link applyGiosgPayload}. Translation warnings come first in the diagnostics; a failed
 * translation (or a warning under `strict`) sends nothing. Never throws and never rejects.
 *
 * @remarks
 * For tamper-proof data, sign on your server with `@visitor-context/giosg/server` and pass the signed submission
 * to {@link applyGiosgPayload} instead.
 * @public
 */
export async function applyGiosgContext(context: VisitorContext, options: GiosgApplyContextOptions = {}): Promise<Result<GiosgApplied>> {
  let split: GiosgApplyContextOptions;
  try {
    // One plain copy: a getter runs here, once, not halfway through.
    split = { ...options };
  } catch {
    return failure('not_applied', 'The options could not be read (pass a plain object); nothing was sent.');
  }
  const { timeoutMs, intervalMs, defineQueue, window, ...translateOptions } = split;
  const translated = translateGiosgContext(context, translateOptions);
  if (!translated.ok) return translated;
  const applied = await applyGiosgPayload(translated.value, {
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(intervalMs === undefined ? {} : { intervalMs }),
    ...(defineQueue === undefined ? {} : { defineQueue }),
    ...(window === undefined ? {} : { window }),
  });
  return { ...applied, diagnostics: [...translated.diagnostics, ...applied.diagnostics] } as Result<GiosgApplied>;
}
