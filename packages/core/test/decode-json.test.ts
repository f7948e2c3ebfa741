import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkJsonValue,
  decodeBase64Text,
  encodeBase64Text,
  parseBase64Json,
  parseJson,
  parseNestedJson,
  type Result,
} from '../src/index.js';

const codes = (result: Result<unknown>): string[] => result.diagnostics.map((diagnostic) => diagnostic.code);
const runs = { numRuns: 1000, seed: 20261123 };

describe('parseJson', () => {
  it.each([
    ['{"__proto__":{"x":1}}', ['__proto__']],
    ['{"a":{"b":{"c":{"__proto__":{"x":1}}}}}', ['a', 'b', 'c', '__proto__']],
    ['{"constructor":{"prototype":{"x":1}}}', ['constructor']],
    ['{"\\u005f_proto__":{}}', ['__proto__']],
    ['[{"__proto__":[]}]', [0, '__proto__']],
  ])('refuses the pollution vector %s', (text, path) => {
    const result = parseJson(text);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'forbidden_key', path })]);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('allows a harmless "constructor" key, as secure-json-parse does', () => {
    expect(parseJson('{"constructor":"ok","prototype":"fine"}')).toEqual({
      ok: true,
      value: { constructor: 'ok', prototype: 'fine' },
      diagnostics: [],
    });
  });

  it('checks size before parsing and depth while walking', () => {
    expect(codes(parseJson(JSON.stringify('x'.repeat(10 * 1024 * 1024))))).toEqual(['too_large']);
    expect(codes(parseJson(JSON.stringify('é'.repeat(140_000))))).toEqual(['too_large']);
    expect(parseJson(JSON.stringify('é'.repeat(140_000)), { maxBytes: 300_000 }).ok).toBe(true);
    expect(codes(parseJson('['.repeat(10_000) + ']'.repeat(10_000)))).toEqual(['too_deep']);
    expect(codes(parseJson('{"a":'.repeat(33) + '1' + '}'.repeat(33)))).toEqual(['too_deep']);
    expect(parseJson('{"a":'.repeat(31) + '1' + '}'.repeat(31)).ok).toBe(true);
  });

  it('strips a byte-order mark', () => {
    expect(parseJson('\ufeff{"a":1}')).toMatchObject({ ok: true, value: { a: 1 } });
  });

  it.each(['', 'NaN', 'TRUE', '{a:1}', "{'a':1}", '{"a":1}x', 'undefined'])('refuses %j as invalid JSON', (text) => {
    expect(codes(parseJson(text))).toEqual(['invalid_json']);
  });

  it('refuses non-strings instead of guessing', () => {
    expect(codes(parseJson(42 as unknown as string))).toEqual(['invalid_type']);
  });
});

describe('checkJsonValue', () => {
  it('copies parsed values as plain data and never calls getters', () => {
    const input = JSON.parse('{"a":[1,{"b":null}]}');
    const result = checkJsonValue(input);
    expect(result).toEqual({ ok: true, value: input, diagnostics: [] });
    expect(result.ok && result.value).not.toBe(input);
    const getter = Object.defineProperty({}, 'a', { enumerable: true, get: () => 1 });
    expect(codes(checkJsonValue(getter))).toEqual(['not_plain_data']);
  });
});

describe('parseNestedJson (JSON inside a JSON string)', () => {
  it('unwraps exactly one extra level', () => {
    const value = { custom_chat_fields: { name: 'Ada' } };
    expect(parseNestedJson(JSON.stringify(value))).toMatchObject({ ok: true, value });
    expect(parseNestedJson(JSON.stringify(JSON.stringify(value)))).toMatchObject({ ok: true, value });
    const triple = parseNestedJson(JSON.stringify(JSON.stringify(JSON.stringify(value))));
    expect(triple.diagnostics).toEqual([expect.objectContaining({ code: 'invalid_json', message: expect.stringMatching(/more than once/) })]);
  });

  it('refuses scalars and applies the pollution rules at the inner level too', () => {
    expect(codes(parseNestedJson('"just text"'))).toEqual(['invalid_json']);
    expect(codes(parseNestedJson('42'))).toEqual(['invalid_json']);
    expect(codes(parseNestedJson(JSON.stringify('{"__proto__":{"x":1}}')))).toEqual(['forbidden_key']);
  });
});

describe('strict base64', () => {
  it('refuses junk characters that Buffer would silently skip', () => {
    expect(codes(parseBase64Json('e!!!yJhIjox*fQ=='))).toEqual(['invalid_base64']);
    expect(codes(decodeBase64Text('eyJhIjoxfQ= ='))).toEqual(['invalid_base64']);
    expect(codes(decodeBase64Text('eyJhIjoxfQ'))).toEqual(['invalid_base64']);
  });

  it('keeps the two alphabets apart', () => {
    const text = '{"a":"\u00ff\u00fe?>"}';
    const standard = encodeBase64Text(text);
    const url = encodeBase64Text(text, 'base64url');
    expect(standard).toMatch(/[+/=]/);
    expect(url).not.toMatch(/[+/=]/);
    expect(decodeBase64Text(standard)).toMatchObject({ ok: true, value: text });
    expect(decodeBase64Text(url, 'base64url')).toMatchObject({ ok: true, value: text });
    expect(codes(decodeBase64Text(url))).toEqual(['invalid_base64']);
    expect(codes(decodeBase64Text(standard, 'base64url'))).toEqual(['invalid_base64']);
  });

  it('refuses bytes that are not UTF-8, and oversize input before decoding', () => {
    expect(codes(decodeBase64Text(btoa('\u00ff\u00fe')))).toEqual(['invalid_base64']);
    expect(codes(decodeBase64Text('A'.repeat(400_000)))).toEqual(['too_large']);
  });

  it('decodes raw, double-encoded and base64 JSON to the same value (metamorphic)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue({ maxDepth: 2 })), (draft) => {
        const value = JSON.parse(JSON.stringify(draft)) as Record<string, unknown>;
        const raw = parseJson(JSON.stringify(value));
        if (!raw.ok) {
          expect(codes(raw)).toContain('forbidden_key');
          return;
        }
        expect(raw.value).toEqual(value);
        expect(parseNestedJson(JSON.stringify(JSON.stringify(value)))).toEqual(raw);
        expect(parseBase64Json(encodeBase64Text(JSON.stringify(value)))).toEqual(raw);
        expect(parseBase64Json(encodeBase64Text(JSON.stringify(value), 'base64url'), 'base64url')).toEqual(raw);
        expect(Object.getPrototypeOf(raw.value)).toBe(Object.prototype);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }),
      runs,
    );
  });
});
