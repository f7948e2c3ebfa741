import { neverThrow } from './never-throw.js';
import { Diagnostics, type Result } from './diagnostics.js';
import { defaultVisitorContextLimits, type VisitorContextLimits } from './limits.js';
import { coerceVisitorId } from './coerce-visitor-id.js';
import { copyPlainData } from './plain-data.js';
import type { VisitorContext, VisitorContextInput } from './visitor-context-schema.js';

/** Options every translation accepts. @public */
export interface TranslateOptions {
  /** Turn every warning (anything dropped, truncated, renamed or coerced) into an error. Default false. */
  readonly strict?: boolean | undefined;
}

/**
 * An adapter's pure translation of a context into its vendor's payload: it reports every loss on
 * `diagnostics` and never needs a schema library at run time.
 * @public
 */
export type ContextTranslation<TPayload, TOptions extends TranslateOptions> = (
  context: VisitorContext,
  options: TOptions,
  diagnostics: Diagnostics,
) => TPayload;

/**
 * Runs a translation with diagnostics, `strict` and error handling. An exception in the translation becomes an
 * `adapter_failed` error.
 * @internal
 */
export function runTranslation<T>(vendor: string, direction: string, diagnostics: Diagnostics, translate: () => T): { ran: true; value: T } | { ran: false } {
  try {
    return { ran: true, value: translate() };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    diagnostics.error('adapter_failed', [], `The ${vendor} adapter failed in ${direction}: ${reason}. Please report this as a bug.`);
    return { ran: false };
  }
}

/**
 * Reports every `vendor.<id>` bag that belongs to another adapter: this vendor cannot carry it.
 * @internal
 */
export function reportForeignVendorData(vendor: string, context: VisitorContext, diagnostics: Diagnostics): void {
  for (const other of Object.keys(context.vendor ?? {})) {
    if (other === vendor) continue;
    diagnostics.warning(
      'field_dropped',
      ['vendor', other],
      `vendor.${other} holds data for the ${other} adapter; ${vendor} has no place for it and does not send it.`,
    );
  }
}

/**
 * Wraps an adapter's pure translation for browsers: plain-data checks, limits and prototype-key refusal
 * (never a getter or `toJSON` invoked), a numeric `visitor.id` converted to a string as `parseVisitorContext`
 * does, then the translation with diagnostics and `strict`. Never throws.
 *
 * @remarks
 * It deliberately does not run the zod schema: that keeps a page's translate-and-apply bundle within a few KB.
 * The shape is trusted to TypeScript here; validate contexts that come from outside your code with
 * `parseVisitorContext` (on the server, or in the browser at the cost of the schema's size).
 * @public
 */
export function createContextTranslator<TPayload, TOptions extends TranslateOptions>(
  vendor: string,
  translate: ContextTranslation<TPayload, TOptions>,
  limits: Partial<VisitorContextLimits> = {},
): (context: VisitorContextInput, options?: TOptions) => Result<TPayload> {
  const { maxDepth, maxTotalBytes, maxStringLength } = { ...defaultVisitorContextLimits, ...limits };
  return neverThrow(`translate (${vendor})`, (context: VisitorContextInput, options?: TOptions) => {
    const diagnostics = new Diagnostics();
    if (typeof context !== 'object' || context === null || Array.isArray(context)) {
      diagnostics.error('not_an_object', [], 'A visitor context must be an object like { visitor: { id: "42" } }.');
      return diagnostics.toFailure();
    }
    const plain = copyPlainData(context, { maxDepth, maxBytes: maxTotalBytes, maxStringLength, refuse: 'all' }, diagnostics);
    if (plain === undefined || !coerceVisitorId(plain, diagnostics)) return diagnostics.toFailure();
    const resolved = (options ?? {}) as TOptions;
    reportForeignVendorData(vendor, plain as VisitorContext, diagnostics);
    const payload = runTranslation(vendor, 'toVendor', diagnostics, () =>
      translate(plain as VisitorContext, resolved, diagnostics),
    );
    return payload.ran ? diagnostics.toResult(payload.value, resolved) : diagnostics.toFailure();
  });
}
