import type { Failure } from '@visitor-context/core';

/**
 * The failure for an argument that throws when read (a proxy whose traps throw, a revoked proxy): core's
 * checks read plain data without invoking getters, but a proxy's traps still run. The public functions that
 * promise never to throw turn such an exception into this failure.
 */
export function unreadableInput(error: unknown): Failure {
  const reason = error instanceof Error ? error.message : 'it threw';
  return {
    ok: false,
    diagnostics: [
      {
        code: 'not_plain_data',
        severity: 'error',
        path: [],
        message: `An argument or option could not be read (${reason}). Pass plain data: objects, arrays, strings, numbers and booleans.`,
      },
    ],
  };
}
