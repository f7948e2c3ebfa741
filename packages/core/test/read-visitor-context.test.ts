import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// testkit depends on core, so core cannot depend on it (the workspace graph would have a cycle); its hostile values
// need nothing but fast-check, so the source file is imported directly.
import { hostileValueArbitrary } from '../../testkit/src/hostile-values.js';
import { VisitorContextSchema, defaultVisitorContextLimits, parseVisitorContext, visitorContextFields, type VisitorContextLimits } from '../src/index.js';
import { parseWithSchema } from '../src/parse-visitor-context.js';
import { readVisitorContext } from '../src/read-visitor-context.js';

/**
 * The differential properties run 10,000 times each in CI (the bar), fewer locally; the seed is fixed so
 * a failure replays. The in-place property, which exercises the same reader on JSON copies, runs fewer.
 */
const ci = process.env['CI'] !== undefined && process.env['CI'] !== '' && process.env['CI'] !== 'false';
const runs = { numRuns: ci ? 10_000 : 1_000, seed: 20261202 };
const inPlaceRuns = { numRuns: ci ? 2_000 : 500, seed: 20261202 };

/** What a call did: its result, or the error it threw (a proxy whose traps throw makes both paths throw). */
function outcome(run: () => unknown): unknown {
  try {
    return { returned: run() };
  } catch (error) {
    return { threw: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** The value with every object's keys in order, so that equality also means "same key order" (toStrictEqual ignores it). */
function ordered(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(ordered);
  return Object.keys(value).map((key) => [key, ordered((value as Record<string, unknown>)[key])]);
}

/** Asserts the fast walk agrees with the schema path: same value (and key order), same diagnostics, or both throw. */
function expectSameAnswer(input: () => unknown, limits: VisitorContextLimits): void {
  const reference = outcome(() => parseWithSchema(input(), limits));
  const fast = outcome(() => readVisitorContext(input(), limits, 'copy'));
  const publicAnswer = outcome(() => parseVisitorContext(input(), { limits }));
  expect(publicAnswer).toStrictEqual(reference);
  const fastResult = (fast as { returned?: unknown }).returned;
  if (fastResult !== undefined) {
    // The reader only ever answers with a success, and only where the schema path succeeds alike.
    expect(fast).toStrictEqual(reference);
    expect(ordered((fastResult as { value: unknown }).value)).toStrictEqual(ordered((reference as { returned: { value: unknown } }).returned.value));
  } else {
    const returned = (reference as { returned?: { ok: boolean } }).returned;
    // Never unsure about a valid input: otherwise the fast walk would quietly stop being the one that answers.
    if (returned?.ok === true) expect(isPlainTree(input())).toBe(false);
  }
}

/** Plain JSON-like data of this realm, no proxies: what the reader must always answer for when it is valid. */
function isPlainTree(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) return Object.getPrototypeOf(value) === Array.prototype && value.every(isPlainTree);
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Reflect.ownKeys(value).every((key) => {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    return typeof key === 'string' && descriptor !== undefined && 'value' in descriptor && isPlainTree(descriptor.value);
  });
}

const realm = runInNewContext('({ parse: (text) => JSON.parse(text) })') as { parse: (text: string) => unknown };

/** Sets an own data property, whatever the key (`__proto__` included). */
function define(target: object, key: PropertyKey, value: unknown, enumerable = true): void {
  Object.defineProperty(target, key, { value, enumerable, writable: true, configurable: true });
}

/** Ways to make an object harder to read than a literal; `valid` ones keep a valid context valid. */
interface Disguise {
  readonly name: string;
  readonly valid: boolean;
  readonly apply: (value: Record<string, unknown>) => unknown;
}
const disguises: readonly Disguise[] = [
  { name: 'null prototype', valid: true, apply: (value) => Object.assign(Object.create(null) as object, value) },
  { name: 'transparent proxy', valid: true, apply: (value) => new Proxy(value, {}) },
  { name: 'from another realm', valid: true, apply: (value) => (isJsonSafe(value) ? realm.parse(JSON.stringify(value)) : value) },
  { name: 'with a non-enumerable key', valid: true, apply: (value) => withOwn(value, 'hidden', 1, false) },
  { name: 'with an undefined member', valid: true, apply: (value) => withOwn(value, 'undefinedMember', undefined) },
  { name: 'frozen', valid: true, apply: (value) => Object.freeze({ ...value }) },
  { name: 'proxy whose traps throw', valid: false, apply: () => new Proxy({}, { ownKeys: () => fail('ownKeys trap'), getPrototypeOf: () => fail('getPrototypeOf trap') }) },
  { name: 'with a getter', valid: false, apply: (value) => Object.defineProperty({ ...value }, 'name', { get: () => 'from a getter', enumerable: true }) },
  { name: 'with a bare accessor', valid: false, apply: (value) => Object.defineProperty({ ...value }, 'title', { get: undefined, enumerable: true } as unknown as PropertyDescriptor) },
  { name: 'with toJSON', valid: false, apply: (value) => ({ ...value, toJSON: () => ({}) }) },
  { name: 'with a symbol key', valid: false, apply: (value) => Object.assign({ ...value }, { [Symbol('x')]: 1 }) },
  { name: 'with a hidden symbol key', valid: false, apply: (value) => withOwn(value, Symbol('hidden'), 1, false) },
  { name: 'with own __proto__', valid: false, apply: (value) => withOwn(value, '__proto__', { polluted: true }) },
  { name: 'with constructor', valid: false, apply: (value) => ({ ...value, constructor: { prototype: { polluted: true } } }) },
  { name: 'with prototype', valid: false, apply: (value) => ({ ...value, prototype: 'x' }) },
  { name: 'a class instance', valid: false, apply: (value) => Object.assign(new (class Visitor {})(), value) },
  { name: 'a Date', valid: false, apply: () => new Date(0) },
  { name: 'an array', valid: false, apply: (value) => Object.values(value) },
];

function fail(message: string): never {
  throw new Error(message);
}

function withOwn(value: Record<string, unknown>, key: PropertyKey, item: unknown, enumerable = true): object {
  const copy = { ...value };
  define(copy, key, item, enumerable);
  return copy;
}

function isJsonSafe(value: unknown): boolean {
  try {
    return JSON.stringify(value) !== undefined;
  } catch {
    return false;
  }
}

/** Builds the context arbitrary: `noisy` ones are near-misses anywhere, the others valid (but for limits). */
function contexts(noisy: boolean): fc.Arbitrary<unknown> {
  const usable = disguises.filter((item) => noisy || item.valid);
  /** An object, mostly as is, sometimes in one of the disguises. */
  const disguised = (object: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<unknown> =>
    fc.tuple(object, fc.nat({ max: usable.length * 8 })).map(([value, pick]) => usable[pick]?.apply(value) ?? value);

  const text = fc.oneof(
    { weight: 12, arbitrary: fc.string({ maxLength: 24 }) },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
    { weight: 1, arbitrary: fc.constantFrom('', 'x'.repeat(4096), 'é'.repeat(3000), '\ud800', '</script>\u2028', '__proto__') },
    { weight: noisy ? 1 : 0, arbitrary: fc.constant('x'.repeat(4097)) },
  );

  /** Anything that is not a valid value somewhere: wrong types, non-finite numbers, hostile values. */
  const odd = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom<unknown>(null, 0, -0, 1.5, 42, Number.MAX_SAFE_INTEGER, 2 ** 53, 1e21, Number.NaN, Number.POSITIVE_INFINITY, true, false, [], {}, ['a'], { id: 1 }, undefined) },
    { weight: 2, arbitrary: hostileValueArbitrary() },
  );

  const fieldValue = (valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
    noisy ? fc.oneof({ weight: 20, arbitrary: valid }, { weight: 1, arbitrary: odd }) : valid;

  const email = fc.oneof(
    { weight: 8, arbitrary: fc.tuple(fc.string({ unit: fc.constantFrom(...'az09_+-'), minLength: 1, maxLength: 8 }), fc.constantFrom('example.com', 'mail.example.co.uk', 'x1.io')).map(([local, domain]) => `${local}@${domain}`) },
    { weight: noisy ? 1 : 0, arbitrary: fc.constantFrom('ada at example', 'a@b', '.a@example.com', 'a@example.c', 'é@example.com') },
    { weight: noisy ? 1 : 0, arbitrary: text },
  );

  const visitorId = fc.oneof(
    { weight: 4, arbitrary: text },
    { weight: 2, arbitrary: fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }) },
    { weight: noisy ? 1 : 0, arbitrary: fc.constantFrom(1.5, 2 ** 53, -(2 ** 60), 1e21, -0, Number.NaN) },
  );

  /** A fixed section: some of its fields (sometimes a stray key), values mostly valid, keys in any order. */
  const section = (fields: readonly string[], values: (field: string) => fc.Arbitrary<unknown>): fc.Arbitrary<unknown> => {
    const keys = fc.oneof({ weight: 30, arbitrary: fc.constantFrom(...fields) }, { weight: noisy ? 1 : 0, arbitrary: fc.constantFrom('nickname', 'Id', 'constructor', '') });
    return disguised(
      fc.uniqueArray(keys, { maxLength: fields.length + 1 }).chain((chosen) =>
        fc.tuple(...chosen.map((key) => fieldValue(values(key)))).map((items) => {
          const object: Record<string, unknown> = {};
          chosen.forEach((key, index) => define(object, key, items[index]));
          return object;
        }),
      ),
    );
  };

  /** fast-check favours `__proto__`, `constructor` and the like in strings; valid contexts go without them. */
  const keyText = (minLength: number, maxLength: number): fc.Arbitrary<string> =>
    noisy ? fc.string({ minLength, maxLength }) : fc.string({ minLength, maxLength }).filter((key) => !prototypeKeys.has(key));

  const attributeKey = fc.oneof(
    { weight: 20, arbitrary: keyText(1, 16) },
    { weight: 2, arbitrary: fc.constantFrom('k'.repeat(100), '12', '0', 'toString', 'é', '\u00a0') },
    { weight: noisy ? 1 : 0, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
    { weight: noisy ? 1 : 0, arbitrary: fc.constantFrom('', 'k'.repeat(101), 'tab\there', 'c1\u0085', 'del\u007f', '__proto__', 'constructor') },
  );
  const attributes = disguised(
    fc.array(fc.tuple(attributeKey, fieldValue(fc.oneof(text, fc.double({ noNaN: !noisy, noDefaultInfinity: !noisy }), fc.integer(), fc.boolean()))), { maxLength: 12 }).map((entries) => {
      const object: Record<string, unknown> = {};
      for (const [key, value] of entries) define(object, key, value);
      return object;
    }),
  );

  /** JSON of any depth for vendor bags, with the same disguises inside. */
  const { bagObject } = fc.letrec<{ bagValue: unknown; bagObject: unknown }>((tie) => ({
    bagValue: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 12, arbitrary: fc.oneof(text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)) },
      { weight: 4, arbitrary: tie('bagObject') },
      { weight: 4, arbitrary: fc.array(tie('bagValue'), { maxLength: 4 }) },
      { weight: noisy ? 1 : 0, arbitrary: odd },
      { weight: noisy ? 1 : 0, arbitrary: fc.constantFrom<unknown>(sparse(), [undefined], new Map(), Object.assign([1], { extra: 2 })) },
    ),
    bagObject: disguised(
      fc
        .array(fc.tuple(fc.oneof({ weight: 20, arbitrary: keyText(0, 8) }, { weight: noisy ? 1 : 0, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype') }), tie('bagValue')), { maxLength: 4 })
        .map((entries) => {
          const object: Record<string, unknown> = {};
          for (const [key, value] of entries) define(object, key, value);
          return object;
        }),
    ),
  }));

  const vendorId = fc.oneof({ weight: 20, arbitrary: fc.tuple(fc.constantFrom(...'ag9'), fc.string({ unit: fc.constantFrom(...'az09-'), maxLength: 8 })).map(([first, rest]) => first + rest) }, { weight: noisy ? 1 : 0, arbitrary: fc.constantFrom('Not An Id', '-x', '', 'a'.repeat(65), '__proto__') });
  const vendor = disguised(
    fc.array(fc.tuple(vendorId, fieldValue(bagObject)), { maxLength: 3 }).map((entries) => {
      const object: Record<string, unknown> = {};
      for (const [key, value] of entries) define(object, key, value);
      return object;
    }),
  );

  const parts = fc.record(
    {
      visitor: section(visitorContextFields.visitor, (field) => (field === 'email' ? email : field === 'id' ? visitorId : text)),
      attributes,
      page: section(visitorContextFields.page, () => text),
      device: section(visitorContextFields.device, () => text),
      location: section(visitorContextFields.location, () => text),
      vendor,
    },
    { requiredKeys: [] },
  );
  const withExtra = noisy ? fc.tuple(parts, fc.option(fc.tuple(fc.constantFrom('extra', 'Visitor', 'constructor'), odd), { freq: 10 })) : parts.map((value) => [value, null] as const);
  return withExtra
    .chain(([value, extra]) => {
      const entries: [string, unknown][] = Object.entries(value);
      if (extra !== null) entries.push(extra);
      // Sections in any order: zod answers in schema order whatever the input's order.
      return fc.shuffledSubarray(entries, { minLength: entries.length }).map((shuffled) => {
        const object: Record<string, unknown> = {};
        for (const [key, item] of shuffled) define(object, key, item);
        return object;
      });
    })
    .chain((object) => disguised(fc.constant(object)));
}

const prototypeKeys = new Set(['__proto__', 'constructor', 'prototype']);

function sparse(): unknown[] {
  const array: unknown[] = [];
  array[2] = 'x';
  return array;
}

/** Half valid contexts (in every valid disguise), half near-misses. */
const context: fc.Arbitrary<unknown> = fc.oneof(contexts(false), contexts(true));

/** Defaults most of the time; small limits often enough to reach every limit with small inputs. */
const limits: fc.Arbitrary<VisitorContextLimits> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(defaultVisitorContextLimits) },
  {
    weight: 2,
    arbitrary: fc.record({
      maxStringLength: fc.constantFrom(4096, 3, 12),
      maxTotalBytes: fc.constantFrom(32_768, 60, 200, 600),
      maxDepth: fc.constantFrom(16, 1, 2, 3, 4, 5),
      maxAttributes: fc.constantFrom(200, 0, 2),
    }),
  },
);

