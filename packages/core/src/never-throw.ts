import { VisitorContextError, type DiagnosticCode, type Failure, type Result } from './diagnostics.js';

/**
 * A thrown value's message, without trusting it: an error's `message` or `toString` may itself throw, and a
 * thrown non-error is named by its type only (printing it could run its `toString`, or echo a secret it holds).
 * @public
 */
export function describeError(error: unknown): string {
  try {
    return error instanceof Error ? error.message : typeof error;
  } catch {
    return 'an unreadable error';
  }
}

/**
 * Options of {@link neverThrow} and {@link neverReject}.
 * @public
 */
export interface NeverThrowOptions {
  /**
   * The code of the failure a throw becomes; default `not_plain_data` (unreadable input). Use `invalid_option`
   * for functions whose only unread input is an options object.
   */
  readonly code?: DiagnosticCode;
}

/**
 * Wraps a function that returns a {@link Result} so that it keeps its "never throws" promise even when reading
 * its arguments throws (a proxy's trap, a getter, a revoked proxy): that becomes a `not_plain_data` failure
 * (or `options.code`). A thrown {@link VisitorContextError} keeps its own diagnostics.
 *
 * @remarks
 * Core's parsers check plain data, but some checks (zod's option parsing, prototype look-ups) touch a value
 * before knowing it is plain; this is the last line, not the first. `defineAdapter`'s `toVendor`/`fromVendor`
 * and `createContextTranslator`'s translators are already wrapped; adapters wrap their other Result-returning
 * exports (snippet renderers) with it, and their async ones with {@link neverReject}.
 * @public
 */
export function neverThrow<Args extends unknown[], T>(
  name: string,
  run: (...args: Args) => Result<T>,
  options: NeverThrowOptions = {},
): (...args: Args) => Result<T> {
  const guarded = (...args: Args): Result<T> => {
    try {
      return run(...args);
    } catch (error) {
      return thrownToFailure(name, error, options.code);
    }
  };
  return keepArity(guarded, run);
}

/**
 * {@link neverThrow} for async functions: the wrapped function's promise never rejects. A synchronous throw or a
 * rejection becomes the same failure `neverThrow` returns.
 * @public
 */
export function neverReject<Args extends unknown[], T>(
  name: string,
  run: (...args: Args) => Promise<Result<T>>,
  options: NeverThrowOptions = {},
): (...args: Args) => Promise<Result<T>> {
  const guarded = async (...args: Args): Promise<Result<T>> => {
    try {
      return await run(...args);
    } catch (error) {
      return thrownToFailure(name, error, options.code);
    }
  };
  return keepArity(guarded, run);
}

function thrownToFailure(name: string, error: unknown, code: DiagnosticCode = 'not_plain_data'): Failure {
  const diagnostics = contextErrorDiagnostics(error);
  if (diagnostics !== undefined) return { ok: false, diagnostics };
  return {
    ok: false,
    diagnostics: [
      {
        code,
        severity: 'error',
        path: [],
        message: `${name} could not read its input (${describeError(error)}). Pass plain data: no proxies, getters or class instances.`,
      },
    ],
  };
}

/** A `VisitorContextError` (from any copy of core) already says what went wrong; its diagnostics are the answer. */
function contextErrorDiagnostics(error: unknown): Failure['diagnostics'] | undefined {
  try {
    if (!VisitorContextError.isInstance(error)) return undefined;
    const diagnostics = [...error.diagnostics];
    return diagnostics.some((item) => item.severity === 'error') ? diagnostics : undefined;
  } catch {
    return undefined;
  }
}

/** Keep the wrapped function's arity, which callers and tools read to tell `render(context, options)` from `render(options)`. */
function keepArity<F extends (...args: never[]) => unknown>(guarded: F, run: (...args: never[]) => unknown): F {
  return Object.defineProperty(guarded, 'length', { value: run.length });
}
