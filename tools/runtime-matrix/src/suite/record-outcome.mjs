// Turns whatever a call produced (a Result, a value, a rejection) into plain JSON, so outcomes from different
// runtimes can be compared as text. Runs inside every runtime: plain ESM, web-standard globals only.

/** Runs `call` and records its outcome; a throw or rejection is recorded, never propagated. */
export async function recordOutcome(call) {
  try {
    return { returned: toPlain(await call()) };
  } catch (error) {
    return { threw: describeError(error) };
  }
}

/** A JSON-safe copy: Uint8Arrays as hex, undefined dropped as JSON.stringify drops it, functions named. */
export function toPlain(value) {
  return JSON.parse(
    JSON.stringify(value ?? null, (_key, item) => {
      if (item instanceof Uint8Array) return { bytes: Array.from(item, (byte) => byte.toString(16).padStart(2, '0')).join('') };
      if (typeof item === 'function') return { function: item.name };
      if (typeof item === 'bigint') return { bigint: String(item) };
      return item;
    }),
  );
}

function describeError(error) {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** True when an outcome is a failed Result whose error codes are all among `codes`. */
export function failedOnlyWith(outcome, codes) {
  const result = outcome.returned;
  if (result === undefined || result === null || result.ok !== false || !Array.isArray(result.diagnostics)) return false;
  const errors = result.diagnostics.filter((item) => item.severity === 'error');
  return errors.length > 0 && errors.every((item) => codes.includes(item.code));
}