describe('parseVisitorContext: the one-pass reader answers exactly as the zod schema path', () => {
  it('on mostly valid contexts with every kind of near-miss, under default and tight limits', () => {
    fc.assert(
      fc.property(context, limits, (input, chosen) => expectSameAnswer(() => input, chosen)),
      runs,
    );
  });

  it("on testkit's hostile values, at the root and in every section", () => {
    const placed = fc.tuple(hostileValueArbitrary(), fc.constantFrom('root', 'visitor', 'visitor.id', 'visitor.email', 'attributes', 'attributes.plan', 'page', 'vendor', 'vendor.giosg', 'vendor.giosg.rooms'));
    fc.assert(
      fc.property(placed, ([value, where]) => {
        const parts = where.split('.');
        let input: unknown = value;
        for (let index = parts.length - 1; index >= 0 && where !== 'root'; index--) {
          const wrapper: Record<string, unknown> = {};
          define(wrapper, parts[index] as string, input);
          input = wrapper;
        }
        expectSameAnswer(() => input, defaultVisitorContextLimits);
      }),
      runs,
    );
  });

  it('answers valid contexts itself, in schema key order, with the visitor id warning', () => {
    const input = { vendor: { giosg: { b: 1, a: [1, { c: null }] } }, page: { title: 'T', url: 'https://x.example' }, visitor: { name: 'Ada', id: 42 } };
    const fast = readVisitorContext(input, defaultVisitorContextLimits, 'copy');
    expect(fast).toStrictEqual(parseWithSchema(input, defaultVisitorContextLimits));
    expect(fast?.ok && Object.keys(fast.value)).toEqual(['visitor', 'page', 'vendor']);
    expect(fast?.ok && Object.keys(fast.value.visitor ?? {})).toEqual(['id', 'name']);
    expect(fast?.ok && Object.keys(fast.value.page ?? {})).toEqual(['url', 'title']);
    expect(fast?.diagnostics.map((item) => item.code)).toEqual(['value_coerced']);
  });

  it('measures long texts and odd numbers exactly where the size bound reaches the limit', () => {
    let answered = 0;
    let refused = 0;
    // Around 32 KiB: 'é' is 2 bytes in one code unit, '😀' 4 bytes in two, and 0.1 + 0.2 has 19 characters.
    const long = 'é'.repeat(4000);
    for (let length = 0; length <= 600; length += 3) {
      const input = { attributes: { a: long, b: long, c: long, d: long, tail: 'é'.repeat(length), emoji: '😀'.repeat(20), odd: 0.1 + 0.2, id: 123_456_789 } };
      const fast = readVisitorContext(input, defaultVisitorContextLimits, 'copy');
      const reference = parseWithSchema(input, defaultVisitorContextLimits);
      if (reference.ok) {
        expect(fast).toStrictEqual(reference);
        answered++;
      } else {
        expect(fast).toBeUndefined();
        expect(reference.diagnostics.map((item) => item.code)).toEqual(['too_large']);
        refused++;
      }
    }
    expect(answered).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });

  it('keeps the schema and the reader on the same fields, in the same order', () => {
    const shape = VisitorContextSchema.def.shape;
    expect(Object.keys(shape)).toEqual(['visitor', 'attributes', 'page', 'device', 'location', 'vendor']);
    for (const section of ['visitor', 'page', 'device', 'location'] as const) {
      const inner = (shape[section].def.innerType as unknown as { def: { shape: object } }).def.shape;
      expect(Object.keys(inner)).toEqual(visitorContextFields[section]);
    }
  });
});

