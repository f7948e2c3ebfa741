import fc from 'fast-check';

/**
 * One hostile value with a name for test titles.
 * @public
 */
export interface HostileValue {
  /** What the value is, e.g. `"object with a throwing getter"`. */
  readonly name: string;
  /** The value itself: made fresh for each call of {@link hostileValues}, so a revoked proxy or a getter cannot leak between tests. */
  readonly value: unknown;
}

const fail = (): never => {
  throw new Error('hostile value: this must never be called');
};

/**
 * A proxy whose every trap throws: any string-keyed read, key listing or prototype look-up of it throws.
 * Symbol-keyed reads and `in` checks answer `undefined` and `false`, so that test tools (fast-check's clone check, printing) can hold it.
 */
function throwingProxy(): object {
  return new Proxy(
    {},
    {
      get: (_target, key) => (typeof key === 'symbol' ? undefined : fail()),
      has: (_target, key) => (typeof key === 'symbol' ? false : fail()),
      ownKeys: fail,
      getOwnPropertyDescriptor: fail,
      getPrototypeOf: fail,
      set: fail,
      defineProperty: fail,
    },
  );
}

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

function circularObject(): object {
  const value: Record<string, unknown> = { name: 'loop' };
  value['self'] = value;
  return value;
}

function sparseArray(): unknown[] {
  const value: unknown[] = [];
  value[5] = 'x';
  return value;
}

/**
 * Values that break code which trusts its input's shape: wrong types, non-finite numbers, lone surrogates,
 * control characters, prototype keys, throwing getters, `toJSON` / `toString` that throw, proxies whose every
 * trap throws, revoked proxies, circular objects, class instances and functions.
 *
 * @remarks
 * Pass each one (and {@link hostileOptionsArbitrary} for option objects) to every public function whose TSDoc
 * says it never throws, and assert that it returns its documented failure instead. The values are created anew
 * on every call.
 * @public
 */
export function hostileValues(): readonly HostileValue[] {
  return [
    { name: 'undefined', value: undefined },
    { name: 'null', value: null },
    { name: 'NaN', value: Number.NaN },
    { name: 'Infinity', value: Number.POSITIVE_INFINITY },
    { name: '-Infinity', value: Number.NEGATIVE_INFINITY },
    { name: '-0', value: -0 },
    { name: 'negative number', value: -1 },
    { name: 'unsafe integer', value: Number.MAX_SAFE_INTEGER + 2 },
    { name: 'bigint', value: 10n },
    { name: 'symbol', value: Symbol('hostile') },
    { name: 'true', value: true },
    { name: 'empty string', value: '' },
    { name: 'whitespace string', value: ' \t\n' },
    { name: 'lone high surrogate', value: 'a\uD800b' },
    { name: 'lone low surrogate', value: '\uDC00' },
    { name: 'NUL and C0/C1 controls', value: '\u0000\u0007\u001b[2J\u009b31m' },
    { name: 'line and paragraph separators', value: '\u2028\u2029' },
    { name: 'script end tag', value: '</script><script>alert(1)</script>' },
    { name: 'javascript URL', value: 'javascript:alert(1)' },
    { name: 'URL with a tab in the scheme', value: 'd\tata:text/javascript,alert(1)' },
    { name: '__proto__ as a string', value: '__proto__' },
    { name: 'constructor as a string', value: 'constructor' },
    { name: 'long string', value: 'x'.repeat(200_000) },
    { name: 'function', value: () => 'hostile' },
    { name: 'throwing function', value: fail },
    { name: 'empty object', value: {} },
    { name: 'null-prototype object', value: Object.create(null) as object },
    { name: 'JSON __proto__ key', value: JSON.parse('{"__proto__":{"polluted":true},"a":1}') as unknown },
    { name: 'constructor.prototype key', value: { constructor: { prototype: { polluted: true } } } },
    { name: 'prototype-named keys', value: { toString: 'x', valueOf: 1, hasOwnProperty: null, constructor: 'y' } },
    {
      name: 'object with a throwing getter',
      value: Object.defineProperty({}, 'id', { get: fail, enumerable: true }),
    },
    { name: 'object whose toJSON throws', value: { toJSON: fail } },
    { name: 'object whose toString and valueOf throw', value: { toString: fail, valueOf: fail } },
    { name: 'proxy whose every trap throws', value: throwingProxy() },
    { name: 'revoked proxy', value: revokedProxy() },
    { name: 'circular object', value: circularObject() },
    { name: 'empty array', value: [] },
    { name: 'sparse array', value: sparseArray() },
    { name: 'nested arrays', value: [[[[['deep']]]]] },
    { name: 'invalid date', value: new Date(Number.NaN) },
    { name: 'regular expression', value: /hostile/g },
    { name: 'map', value: new Map([['a', 1]]) },
    { name: 'typed array', value: new Uint8Array(4) },
    { name: 'promise', value: Promise.resolve('hostile') },
    { name: 'error', value: new Error('hostile') },
  ];
}

/**
 * Any value: mostly {@link hostileValues} (all but the revoked proxy), sometimes whatever fast-check's `anything()` makes (null-prototype
 * objects, `__proto__` keys, sparse arrays, big integers, boxed values included).
 * @public
 */
export function hostileValueArbitrary(): fc.Arbitrary<unknown> {
  // fast-check itself looks for a clone method on each generated value, which a revoked proxy refuses:
  // that one is only in the hostileValues() list.
  const named = hostileValues().flatMap((item, index) => (item.name === 'revoked proxy' ? [] : [index]));
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...named).map((index) => hostileValues()[index]?.value) },
    {
      weight: 1,
      arbitrary: fc.anything({
        withBigInt: true,
        withBoxedValues: true,
        withDate: true,
        withMap: true,
        withNullPrototype: true,
        withObjectString: true,
        withSet: true,
        withSparseArray: true,
        withTypedArray: true,
        withUnicodeString: true,
      }),
    },
  );
}

/**
 * Option objects for a function whose known option keys are `keys`: each generated object sets some of those
 * keys (and sometimes an unknown one) to hostile values; sometimes the options value itself is hostile.
 * @public
 */
export function hostileOptionsArbitrary(keys: readonly string[]): fc.Arbitrary<unknown> {
  const key = keys.length === 0 ? fc.string() : fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: fc.string() });
  const record = fc
    .array(fc.tuple(key, hostileValueArbitrary()), { maxLength: Math.max(3, keys.length) })
    .map((entries) => {
      const options: Record<string, unknown> = {};
      for (const [name, value] of entries) Object.defineProperty(options, name, { value, enumerable: true, writable: true, configurable: true });
      return options;
    });
  return fc.oneof({ weight: 4, arbitrary: record }, { weight: 1, arbitrary: hostileValueArbitrary() });
}
