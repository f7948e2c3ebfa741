/**
 * The checks a "never throws" test runs around each call: is the answer a `Result`, did the promise settle in
 * time, and runtime options that only the hostile values can make slow. Used with {@link hostileValues} and
 * {@link hostileOptionsArbitrary}, so every adapter's never-throws test asks the same questions.
 */

/**
 * Whether `value` has the shape of core's `Result`: an object with a boolean `ok` and a `diagnostics` array.
 * @public
 */
export function isResult(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { ok?: unknown }).ok === 'boolean' &&
    Array.isArray((value as { diagnostics?: unknown }).diagnostics)
  );
}

/**
 * Resolves with what `promise` resolves with; rejects when it rejects, or when it has not settled within
 * `withinMs` milliseconds (default 1,000), so a hostile option that makes a call hang fails the test at once
 * instead of at the test's timeout.
 * @public
 */
export async function settlesWithin<T>(promise: Promise<T>, withinMs = 1_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`did not settle within ${withinMs} ms`)), withinMs);
  });
  try {
    return await Promise.race([promise, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Hostile runtime options laid over quick `defaults` (typically a ready vendor window and short `timeoutMs` and
 * `intervalMs`), so an option the hostile value leaves unset does not wait the runtime's default timeout.
 *
 * @remarks
 * Only a plain object is laid over the defaults, and it is copied by property descriptor, so a hostile getter
 * reaches the function under test rather than running here. Anything else (a primitive, an array, a class
 * instance, a proxy whose traps throw) is returned as it is.
 * @public
 */
export function withRuntimeDefaults(options: unknown, defaults: object): unknown {
  try {
    if (typeof options !== 'object' || options === null || Array.isArray(options) || Object.getPrototypeOf(options) !== Object.prototype) return options;
    return Object.defineProperties({ ...defaults }, Object.getOwnPropertyDescriptors(options));
  } catch {
    return options; // a proxy that throws on inspection goes to the function as it is
  }
}
