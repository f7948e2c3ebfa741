import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { parseVisitorContext, type JsonValue, type VisitorContext } from '@visitor-context/core';
import { visitorContextArbitrary } from '@visitor-context/testkit';
import { translateGiosgContext } from './browser.js';
import { giosgAdapter, GiosgRoomSchema, type GiosgRoom, type GiosgToVendorOptions } from './index.js';
import { readGiosgRooms } from './giosg-rooms.js';

const fixturesDirectory = new URL('./__fixtures__/', import.meta.url);
const fixtureNames = readdirSync(fixturesDirectory).filter((name) => name.endsWith('.json')).sort();
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(name, fixturesDirectory), 'utf8'));

const optionSets: readonly GiosgToVendorOptions[] = [
  {},
  { rooms: [{ name: 'Sales' }, { id: 'room-7' }], replaceExisting: true },
  { replaceExisting: false },
  { strict: true },
];

describe('translateGiosgContext (the browser translation, without zod)', () => {
  it.each(fixtureNames)('gives the same result as giosgAdapter.toVendor for the context read from %s', (name) => {
    const context = giosgAdapter.fromVendor(fixture(name));
    if (!context.ok) {
      // Inbound refusals (a signed payload, say) have no context to translate back.
      expect(context.diagnostics.some((item) => item.severity === 'error')).toBe(true);
      return;
    }
    for (const options of optionSets) {
      expect(translateGiosgContext(context.value, options)).toEqual(giosgAdapter.toVendor(context.value, options));
    }
  });

  it('translates at least one fixture with vendor.giosg rooms, extra data and rejected fields', () => {
    const bags = fixtureNames
      .map((name) => giosgAdapter.fromVendor(fixture(name)))
      .flatMap((result) => (result.ok ? [result.value.vendor?.['giosg'] ?? {}] : []));
    expect(bags.some((bag) => bag['rooms'] !== undefined)).toBe(true);
    expect(bags.some((bag) => bag['extraData'] !== undefined)).toBe(true);
  });

  it('gives the same payload and diagnostics as giosgAdapter.toVendor for every valid context and option set', () => {
    const room: fc.Arbitrary<GiosgRoom> = fc.oneof(
      fc.record({ id: fc.string({ minLength: 1, maxLength: 8 }) }),
      fc.record({ name: fc.string({ minLength: 1, maxLength: 8 }) }),
    );
    const json = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>;
    const giosgBag = fc.record(
      {
        // Valid room lists, and values that are not one (reported and replaced by the domain room).
        rooms: fc.oneof(fc.array(room, { minLength: 1, maxLength: 3 }), json),
        replaceExisting: fc.oneof(fc.boolean(), json),
        extraData: fc.oneof(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), json, { maxKeys: 3, noNullPrototype: true }), json),
        rejectedFields: fc.dictionary(
          fc.constantFrom('visitor.email', 'visitor.name', 'attributes.plan', 'attributes.email', 'attributes["a b"]', 'attributes["broken', 'page.url'),
          json,
          { maxKeys: 3, noNullPrototype: true },
        ),
      },
      { requiredKeys: [] },
    );
    const vendor = fc.record({ giosg: giosgBag, genesys: fc.record({ queue: fc.string() }) }, { requiredKeys: [] });
    const context = fc
      .tuple(visitorContextArbitrary(), fc.option(vendor, { nil: undefined }))
      .map(([base, bags]): VisitorContext => (bags === undefined ? base : { ...base, vendor: bags }))
      .filter((candidate) => parseVisitorContext(candidate).ok);
    const options: fc.Arbitrary<GiosgToVendorOptions> = fc.record(
      { rooms: fc.array(room, { minLength: 1, maxLength: 3 }), replaceExisting: fc.boolean(), strict: fc.boolean() },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(context, options, (candidate, callOptions) => {
        expect(translateGiosgContext(candidate, callOptions)).toEqual(giosgAdapter.toVendor(candidate, callOptions));
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe('readGiosgRooms', () => {
  const roomsSchema = z.array(GiosgRoomSchema).check(z.minLength(1));
  const agreesWithSchema = (value: unknown): void => {
    const parsed = z.safeParse(roomsSchema, value);
    expect(readGiosgRooms(value)).toEqual(parsed.success ? parsed.data : undefined);
  };

  it('accepts exactly the room lists the zod schema of the `.` entry accepts', () => {
    for (const value of [
      [{ id: 'room-7' }],
      [{ name: 'Sales' }, { id: 'x' }],
      [],
      [{ id: '' }],
      [{ id: 'a', name: 'b' }],
      [{ id: 7 }],
      [{ room: 'x' }],
      [null],
      [['id', 'x']],
      { id: 'x' },
      'Sales',
      null,
    ]) {
      agreesWithSchema(value);
    }
    const roomLike = fc.dictionary(fc.constantFrom('id', 'name', 'other'), fc.oneof(fc.string({ maxLength: 3 }), fc.jsonValue({ maxDepth: 1 })), { maxKeys: 2 });
    fc.assert(fc.property(fc.oneof(fc.array(fc.oneof(roomLike, fc.jsonValue({ maxDepth: 1 })), { maxLength: 3 }), fc.jsonValue()), agreesWithSchema), { numRuns: 500 });
  });

  it('returns fresh room objects', () => {
    const input = [{ id: 'room-7' }];
    const rooms = readGiosgRooms(input);
    expect(rooms).toEqual(input);
    expect(rooms?.[0]).not.toBe(input[0]);
  });
});
