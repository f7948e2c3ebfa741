/*
 * Differential test of fromWxcc's fast path: on the documented fixtures and on fuzzed payloads built from the
 * documented shapes (bare extras, whole events, flat flow variables, a page's { custom_chat_fields }) with
 * hostile values mixed in, the shipped adapter (fast path first) and an adapter that only has the general path
 * give identical results, value and diagnostics; and the fast path answers only where the general path reports
 * nothing, with the very same draft.
 */
import { checkJsonValue, defineAdapter, Diagnostics, parseJson, type JsonValue } from '@visitor-context/core';
import { hostileValueArbitrary } from '@visitor-context/testkit';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firstMessageExtras } from './__fixtures__/first-message-extras.js';
import { fromWxccGeneralPath } from './from-wxcc.js';
import { fromWxccFastPath } from './from-wxcc-fast-path.js';
import { createWxccAdapter, wxccAdapter, type WxccFieldMap } from './index.js';
import { toWxcc } from './to-wxcc.js';
import { wxccCapabilities } from './wxcc-capabilities.js';
import { resolveFieldMap } from './wxcc-field-map.js';
import { WxccFromVendorOptionsSchema } from './wxcc-options.js';

const seed = 20261202;
const numRuns = process.env['CI'] ? 3000 : 1000;

const fixtureDirectory = new URL('./__fixtures__/', import.meta.url);
const fixtureTexts = readdirSync(fixtureDirectory)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => [name, readFileSync(new URL(name, fixtureDirectory), 'utf8')] as const);

/** Field maps: the default (every attribute under its own key), one without a template, one with a prefix template. */
const fieldMaps: readonly (WxccFieldMap | undefined)[] = [
  undefined,
  { 'visitor.name': 'Full name', 'visitor.email': 'email', 'page.url': 'page', 'attributes.plan': 'Plan' },
  { 'visitor.id': 'id', 'visitor.name': 'name', 'location.city': 'city', 'attributes.plan': 'Plan', 'attributes.*': 'attr *' },
];

/** The shipped adapter for a map, the same adapter with only the general path, and the map resolved. */
function subjects(fieldMap: WxccFieldMap | undefined) {
  const resolved = resolveFieldMap(fieldMap);
  const shipped = fieldMap === undefined ? wxccAdapter : createWxccAdapter({ fields: fieldMap });
  const general = defineAdapter({
    vendor: 'wxcc',
    capabilities: wxccCapabilities(resolved),
    fromVendorOptions: WxccFromVendorOptionsSchema,
    toVendor: (context, _options, diagnostics) => toWxcc(context, resolved, diagnostics),
    fromVendor: (payload, _options, diagnostics) => fromWxccGeneralPath(payload, resolved, diagnostics),
  });
  return { resolved, shipped, general };
}
const allSubjects = fieldMaps.map(subjects);

/** The payload as `defineAdapter` hands it to the translation, or undefined when core refuses it first. */
function checkedPayload(input: unknown): JsonValue | undefined {
  try {
    const checked = typeof input === 'string' ? parseJson(input) : checkJsonValue(input);
    return checked.ok ? checked.value : undefined;
  } catch {
    // A hostile value (a proxy's trap) that core's check reads: defineAdapter's neverThrow answers for it.
    return undefined;
  }
}

/**
 * Compares both paths on one input for every field map; returns how many maps took the fast path. Where the
 * fast path answers, the general path must report nothing and build the same draft (key order included).
 */
function compare(input: unknown, label: string, maps = allSubjects): number {
  let fastAnswers = 0;
  for (const { resolved, shipped, general } of maps) {
    const fromShipped = shipped.fromVendor(input);
    const fromGeneral = general.fromVendor(input);
    expect(fromShipped, label).toStrictEqual(fromGeneral);
    expect(JSON.stringify(fromShipped), label).toBe(JSON.stringify(fromGeneral));

    const payload = checkedPayload(input);
    if (payload === undefined) continue;
    const fast = fromWxccFastPath(payload, resolved);
    if (fast === undefined) continue;
    fastAnswers += 1;
    const diagnostics = new Diagnostics();
    const draft = fromWxccGeneralPath(payload, resolved, diagnostics);
    expect(diagnostics.all, label).toEqual([]);
    expect(fast, label).toStrictEqual(draft);
    expect(JSON.stringify(fast), label).toBe(JSON.stringify(draft));
  }
  return fastAnswers;
}

/** Whether the general path translates the payload without a word (for the default map). */
function translatesSilently(input: unknown): boolean {
  const payload = checkedPayload(input);
  if (payload === undefined) return false;
  const diagnostics = new Diagnostics();
  fromWxccGeneralPath(payload, resolveFieldMap(undefined), diagnostics);
  return diagnostics.all.length === 0;
}

