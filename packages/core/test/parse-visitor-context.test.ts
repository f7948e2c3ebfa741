import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { VisitorContextError, createContextTranslator, defineAdapter, parseVisitorContext, parseVisitorContextOrThrow, type Result } from '../src/index.js';

const codes = (result: Result<unknown>): string[] => result.diagnostics.map((diagnostic) => diagnostic.code);

const customer = {
  visitor: { id: 'c-1001', name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000', locale: 'en-GB' },
  attributes: { plan: 'pro', seats: 12, vip: true },
  page: { url: 'https://shop.example/cart', title: 'Cart' },
  vendor: { giosg: { rooms: [{ id: 'r1' }] } },
};

describe('parseVisitorContext', () => {
  it('accepts a valid context and returns a fresh plain copy', () => {
    const result = parseVisitorContext(customer);
    expect(result).toEqual({ ok: true, value: customer, diagnostics: [] });
    if (!result.ok) return;
    expect(result.value).not.toBe(customer);
    expect(result.value.visitor).not.toBe(customer.visitor);
    expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
  });

  it('accepts an empty context and null-prototype objects', () => {
    expect(parseVisitorContext({}).ok).toBe(true);
    const visitor = Object.assign(Object.create(null) as object, { id: '7' });
    expect(parseVisitorContext({ visitor })).toMatchObject({ ok: true, value: { visitor: { id: '7' } } });
  });

  it.each([null, undefined, 'ctx', 42, [], true])('refuses %j as not an object', (input) => {
    const result = parseVisitorContext(input);
    expect(result.ok).toBe(false);
    expect(codes(result)).toEqual(['not_an_object']);
    expect(result.diagnostics[0]?.message).toMatch(/must be an object/);
  });

  it('names every unknown key, at the top and inside sections', () => {
    const result = parseVisitorContext({ visiter: {}, visitor: { nickname: 'x' } });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'unknown_key', path: ['visitor', 'nickname'], severity: 'error' }),
      expect.objectContaining({ code: 'unknown_key', path: ['visiter'], severity: 'error' }),
    ]);
    expect(result.diagnostics[1]?.message).toContain('attributes');
  });

  it('refuses bad attribute keys: empty, too long, control characters', () => {
    const result = parseVisitorContext({ attributes: { '': 1, ['k'.repeat(101)]: 1, 'tab\there': 1, ['k'.repeat(100)]: 1 } });
    expect(result.diagnostics.map((item) => [item.code, item.path[1]])).toEqual([
      ['invalid_key', ''],
      ['invalid_key', 'k'.repeat(101)],
      ['invalid_key', 'tab\there'],
    ]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s anywhere in the tree', (key) => {
    const json = `{"attributes":{"${key}":"x"}}`;
    expect(codes(parseVisitorContext(JSON.parse(json)))).toEqual(['forbidden_key']);
    const deep = JSON.parse(`{"vendor":{"giosg":{"a":{"b":{"${key}":{}}}}}}`);
    const result = parseVisitorContext(deep);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'forbidden_key', path: ['vendor', 'giosg', 'a', 'b', key] })]);
  });

  it('refuses nested attribute values and says how to flatten them', () => {
    const result = parseVisitorContext({ attributes: { order: { id: 1 }, tags: ['a'] } });
    expect(codes(result)).toEqual(['nested_value', 'nested_value']);
    expect(result.diagnostics[0]?.message).toMatch(/Flatten/);
  });

  it('refuses non-finite numbers, which JSON would silently turn into null', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(codes(parseVisitorContext({ attributes: { score: value } }))).toEqual(['non_finite_number']);
    }
  });

  it('refuses an invalid email', () => {
    const result = parseVisitorContext({ visitor: { email: 'ada at example' } });
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'invalid_email', path: ['visitor', 'email'] })]);
  });

  it('refuses wrong types with the expected type in the message', () => {
    // A number is no longer wrong for visitor.id (see below); a boolean is, and the message says how to pass it.
    const result = parseVisitorContext({ visitor: { id: true } });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'invalid_type',
        path: ['visitor', 'id'],
        message: 'visitor.id must be a string; got a boolean. Pass ids as strings (or whole numbers), e.g. { visitor: { id: "42" } }.',
      }),
    ]);
    expect(parseVisitorContext({ visitor: { name: 42 } }).diagnostics).toEqual([
      expect.objectContaining({ code: 'invalid_type', path: ['visitor', 'name'], message: 'visitor.name must be a string; got a number.' }),
    ]);
  });

  it('accepts a database id as a safe integer in visitor.id, as its decimal string with a value_coerced warning', () => {
    for (const id of [42, 0, -7, Number.MAX_SAFE_INTEGER]) {
      expect(parseVisitorContext({ visitor: { id, name: 'Ada' } })).toEqual({
        ok: true,
        value: { visitor: { id: String(id), name: 'Ada' } },
        diagnostics: [
          {
            code: 'value_coerced',
            severity: 'warning',
            path: ['visitor', 'id'],
            message: `visitor.id was the number ${id}; it was converted to the string "${id}". Pass ids as strings to avoid this warning.`,
          },
        ],
      });
    }
    const strict = defineAdapterForStrict();
    expect(strict.toVendor({ visitor: { id: 42 } }, { strict: true })).toMatchObject({ ok: false, diagnostics: [{ code: 'value_coerced', severity: 'error' }] });
  });

  it('refuses numbers in visitor.id whose text would not be the id: fractions and unsafe integers', () => {
    for (const id of [1.5, 2 ** 53, -(2 ** 60), 1e21]) {
      const result = parseVisitorContext({ visitor: { id } });
      expect(result.ok).toBe(false);
      expect(result.diagnostics).toEqual([
        expect.objectContaining({ code: 'invalid_type', path: ['visitor', 'id'], message: expect.stringContaining('Pass ids as strings') }),
      ]);
    }
  });

  it('enforces the string limit and the 32 KiB total by default, both configurable', () => {
    expect(codes(parseVisitorContext({ visitor: { name: 'x'.repeat(4097) } }))).toEqual(['string_too_long']);
    expect(parseVisitorContext({ visitor: { name: 'x'.repeat(4096) } }).ok).toBe(true);
    const big = { attributes: Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`k${index}`, 'é'.repeat(1000)])) };
    expect(codes(parseVisitorContext(big))).toEqual(['too_large']);
    expect(parseVisitorContext(big, { limits: { maxTotalBytes: 64 * 1024 } }).ok).toBe(true);
    expect(codes(parseVisitorContext({ visitor: { name: 'abcdef' } }, { limits: { maxStringLength: 5 } }))).toEqual(['string_too_long']);
  });

  it('limits the number of attributes', () => {
    const many = { attributes: Object.fromEntries(Array.from({ length: 201 }, (_, index) => [`k${index}`, index])) };
    expect(codes(parseVisitorContext(many))).toEqual(['too_large']);
  });

  it('refuses vendor bag names that are not adapter ids', () => {
    expect(codes(parseVisitorContext({ vendor: { 'Not An Id': {} } }))).toEqual(['invalid_key']);
  });

  it('never invokes getters or toJSON, and refuses class instances', () => {
    let invoked = false;
    const withGetter = {
      visitor: Object.defineProperty({}, 'name', {
        enumerable: true,
        get() {
          invoked = true;
          return 'x';
        },
      }),
    };
    expect(codes(parseVisitorContext(withGetter))).toEqual(['not_plain_data']);
    const withToJson = {
      attributes: {
        toJSON() {
          invoked = true;
          return {};
        },
      },
    };
    expect(codes(parseVisitorContext(withToJson))).toEqual(['not_plain_data']);
    expect(invoked).toBe(false);
    expect(codes(parseVisitorContext({ attributes: { at: new Date() } }))).toEqual(['not_plain_data']);
    expect(parseVisitorContext({ attributes: { at: new Date() } }).diagnostics[0]?.message).toContain('Date');
  });

  it('accepts plain objects from another realm (an iframe, a vm context, an edge runtime structuredClone) and still refuses its class instances', () => {
    const realm = runInNewContext('({ plain: { visitor: { name: "Ada" }, attributes: { plan: "pro" }, vendor: { giosg: { rooms: [{ id: "r1" }] } } }, date: new Date(0), map: new Map() })') as {
      plain: unknown;
      date: unknown;
      map: unknown;
    };
    const parsed = parseVisitorContext(realm.plain);
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.value).toEqual({ visitor: { name: 'Ada' }, attributes: { plan: 'pro' }, vendor: { giosg: { rooms: [{ id: 'r1' }] } } });
    expect(parsed.ok && Object.getPrototypeOf(parsed.value)).toBe(Object.prototype);
    expect(codes(parseVisitorContext({ attributes: { at: realm.date } }))).toEqual(['not_plain_data']);
    expect(codes(parseVisitorContext({ attributes: { at: realm.map } }))).toEqual(['not_plain_data']);
    class Point {
      x = 1;
    }
    expect(codes(parseVisitorContext({ attributes: { at: new Point() } }))).toEqual(['not_plain_data']);
  });

  it('refuses cycles through the depth limit instead of looping', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(codes(parseVisitorContext({ vendor: { x: cyclic } }))).toEqual(['too_deep']);
  });

  it('treats undefined members as absent', () => {
    expect(parseVisitorContext({ visitor: { id: '1', name: undefined } })).toEqual({
      ok: true,
      value: { visitor: { id: '1' } },
      diagnostics: [],
    });
  });
});

