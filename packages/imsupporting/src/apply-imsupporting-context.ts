import type { Result, VisitorContext } from '@visitor-context/core';
import { applyImsupportingPayload, type ApplyImsupportingOptions, type ImsupportingApplied } from './apply-imsupporting-payload.js';
import type { ImsupportingToVendorOptions } from './imsupporting-options.js';
import { translateImsupportingContext } from './translate-imsupporting-context.js';

/** Options of {@link applyImsupportingContext}: how to translate, and how to apply. @public */
export interface ApplyImsupportingContextOptions extends ApplyImsupportingOptions, ImsupportingToVendorOptions {}

/**
 * Translates a canonical context with {@link translateImsupportingContext} and applies the payload with
 * {@link applyImsupportingPayload}, carrying the translation's warnings over. Never throws: a translation that
 * fails (say a warning under `strict`) is returned without touching the page.
 *
 * @remarks
 * Zod-free, so a page importing this stays within a few KB: the context's shape is trusted to TypeScript.
 * Validate contexts that come from outside your code with `parseVisitorContext` from `@visitor-context/core`
 * first (or translate them on the server and call `applyImsupportingPayload`).
 * @public
 */
export async function applyImsupportingContext(
  context: VisitorContext,
  options: ApplyImsupportingContextOptions = {},
): Promise<Result<ImsupportingApplied>> {
  let translateOptions: ImsupportingToVendorOptions;
  let applyOptions: ApplyImsupportingOptions;
  try {
    const { strict, phoneKey, invalidKeys, ...runtime } = options;
    // Only the options given are passed on, as exactOptionalPropertyTypes asks.
    translateOptions = {
      ...(strict === undefined ? {} : { strict }),
      ...(phoneKey === undefined ? {} : { phoneKey }),
      ...(invalidKeys === undefined ? {} : { invalidKeys }),
    };
    applyOptions = runtime;
  } catch {
    return { ok: false, diagnostics: [{ code: 'invalid_option', severity: 'error', path: [], message: 'The options could not be read; pass a plain object.' }] };
  }
  const translated = translateImsupportingContext(context, translateOptions);
  if (!translated.ok) return translated;
  const applied = await applyImsupportingPayload(translated.value, applyOptions);
  return { ...applied, diagnostics: [...translated.diagnostics, ...applied.diagnostics] };
}
