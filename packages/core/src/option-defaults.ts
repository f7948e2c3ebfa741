import { neverThrow } from './never-throw.js';
import { registerBuildingTranslation, isBuildingTranslation } from './built-payload.js';
import type { VisitorContextAdapter } from './adapter.js';
import type { TranslateOptions } from './context-translator.js';

/**
 * The options with every `undefined` value left out, as a new object: an option given as `undefined` means
 * "not given", so it falls back to the default instead of replacing it.
 * @public
 */
export function definedOptions<T extends object>(options: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const defined: Record<string, unknown> = {};
  for (const key of Object.keys(options)) {
    const value = (options as Record<string, unknown>)[key];
    if (value !== undefined) defined[key] = value;
  }
  return defined as { [K in keyof T]?: Exclude<T[K], undefined> };
}

/**
 * A call's options over defaults: every option the call gives (not `undefined`) wins, the rest come from
 * `defaults`. Returns `defaults` itself when the call gives none.
 *
 * @remarks
 * Options that are not a plain object (say a string, from plain JavaScript), or that throw when read (a
 * revoked proxy), are returned as they are, for the options' own check to report as `invalid_option` or
 * `not_plain_data` rather than being dropped or thrown here.
 * @public
 */
export function mergeOptionDefaults<T extends object>(defaults: OptionDefaults<T>, callOptions: T | undefined): T {
  if (callOptions === undefined) return defaults as T;
  try {
    if (typeof callOptions !== 'object' || callOptions === null || Array.isArray(callOptions)) return callOptions;
    const given = definedOptions(callOptions);
    return Object.keys(given).length === 0 ? (defaults as T) : ({ ...defaults, ...given } as T);
  } catch {
    return callOptions;
  }
}

/**
 * Defaults for an adapter's per-call options, per direction, as a factory (`create<Vendor>Adapter`) takes them.
 * @public
 */
export interface AdapterOptionDefaults<TToOptions, TFromOptions> {
  /** Defaults of every `toVendor` call; one given as `undefined` is left out. */
  readonly toVendor?: OptionDefaults<TToOptions>;
  /** Defaults of every `fromVendor` call; one given as `undefined` is left out. */
  readonly fromVendor?: OptionDefaults<TFromOptions>;
}

/**
 * Defaults for some of an options type's options, each of which may be `undefined` (not given).
 * @public
 */
export type OptionDefaults<T> = { readonly [K in keyof T]?: T[K] | undefined };

/**
 * The adapter with option defaults bound in: each call's options are merged over them with
 * {@link mergeOptionDefaults} (a call's option wins; one given as `undefined` falls back to the default).
 * Every adapter factory binds its defaults with this, so the merge is written once.
 *
 * @remarks
 * `undefined` defaults are left out first. With no defaults at all the adapter is returned unchanged. The
 * defaults are not checked here: check them with the adapter's own option schemas when the factory runs
 * (`parseAdapterOptionsOrThrow`), and the inner adapter checks each merged call. Never throws on a call.
 * @public
 */
export function withOptionDefaults<TPayload, TToOptions extends TranslateOptions, TFromOptions extends TranslateOptions>(
  adapter: VisitorContextAdapter<TPayload, TToOptions, TFromOptions>,
  defaults: AdapterOptionDefaults<TToOptions, TFromOptions>,
): VisitorContextAdapter<TPayload, TToOptions, TFromOptions> {
  const toDefaults: OptionDefaults<TToOptions> = definedOptions(defaults.toVendor ?? {});
  const fromDefaults: OptionDefaults<TFromOptions> = definedOptions(defaults.fromVendor ?? {});
  if (Object.keys(toDefaults).length === 0 && Object.keys(fromDefaults).length === 0) return adapter;
  const inner = adapter;
  const toVendor = neverThrow('toVendor', (context: Parameters<typeof inner.toVendor>[0], callOptions?: TToOptions) =>
    inner.toVendor(context, mergeOptionDefaults(toDefaults, callOptions)),
  );
  // The merged adapter builds exactly what the inner one builds, so its payloads are as trustworthy.
  if (isBuildingTranslation(inner.toVendor)) registerBuildingTranslation(toVendor);
  return {
    ...inner,
    toVendor,
    fromVendor: neverThrow('fromVendor', (input: unknown, callOptions?: TFromOptions) =>
      inner.fromVendor(input, mergeOptionDefaults(fromDefaults, callOptions)),
    ),
  };
}
