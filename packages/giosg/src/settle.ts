import { Diagnostics, VisitorContextError, type Failure, type Result } from '@visitor-context/core';

/**
 * Runs work documented never to throw: an exception (a throwing getter in the options, a value of the wrong
 * type) becomes a failure. Core's own `VisitorContextError`s keep their diagnostics; anything else is an error
 * (`code`, default `invalid_option`) naming what could not be read.
 */
export function settle<T>(what: string, work: () => Result<T>, code = 'invalid_option'): Result<T> {
  try {
    return work();
  } catch (error) {
    return settleError(what, error, code);
  }
}

/** {@link settle} for async work: never rejects. */
export async function settleAsync<T>(what: string, work: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await work();
  } catch (error) {
    return settleError(what, error, 'invalid_option');
  }
}

function settleError(what: string, error: unknown, code: string): Failure {
  const diagnostics = new Diagnostics();
  if (isContextError(error)) {
    diagnostics.add(error.diagnostics);
    return diagnostics.toFailure();
  }
  diagnostics.error(code, [], `${what} could not be read (${describeError(error)}); pass plain values of the documented types.`);
  return diagnostics.toFailure();
}

function isContextError(error: unknown): error is VisitorContextError {
  try {
    return VisitorContextError.isInstance(error);
  } catch {
    return false;
  }
}

/** A thrown value's message, even when the value itself refuses to print. */
export function describeError(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'an unreadable error';
  }
}
