import type { Result } from './diagnostics.js';

/** The error's message, without trusting it: an error's `message` or `toString` may itself throw. @internal */
export function describeError(error: unknown): string {
  try {
    return error instanceof Error ? error.message : typeof error;
  } catch {
    return 'an unreadable error';
  }
}

/**
 * Wraps a function that returns a {@link Result} so that it keeps its "never throws" promise even when reading
 * its arguments throws (a proxy's trap, a getter, a revoked proxy): that becomes a `not_plain_data` failure.
 *
 * @remarks
 * Core's parsers check plain data, but some checks (zod's option parsing, prototype look-ups) touch a value
 * before knowing it is plain; this is the last line, not the first. `defineAdapter`'s `toVendor`/`fromVendor`
 * and `createContextTranslator`'s translators are already wrapped; adapters wrap their other Result-returning
 * exports (snippet renderers) with it.
 * @public
 */
export function neverThrow<Args extends unknown[], T>(name: string, run: (...args: Args) => Result<T>): (...args: Args) => Result<T> {
  const guarded = (...args: Args): Result<T> => {
    try {
      return run(...args);
    } catch (error) {
      return {
        ok: false,
        diagnostics: [
          {
            code: 'not_plain_data',
            severity: 'error',
            path: [],
            message: `${name} could not read its input (${describeError(error)}). Pass plain data: no proxies, getters or class instances.`,
          },
        ],
      };
    }
  };
  // Keep the wrapped function's arity, which callers and tools read to tell `render(context, options)` from `render(options)`.
  return Object.defineProperty(guarded, 'length', { value: run.length });
}