describe('fromWxcc fast path on the documented fixtures', () => {
  const documented: [string, unknown][] = [
    ...fixtureTexts.map(([name, text]): [string, unknown] => [`${name} (text)`, text]),
    ...fixtureTexts.map(([name, text]): [string, unknown] => [`${name} (parsed)`, JSON.parse(text)]),
    ...[
      { name: 'Ada Lovelace', email: 'ada@example.com', plan: 'pro', seats: 12, returning: true },
      { id: 'c-1001', phone: '+44 20 7946 0000', cartTotal: 129.9 },
      {},
    ].map((fields): [string, unknown] => [`firstMessageExtras(${JSON.stringify(fields)})`, firstMessageExtras({ custom_chat_fields: fields })]),
  ];

  it.each(documented)('%s: identical results, and the fast path answers exactly when the general path has nothing to say', (label, input) => {
    const fastAnswers = compare(input, label);
    const payload = checkedPayload(input);
    if (payload !== undefined) expect(fromWxccFastPath(payload, resolveFieldMap(undefined)) !== undefined, label).toBe(translatesSilently(input));
    if (translatesSilently(input)) expect(fastAnswers, label).toBeGreaterThan(0);
  });

  it('answers for the documented first-message, event, flat-variable and page payloads', () => {
    const answered = fixtureTexts.filter(([, text]) => fromWxccFastPath(checkedPayload(text) as JsonValue, resolveFieldMap(undefined)) !== undefined);
    expect(answered.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'event-flat-variables.json',
        'event-nested.json',
        'extras-double-encoded.json',
        'extras-first-message-profile-params.json',
        'extras-first-message.json',
        'init-payload-docs.json',
        'init-payload-tutorial.json',
      ]),
    );
  });
});

/** Defines own data properties, so that `__proto__` is a key like any other (as JSON.parse makes it). */
function objectOf(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

/** JSON text of a value, or the value itself when it has none (a bigint, a circular object…). */
function asTextOrValue(value: unknown): unknown {
  try {
    return JSON.stringify(value) ?? value;
  } catch {
    return value;
  }
}

const plausibleText = fc.constantFrom(
  '',
  ' ',
  'Ada Lovelace',
  'ada@example.com',
  'not an email',
  'pro',
  'https://shop.example.com/checkout?step=2',
  'https://www.example.com/help',
  'http://shop.example/a b',
  'index.html',
  'javascript:alert(1)',
  'en-US',
  'Mozilla/5.0 (X11; Linux x86_64)',
  '203.0.113.7',
  '2001:db8::1',
  '999.1.1.1',
  ' London',
  'Canada',
  'a\u0007b',
  '</script><!--<script>',
  'x'.repeat(5000),
);
const text = fc.oneof({ weight: 3, arbitrary: plausibleText }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) });
const primitive = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);
/**
 * Hostile values drawn once from testkit's arbitrary (with the test's seed): it builds its whole list of hostile
 * values for every value it draws, which would make most of this test's time.
 */
const hostileValue = fc.constantFrom(...fc.sample(hostileValueArbitrary(), { numRuns: 300, seed }));
const anyValue = fc.oneof(
  { weight: 6, arbitrary: primitive },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: hostileValue },
);
/** A key's documented kind of value mostly, sometimes anything (hostile values included). */
const mostly = <T>(documented: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 10, arbitrary: documented }, { weight: 1, arbitrary: anyValue });

const fieldName = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom('id', 'name', 'email', 'phone', 'plan', 'Plan', 'Full name', 'page', 'city', 'attr plan', 'attr ', 'seats', 'returning'),
  },
  { weight: 1, arbitrary: fc.constantFrom('constructor', 'prototype', '__proto__', 'toString', 'hasOwnProperty', '', 'x'.repeat(120), 'a\u0000b') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
const customFields = fc.array(fc.tuple(fieldName, mostly(primitive)), { maxLength: 8 }).map(objectOf);
const customChatAttr = fc.oneof(
  { weight: 6, arbitrary: customFields.map(asTextOrValue) },
  { weight: 1, arbitrary: customFields },
  { weight: 1, arbitrary: customFields.map((fields) => String(asTextOrValue(fields)).slice(0, -3)) },
  { weight: 1, arbitrary: customFields.map((fields) => `\uFEFF${String(asTextOrValue(fields))}`) },
  { weight: 1, arbitrary: anyValue },
);
const profileValue = fc.oneof(plausibleText, primitive);
const customProfileParams = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('', '{"IP":"","City":"","Country":""}', '{"IP":"203.0.113.7","City":"London","Country":"United Kingdom"}') },
  fc.record({ IP: profileValue, City: profileValue, Country: profileValue }, { requiredKeys: [] }).map(asTextOrValue),
  fc.record({ IP: profileValue, City: profileValue, Country: profileValue, Region: profileValue }, { requiredKeys: [] }),
  fc.constant('U2FsdGVkX1+encrypted/profile=='),
  anyValue,
);

