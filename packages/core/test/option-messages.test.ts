import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { Diagnostics, closestName, parseAdapterOptions, parseAdapterOptionsOrThrow } from '../src/index.js';

/** A snippet-options schema shaped like the adapters' (Comm100's and wxcc's in particular). */
const SnippetOptions = z.strictObject({
  strict: z.optional(z.boolean()),
  siteId: z.int().check(z.positive()),
  campaignId: z.union([z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/)), z.int().check(z.positive())]),
  standbyScriptUrl: z.optional(z.union([z.string(), z.literal(false)])),
  mode: z.optional(z.enum(['popover', 'embedded'])),
  nonce: z.optional(z.string().check(z.minLength(1))),
  customVariables: z.optional(z.array(z.string())),
  fieldVariables: z.optional(z.partialRecord(z.enum(['visitor.id', 'visitor.name']), z.string())),
  widget: z.optional(z.strictObject({ bindId: z.string(), guid: z.string() })),
});

function messages(options: unknown): string[] {
  const diagnostics = new Diagnostics();
  expect(parseAdapterOptions(SnippetOptions, options, diagnostics)).toBeUndefined();
  expect(diagnostics.all.every((item) => item.code === 'invalid_option' && item.severity === 'error')).toBe(true);
  return diagnostics.all.map((item) => `${item.path.join('.')}: ${item.message}`);
}

const valid = { siteId: 10000, campaignId: 'abc-123' };

describe('option error messages', () => {
  it('name the option, say it is required, what was expected and what was received', () => {
    expect(messages({ ...valid, siteId: '10000' })).toEqual([
      'siteId: Option siteId (required) must be a whole number greater than 0; got the string "10000". See the adapter\'s README for its options.',
    ]);
    expect(messages({ campaignId: 'abc' })).toEqual([
      "siteId: Option siteId is required: give a whole number greater than 0. See the adapter's README for its options.",
    ]);
    expect(messages({ ...valid, siteId: 0 })[0]).toContain('Option siteId (required) must be a whole number greater than 0; got the number 0.');
    expect(messages({ ...valid, campaignId: true })[0]).toContain('Option campaignId (required) must be a string matching /^[A-Za-z0-9-]{1,64}$/ or a whole number greater than 0; got true.');
    expect(messages({ ...valid, campaignId: 'a b' })[0]).toContain('must be a string matching /^[A-Za-z0-9-]{1,64}$/ or a whole number greater than 0; got the string "a b".');
  });

  it('say an optional option is optional, and describe unions, enums, lengths and items', () => {
    expect(messages({ ...valid, standbyScriptUrl: 5 })[0]).toContain('Option standbyScriptUrl (optional) must be a string or false; got the number 5.');
    expect(messages({ ...valid, mode: 'inline' })[0]).toContain('Option mode (optional) must be one of "popover", "embedded"; got the string "inline".');
    expect(messages({ ...valid, nonce: '' })[0]).toContain('Option nonce (optional) must be a string of at least 1 character; got the string "".');
    expect(messages({ ...valid, customVariables: ['a', 2] })[0]).toContain('Item customVariables[1] must be a string; got the number 2.');
    expect(messages({ ...valid, widget: { bindId: 'b' } })[0]).toContain('Option widget.guid is required: give a string.');
  });

  it('suggest the nearest known option for a typo, and list the known ones', () => {
    expect(messages({ ...valid, siteID: 1 })).toEqual([
      'siteID: Unknown option "siteID". Did you mean "siteId"? Known options: strict, siteId, campaignId, standbyScriptUrl, mode, nonce, customVariables, fieldVariables, widget. See the adapter\'s README for its options.',
    ]);
    expect(messages({ ...valid, widget: { bindID: 'b', guid: 'g' } })).toContainEqual(expect.stringContaining('Unknown option "bindID" in widget. Did you mean "bindId"? Known options: bindId, guid.'));
    expect(messages({ ...valid, fieldVariables: { 'visitor.nmae': 'n' } })[0]).toContain('Unknown option "visitor.nmae" in fieldVariables. Did you mean "visitor.name"?');
    expect(messages({ ...valid, zzzzzz: 1 })[0]).not.toContain('Did you mean');
  });

  it('explain options that are not an object at all', () => {
    expect(messages('siteId=1')[0]).toContain('The options must be an object; got the string "siteId=1".');
  });

  it('never reach the prototype for option names like constructor or __proto__', () => {
    for (const key of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__']) {
      const options = JSON.parse(`{"siteId":1,"campaignId":"c","${key}":1}`) as unknown;
      expect(messages(options)).toEqual([expect.stringContaining(`Unknown option "${key}".`)]);
    }
  });
});

describe('closestName', () => {
  it('finds swaps, case slips and small typos, and nothing for far-off names', () => {
    expect(closestName('form', ['from', 'to'])).toBe('from');
    expect(closestName('companyID', ['companyId', 'scriptUrl'])).toBe('companyId');
    expect(closestName('scriptURL', ['scriptUrl', 'standbyScriptUrl'])).toBe('scriptUrl');
    expect(closestName('vendr', ['vendor', 'validate'])).toBe('vendor');
    expect(closestName('x', ['from', 'to'])).toBeUndefined();
    expect(closestName('json', [])).toBeUndefined();
  });
});

describe('parseAdapterOptionsOrThrow', () => {
  it('returns valid factory options and throws a TypeError that teaches for invalid ones', () => {
    expect(parseAdapterOptionsOrThrow(SnippetOptions, valid, 'example')).toEqual(valid);
    expect(() => parseAdapterOptionsOrThrow(SnippetOptions, { ...valid, customVariable: ['a'] }, 'example')).toThrow(
      new TypeError(
        'Invalid example adapter options: Unknown option "customVariable". Did you mean "customVariables"? Known options: strict, siteId, campaignId, standbyScriptUrl, mode, nonce, customVariables, fieldVariables, widget. See the example adapter\'s README for its options.',
      ),
    );
  });
});

describe('messages written by a schema author', () => {
  const FieldMap = z.strictObject({
    fields: z.optional(
      z.record(z.string(), z.string({ error: 'must be the custom chat field name, as text' })).check((context) => {
        if (Object.hasOwn(context.value, 'visitor.nickname')) {
          context.issues.push({ code: 'custom', path: ['visitor.nickname'], message: 'must be a canonical field such as visitor.name', input: context.value });
        }
      }),
    ),
  });

  it('are kept, with the option named and the received value for type errors', () => {
    const diagnostics = new Diagnostics();
    parseAdapterOptions(FieldMap, { fields: { 'visitor.name': 42 } }, diagnostics);
    parseAdapterOptions(FieldMap, { fields: { 'visitor.nickname': 'nick' } }, diagnostics);
    expect(diagnostics.all.map((item) => item.message)).toEqual([
      'Option fields["visitor.name"] must be the custom chat field name, as text; got the number 42. See the adapter\'s README for its options.',
      'Option fields["visitor.nickname"] must be a canonical field such as visitor.name. See the adapter\'s README for its options.',
    ]);
  });
});
