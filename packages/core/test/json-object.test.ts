import { describe, expect, it } from 'vitest';
import { isJsonObject, ownJsonValue, setOwnJsonValue, withJsonEntry, type JsonObject } from '../src/index.js';

describe('own-property helpers for vendor JSON', () => {
  it('tells objects from arrays and null', () => {
    expect([{}, [], null, 'text', 1, undefined].map(isJsonObject)).toEqual([true, false, false, false, false, false]);
  });

  it('never reads an inherited property', () => {
    const object = JSON.parse('{"name":"Ada","__proto__":{"polluted":true}}') as JsonObject;
    expect(ownJsonValue(object, 'name')).toBe('Ada');
    for (const key of ['toString', 'constructor', 'hasOwnProperty', 'polluted']) expect(ownJsonValue(object, key)).toBeUndefined();
    expect(ownJsonValue(object, '__proto__')).toEqual({ polluted: true });
  });

  it('writes __proto__ as an own data property, never through the prototype setter', () => {
    const object: JsonObject = {};
    setOwnJsonValue(object, '__proto__', { polluted: true });
    setOwnJsonValue(object, 'constructor', 'text');
    expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
    expect(Object.keys(object)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('replaces or leaves out one entry, keeping key order and own __proto__ keys', () => {
    const object = JSON.parse('{"a":1,"__proto__":2,"b":3}') as JsonObject;
    expect(Object.entries(withJsonEntry(object, 'a', 'one'))).toEqual([['a', 'one'], ['__proto__', 2], ['b', 3]]);
    const without = withJsonEntry(object, 'b', undefined);
    expect(Object.entries(without)).toEqual([['a', 1], ['__proto__', 2]]);
    expect(Object.getPrototypeOf(without)).toBe(Object.prototype);
    expect(object).toEqual(JSON.parse('{"a":1,"__proto__":2,"b":3}'));
  });
});
