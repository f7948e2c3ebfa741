import type { Result, VisitorContext } from '@visitor-context/core';
import { applyGiosgSubmission, type GiosgApplied, type GiosgBrowserOptions } from './apply-giosg-submission.js';
import { giosgAdapter } from './giosg-adapter.js';
import type { GiosgToVendorOptions } from './giosg-options.js';

/**
 * Translates a context with the giosg adapter (plain, unsigned) and submits it in the live page. Pulls in
 * validation; use {@link applyGiosgSubmission} with a server-made submission to keep the bundle tiny.
 * Translation warnings are carried over. Never throws and never rejects.
 * @public
 */
export async function submitGiosgVisitorContext(
  context: VisitorContext,
  options: GiosgToVendorOptions & GiosgBrowserOptions = {},
): Promise<Result<GiosgApplied>> {
  const { timeoutMs, intervalMs, defineQueue, window, ...translateOptions } = options;
  const translated = giosgAdapter.toVendor(context, translateOptions);
  if (!translated.ok) return translated;
  const applied = await applyGiosgSubmission(translated.value, {
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(intervalMs === undefined ? {} : { intervalMs }),
    ...(defineQueue === undefined ? {} : { defineQueue }),
    ...(window === undefined ? {} : { window }),
  });
  return { ...applied, diagnostics: [...translated.diagnostics, ...applied.diagnostics] } as Result<GiosgApplied>;
}
