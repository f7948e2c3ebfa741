import type { Result, VisitorContext } from '@visitor-context/core';
import { applyComm100Payload, type ApplyComm100Options, type Comm100ApplyReport } from './apply-comm100-payload.js';
import type { Comm100ToVendorOptions } from './comm100-options.js';
import { translateComm100Context } from './translate-comm100-context.js';

/**
 * Options of {@link applyComm100Context}: the translation's (e.g. the custom variable names defined in the
 * Control Panel) and the runtime's.
 * @public
 */
export interface ApplyComm100ContextOptions extends Comm100ToVendorOptions, ApplyComm100Options {}

/**
 * Translates a context with {@link translateComm100Context} and delivers it to the live Comm100 widget with
 * {@link applyComm100Payload}, for single-page apps that learn about the visitor after the page loaded. The
 * result carries the translation's warnings, then the runtime's. A failed translation (say a warning under
 * `strict`) is returned without touching the widget. Never throws.
 *
 * @remarks
 * Zod-free, so a page importing it stays within a few KB: the context's shape is trusted to TypeScript, by
 * design. Validate contexts that come from outside your code with `parseVisitorContext` from
 * `@visitor-context/core` first, or translate them on the server and call {@link applyComm100Payload}.
 * @public
 */
export async function applyComm100Context(
  context: VisitorContext,
  options: ApplyComm100ContextOptions = {},
): Promise<Result<Comm100ApplyReport>> {
  // Each step reads only its own keys, so the combined options can go to both.
  const translated = translateComm100Context(context, options);
  if (!translated.ok) return translated;
  const applied = await applyComm100Payload(translated.value, options);
  return { ...applied, diagnostics: [...translated.diagnostics, ...applied.diagnostics] };
}
