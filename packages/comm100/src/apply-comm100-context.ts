import type { Result, VisitorContext } from '@visitor-context/core';
import type { Comm100Adapter } from './comm100-adapter.js';
import type { Comm100ToVendorOptions } from './comm100-options.js';
import { applyComm100Payload, type ApplyComm100Options, type Comm100ApplyReport } from './apply-comm100-payload.js';

/** Options of {@link applyComm100Context}: how to translate, and how to apply. @public */
export interface ApplyComm100ContextOptions extends ApplyComm100Options {
  /** Translation options, e.g. the custom variable names defined in the Control Panel. */
  readonly translate?: Comm100ToVendorOptions;
  /**
   * The adapter to translate with: `comm100Adapter` or one from `createComm100Adapter`, imported from
   * `@visitor-context/comm100`. Passed in so that pages using only `applyComm100Payload` never load it.
   */
  readonly adapter: Comm100Adapter;
}

/**
 * Translates a context and delivers it to the live Comm100 widget, for single-page apps that learn about the
 * visitor after the page loaded. The result carries the translation's warnings and the runtime's.
 * @public
 */
export async function applyComm100Context(
  context: VisitorContext,
  options: ApplyComm100ContextOptions,
): Promise<Result<Comm100ApplyReport>> {
  const { translate, adapter, ...applyOptions } = options;
  const translated = adapter.toVendor(context, translate);
  if (!translated.ok) return translated;
  const applied = await applyComm100Payload(translated.value, applyOptions);
  return { ...applied, diagnostics: [...translated.diagnostics, ...applied.diagnostics] };
}