/** The widget's extras keys with values of their documented kinds, each key present or not, plus strangers. */
const extras = fc
  .record(
    {
      browserfingerprint: mostly(fc.constant('3a9f0c2e7d41b6a8e5c90f12ab34cd56')),
      proactive_id: mostly(fc.constantFrom(0, 'rule-7')),
      proactive_queue_id: mostly(text),
      proactive_queue_name: mostly(text),
      Webpage: mostly(fc.oneof(fc.constant('https://media.imi.chat/widget/widgetloader.html?id=1&org='), text)),
      Website: mostly(fc.oneof(fc.constant('www.example.com'), text)),
      useragent: mostly(fc.constant('Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0')),
      customprofileparams: customProfileParams,
      hasprechatform: mostly(fc.constantFrom('0', '1', 1, true)),
      'Initiated from URL': mostly(fc.oneof({ weight: 3, arbitrary: fc.constant('https://www.example.com/account/orders?id=1001') }, { weight: 1, arbitrary: text })),
      initiatedon: mostly(fc.oneof(text, fc.integer())),
      website_id: mostly(fc.oneof(fc.constant('8d2e1f4a-6b7c-4d9e-a0f1-23456789abcd'), fc.integer())),
      'Browser language': mostly(fc.constantFrom('en-US', 'de', '')),
      custom_chat_attr: customChatAttr,
      quick_reply_response: fc.constant('{"payload":"yes","title":"Yes"}'),
      custom_chat_fields: fc.oneof({ weight: 3, arbitrary: customFields }, { weight: 1, arbitrary: anyValue }),
    },
    { requiredKeys: [] },
  )
  .chain((record) =>
    fc
      .array(fc.tuple(fc.oneof(fieldName, fc.constantFrom('inappmessaging', 'inappmessaging.userId')), anyValue), { maxLength: 2 })
      .map((strangers) => objectOf([...Object.entries(record), ...strangers])),
  );

const eventRest = fc.record(
  {
    timestamp: fc.constant('1700000000000'),
    userId: text,
    threadId: text,
    message: fc.constant('Hello'),
    attachment: fc.oneof(fc.constant(null), fc.constant([]), anyValue),
    appId: fc.constant('AP-1'),
  },
  { requiredKeys: [] },
);

/** Every documented payload shape around the extras, and what a server may be handed instead. */
const payload = fc.oneof(
  { weight: 4, arbitrary: extras },
  {
    weight: 2,
    arbitrary: fc.tuple(extras, eventRest, fc.boolean()).map(([inner, rest, encoded]) => ({
      inappmessaging: { ...rest, message: { text: 'Hello', extras: encoded ? asTextOrValue(inner) : inner } },
    })),
  },
  { weight: 1, arbitrary: fc.tuple(extras, eventRest).map(([inner, rest]) => ({ inappmessaging: { ...rest, extras: inner } })) },
  {
    weight: 1,
    arbitrary: fc.tuple(extras, fc.boolean()).map(([inner, encoded]) => ({
      'inappmessaging.userId': 'u-1',
      [encoded ? 'inappmessaging.message.extras' : 'inappmessaging.extras']: encoded ? asTextOrValue(inner) : inner,
    })),
  },
  { weight: 2, arbitrary: customFields.map((fields) => ({ custom_chat_fields: fields })) },
  { weight: 1, arbitrary: anyValue },
);

/** As a server gets it: the raw text (sometimes encoded once more), or already parsed. */
const input = fc.tuple(payload, fc.constantFrom('text', 'parsed', 'double-encoded')).map(([value, form]) => {
  if (form === 'parsed') return value;
  const once = asTextOrValue(value);
  return form === 'text' || typeof once !== 'string' ? once : JSON.stringify(once);
});

describe('fromWxcc fast path on fuzzed payloads', () => {
  it(`gives the general path's result on every payload (${numRuns} runs, seed ${seed})`, () => {
    let fastAnswers = 0;
    let compared = 0;
    fc.assert(
      fc.property(input, fc.constantFrom(...allSubjects), (value, subject) => {
        fastAnswers += compare(value, 'fuzzed payload', [subject]);
        compared += 1;
      }),
      { numRuns, seed },
    );
    // The fuzz must exercise the fast path itself, not only its fallback.
    expect(fastAnswers / compared).toBeGreaterThan(0.1);
  });
});