describe('parseVisitorContextOrThrow', () => {
  it('returns the value or throws a VisitorContextError with every diagnostic', () => {
    expect(parseVisitorContextOrThrow({ visitor: { id: '1' } })).toEqual({ visitor: { id: '1' } });
    let caught: unknown;
    try {
      parseVisitorContextOrThrow({ visitor: { email: 'x' }, extra: 1 });
    } catch (error) {
      caught = error;
    }
    expect(VisitorContextError.isInstance(caught)).toBe(true);
    const error = caught as VisitorContextError;
    expect(error.code).toBe('invalid_email');
    expect(error.diagnostics.map((item) => item.code)).toEqual(['invalid_email', 'unknown_key']);
    expect(error.message).toContain('visitor.email:');
    expect(VisitorContextError.isInstance(new Error('x'))).toBe(false);
  });
});

function defineAdapterForStrict() {
  return defineAdapter<Record<string, string>>({
    vendor: 'strictly',
    capabilities: { directions: ['toVendor'], fields: [{ canonical: 'visitor.id', vendorName: 'id' }] },
    toVendor: (context) => (context.visitor?.id === undefined ? {} : { id: context.visitor.id }),
    fromVendor: () => ({}),
  });
}

describe('createContextTranslator (the zod-free browser path) treats visitor.id like parseVisitorContext', () => {
  const translate = createContextTranslator('strictly', (context) => ({ id: context.visitor?.id }));

  it('converts a safe integer with the same warning, and refuses other numbers', () => {
    for (const id of [42, -1, 'u-1']) {
      const translated = translate({ visitor: { id } });
      const parsed = parseVisitorContext({ visitor: { id } });
      expect(translated).toEqual({ ok: true, value: { id: String(id) }, diagnostics: parsed.diagnostics });
    }
    for (const id of [1.5, 2 ** 53]) {
      const translated = translate({ visitor: { id } });
      expect(translated).toEqual({ ok: false, diagnostics: parseVisitorContext({ visitor: { id } }).diagnostics });
    }
  });
});
