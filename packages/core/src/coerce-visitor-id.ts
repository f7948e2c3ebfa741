import type { Diagnostic, Diagnostics } from './diagnostics.js';

/**
 * Accepts a database id given as a number in `visitor.id`: a safe integer becomes its decimal string, with a
 * `value_coerced` warning. Any other number is refused (`invalid_type`), since its text would not be the id
 * the database holds. Works on the fresh plain copy of the input; returns false when an error was reported.
 * @internal
 */
export function coerceVisitorId(plain: unknown, diagnostics: Diagnostics): boolean {
  const visitor = typeof plain === 'object' && plain !== null ? (plain as { visitor?: unknown }).visitor : undefined;
  if (typeof visitor !== 'object' || visitor === null || !Object.hasOwn(visitor, 'id')) return true;
  const id = (visitor as { id?: unknown }).id;
  if (typeof id !== 'number') return true;
  if (!Number.isSafeInteger(id)) {
    diagnostics.error(
      'invalid_type',
      ['visitor', 'id'],
      `visitor.id must be a string; got the number ${id}, which is not a whole number up to 2^53 − 1, so its text would not be the id you meant. Pass ids as strings, e.g. { visitor: { id: "42" } }.`,
    );
    return false;
  }
  (visitor as { id: string }).id = String(id);
  diagnostics.add([visitorIdCoerced(id)]);
  return true;
}

/**
 * The `value_coerced` warning for a `visitor.id` given as the safe integer `id`: one wording for every path that
 * converts it (the schema path, the one-pass reader, the browser translator).
 * @internal
 */
export function visitorIdCoerced(id: number): Diagnostic {
  return {
    code: 'value_coerced',
    severity: 'warning',
    path: ['visitor', 'id'],
    message: `visitor.id was the number ${id}; it was converted to the string "${id}". Pass ids as strings to avoid this warning.`,
  };
}