describe('readVisitorContext in place (inbound drafts made of freshly parsed JSON)', () => {
  it('answers as the schema path does, and changes nothing in the draft', () => {
    fc.assert(
      fc.property(context, limits, (input, chosen) => {
        if (!isJsonSafe(input)) return;
        const draft = JSON.parse(JSON.stringify(input)) as unknown;
        const before = JSON.stringify(draft);
        const fast = readVisitorContext(draft, chosen, 'inPlace');
        expect(JSON.stringify(draft)).toBe(before);
        const reference = parseWithSchema(JSON.parse(before), chosen);
        if (fast === undefined) {
          expect(reference.ok).toBe(false);
          return;
        }
        expect(fast).toStrictEqual(reference);
        expect(ordered(fast.ok && fast.value)).toStrictEqual(ordered(reference.ok && reference.value));
      }),
      inPlaceRuns,
    );
  });

  it('keeps vendor bags where they stand instead of copying them', () => {
    const bag = { rooms: [{ id: 'r1' }], note: 'kept' };
    const draft = { visitor: { name: 'Ada' }, vendor: { giosg: bag } };
    const read = readVisitorContext(draft, defaultVisitorContextLimits, 'inPlace');
    expect(read?.ok && read.value.vendor?.['giosg']).toBe(bag);
  });

  it('leaves anything not made by JSON.parse to the copying path: other realms, null prototypes, array subclasses, shared objects', () => {
    const shared = { a: 1 };
    for (const draft of [
      { vendor: { giosg: realm.parse('{"a":1}') } },
      { vendor: { giosg: Object.assign(Object.create(null) as object, { a: 1 }) } },
      { vendor: { giosg: { list: new (class List extends Array {})() } } },
      { vendor: { giosg: { one: shared, two: shared } } },
      { vendor: { giosg: { a: undefined } } },
    ]) {
      expect(readVisitorContext(draft, defaultVisitorContextLimits, 'inPlace')).toBeUndefined();
      expect(parseVisitorContext(draft).ok).toBe(true);
    }
  });
});
