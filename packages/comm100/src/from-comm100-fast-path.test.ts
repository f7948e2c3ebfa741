/*
 * Differential test of fromComm100's fast path: on the documented webhook fixtures and on fuzzed webhooks built
 * from the documented event shapes (every schema key fuzzed with values of its kind and of the wrong kind, hostile
 * values mixed in), the shipped adapter (fast path first) and an adapter that only has the general path give
 * identical results, value and diagnostics; and the fast path answers only where the general path reports
 * nothing, with the very same draft.
 */
import { checkJsonValue, defineAdapter, Diagnostics, parseJson, type JsonValue } from '@visitor-context/core';
import { hostileValueArbitrary } from '@visitor-context/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as webhookEvents from './__fixtures__/webhook-events.js';
import {
  Comm100ChatSchema,
  Comm100OfflineMessageSchema,
  Comm100VisitorSchema,
  Comm100WrapupSchema,
} from './comm100-api.js';
import { comm100Capabilities } from './comm100-capabilities.js';
import { Comm100FromVendorOptionsSchema, type Comm100FromVendorOptions } from './comm100-options.js';
import { chatKinds, offlineMessageKinds, visitorKinds, wrapupKinds } from './comm100-webhook-shape.js';
import { fromComm100GeneralPath } from './from-comm100.js';
import { fromComm100FastPath } from './from-comm100-fast-path.js';
import { comm100Adapter } from './index.js';
import { comm100WebhookMaxDepth, defaultComm100WebhookMaxBytes } from './parse-comm100-webhook.js';
import { toComm100 } from './to-comm100.js';

const seed = 20261202;
const numRuns = process.env['CI'] ? 3000 : 1000;

/** The shipped adapter's inbound half with only the general path. */
const generalAdapter = defineAdapter({
  vendor: 'comm100',
  capabilities: comm100Capabilities(undefined),
  fromVendorOptions: Comm100FromVendorOptionsSchema,
  inboundLimits: { maxBytes: defaultComm100WebhookMaxBytes, maxDepth: comm100WebhookMaxDepth },
  toVendor: toComm100,
  fromVendor: fromComm100GeneralPath,
});

const optionSets: readonly Comm100FromVendorOptions[] = [
  {},
  { transcriptDelivered: true },
  { fieldVariables: { 'visitor.name': 'Name', 'page.url': 'pageUrl', 'visitor.phone': 'phone' }, transcriptDelivered: true },
];

/** The payload as `defineAdapter` hands it to the translation, or undefined when core refuses it first. */
function checkedPayload(input: unknown): JsonValue | undefined {
  try {
    const limits = { maxBytes: defaultComm100WebhookMaxBytes, maxDepth: comm100WebhookMaxDepth };
    const checked = typeof input === 'string' ? parseJson(input, limits) : checkJsonValue(input, limits);
    return checked.ok ? checked.value : undefined;
  } catch {
    // A hostile value (a proxy's trap) that core's check reads: defineAdapter's neverThrow answers for it.
    return undefined;
  }
}

/**
 * Compares both paths on one input with the given options; returns whether the fast path answered. Where it
 * does, the general path must report nothing and build the same draft (key order included).
 */
function compare(input: unknown, options: Comm100FromVendorOptions, label: string): boolean {
  const fromShipped = comm100Adapter.fromVendor(input, options);
  const fromGeneral = generalAdapter.fromVendor(input, options);
  expect(fromShipped, label).toStrictEqual(fromGeneral);
  expect(JSON.stringify(fromShipped), label).toBe(JSON.stringify(fromGeneral));

  const payload = checkedPayload(input);
  if (payload === undefined) return false;
  const fast = fromComm100FastPath(payload, options);
  if (fast === undefined) return false;
  const diagnostics = new Diagnostics();
  const draft = fromComm100GeneralPath(payload, options, diagnostics);
  expect(diagnostics.all, label).toEqual([]);
  expect(fast, label).toStrictEqual(draft);
  expect(JSON.stringify(fast), label).toBe(JSON.stringify(draft));
  return true;
}

/** Whether the general path translates the payload without a word. */
function translatesSilently(input: unknown, options: Comm100FromVendorOptions): boolean {
  const payload = checkedPayload(input);
  if (payload === undefined) return false;
  const diagnostics = new Diagnostics();
  fromComm100GeneralPath(payload, options, diagnostics);
  return diagnostics.all.length === 0;
}

const documented: [string, unknown][] = Object.entries(webhookEvents).flatMap(([name, value]) =>
  (Array.isArray(value) ? value.map((item, index): [string, unknown] => [`${name}[${index}]`, item]) : [[name, value] as [string, unknown]]).filter(
    ([, item]) => typeof item === 'object' && item !== null && !Array.isArray(item),
  ),
);

/** Chat Started with `count` custom variables: at and over the canonical limit of 200 attributes. */
const withCustomVariables = (count: number): unknown => ({
  ...webhookEvents.chatStarted,
  visitor: {
    ...webhookEvents.chatStarted.visitor,
    custom_variables: Array.from({ length: count }, (_, index) => ({ name: `variable_${index}`, value: `value ${index}` })),
  },
});
documented.push(['chatStarted with 200 custom variables', withCustomVariables(200)], ['chatStarted with 201 custom variables', withCustomVariables(201)]);

describe('fromComm100 fast path on the documented webhooks', () => {
  it.each(documented)('%s: identical results, and the fast path answers exactly when the general path has nothing to say', (label, event) => {
    for (const options of optionSets) {
      for (const input of [event, JSON.stringify(event)]) {
        const answered = compare(input, options, `${label} ${JSON.stringify(options)}`);
        expect(answered, `${label} ${JSON.stringify(options)}`).toBe(translatesSilently(input, options));
      }
    }
  });

  it('answers for every documented event kind', () => {
    const answered = documented.filter(([, event]) => fromComm100FastPath(checkedPayload(event) as JsonValue, { transcriptDelivered: true }) !== undefined);
    expect(answered.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'chatStarted',
        'chatStartedOlderDocs',
        'chatEnded',
        'chatWrappedUp',
        'offlineMessageSubmitted',
        'agentStatusEvents[0]',
        'chatRequested',
        'chatTransferred',
      ]),
    );
  });
});

describe('the fast path schema tables', () => {
  it.each([
    ['visitor', visitorKinds, Comm100VisitorSchema],
    ['chat', chatKinds, Comm100ChatSchema],
    ['wrapup', wrapupKinds, Comm100WrapupSchema],
    ['offline_message', offlineMessageKinds, Comm100OfflineMessageSchema],
  ] as const)('%s names exactly the keys of its zod schema', (_name, kinds, schema) => {
    expect(Object.keys(kinds).sort()).toEqual(Object.keys(schema.shape).sort());
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

/**
 * Hostile values drawn once from testkit's arbitrary (with the test's seed): it builds its whole list of hostile
 * values for every value it draws, which would make most of this test's time.
 */
const hostileValue = fc.constantFrom(...fc.sample(hostileValueArbitrary(), { numRuns: 300, seed }));

const plausibleText = fc.constantFrom(
  '',
  'testName',
  'ada@example.com',
  'Toronto',
  'Canada',
  'https://shop.example.com/checkout',
  '196.247.57.19',
  'en-US',
  'GMT 06:00',
  '/Date(1584415749307)/',
  ' /Date(1580361387156+0000)/ ',
  '/Date(oops)/',
  '/date(1)/',
  '/not a date',
  'a\u0007b',
  '</script>',
  'x'.repeat(4100),
);
const text = fc.oneof({ weight: 3, arbitrary: plausibleText }, { weight: 1, arbitrary: fc.string({ maxLength: 16 }) });
const primitive = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 1_600_000_000_000 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);
const anyValue = fc.oneof(
  { weight: 6, arbitrary: primitive },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: hostileValue },
);
/** A key's documented kind of value mostly, sometimes anything (the wrong kind, hostile values included). */
const mostly = <T>(documentedValue: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 12, arbitrary: documentedValue }, { weight: 1, arbitrary: anyValue });

const itemName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('Name', 'plan', 'order_id', 'pageUrl', 'phone', 'seats', 'callback_time') },
  { weight: 1, arbitrary: fc.constantFrom('', 'constructor', '__proto__', 'prototype', 'toString') },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
const itemValue = fc.oneof({ weight: 8, arbitrary: primitive }, { weight: 1, arbitrary: anyValue });
const customVariables = fc.oneof(
  { weight: 8, arbitrary: fc.array(fc.record({ name: mostly(itemName), value: itemValue }, { requiredKeys: ['name'] }), { maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: anyValue },
);
const customFields = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.array(
      fc.record({ field_id: mostly(fc.integer({ min: 1, max: 9_999_999 })), id: mostly(fc.integer()), name: mostly(itemName), value: itemValue }, { requiredKeys: ['name'] }),
      { maxLength: 4 },
    ),
  },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: anyValue },
);

/** A value of a schema kind, mostly. */
const ofKind: Record<string, fc.Arbitrary<unknown>> = {
  text: mostly(fc.oneof({ weight: 8, arbitrary: text }, { weight: 1, arbitrary: fc.constant(null) })),
  count: mostly(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(null))),
  identifier: mostly(fc.oneof(fc.uuid(), fc.integer({ min: 1, max: 99_999 }), fc.constant(null))),
  string: mostly(text),
  json: anyValue,
  jsonArray: mostly(fc.oneof(fc.array(primitive, { maxLength: 3 }), fc.constant(null))),
  customFields,
  customVariables,
  transcript: mostly(fc.constantFrom('Ada (10:02): Hi⊙Jane (10:03): Hello⊙', 'line one\nline two', '')),
};

/** An object of a schema: some of its keys, each with a value of its kind (mostly), plus strangers. */
function sectionOf(kinds: Readonly<Record<string, string>>): fc.Arbitrary<Record<string, unknown>> {
  const record = fc.record(Object.fromEntries(Object.entries(kinds).map(([key, kind]) => [key, ofKind[kind] as fc.Arbitrary<unknown>])), { requiredKeys: [] });
  const strangers = fc.array(fc.tuple(fc.oneof(fc.constantFrom('rating', 'start_time', 'end_time', 'constructor'), fc.string({ maxLength: 6 })), anyValue), { maxLength: 2 });
  return fc.tuple(record, strangers).map(([known, extra]) => objectOf([...Object.entries(known), ...extra]));
}

/** A section the event requires (mostly present) or allows. */
const section = (kinds: Readonly<Record<string, string>>) =>
  fc.oneof({ weight: 10, arbitrary: sectionOf(kinds) }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: anyValue });

const visitor = section(visitorKinds);
const webhook = fc.oneof(
  fc.record({ event: fc.constant('chat_started'), visitor }),
  fc.record({ event: fc.constant('chat_ended'), visitor, chat: section(chatKinds) }),
  fc.record(
    { event: fc.constant('chat_wrapped_up'), chat_id: ofKind['identifier'] as fc.Arbitrary<unknown>, visitor, wrapup: section(wrapupKinds) },
    { requiredKeys: ['event', 'wrapup'] },
  ),
  fc.record({ event: fc.constant('offline_message_submitted'), visitor, offline_message: section(offlineMessageKinds) }, { requiredKeys: ['event', 'offline_message'] }),
  fc.record({ event: fc.constantFrom('online', 'away', 'login', 'logout'), operator_id: mostly(fc.integer({ min: 1, max: 99 })) }),
  fc.record({ event: fc.constantFrom('chat_requested', 'chat_transferred'), visitor, campaign_id: fc.uuid() }, { requiredKeys: ['event'] }),
);
/** Documented webhooks, sometimes with a stranger top-level key or a wrong event name, or not a webhook at all. */
const payload = fc.oneof(
  { weight: 12, arbitrary: webhook },
  {
    weight: 2,
    arbitrary: fc
      .tuple(webhook, fc.constantFrom('event', 'constructor', 'chat', 'site_id'), anyValue)
      .map(([event, key, value]) => objectOf([...Object.entries(event), [key, value]])),
  },
  { weight: 1, arbitrary: anyValue },
);
const input = fc.tuple(payload, fc.boolean()).map(([value, asText]) => (asText ? asTextOrValue(value) : value));

describe('fromComm100 fast path on fuzzed webhooks', () => {
  it(`gives the general path's result on every webhook (${numRuns} runs, seed ${seed})`, () => {
    let fastAnswers = 0;
    fc.assert(
      fc.property(input, fc.constantFrom(...optionSets), (value, options) => {
        if (compare(value, options, 'fuzzed webhook')) fastAnswers += 1;
      }),
      { numRuns, seed },
    );
    // The fuzz must exercise the fast path itself, not only its fallback.
    expect(fastAnswers / numRuns).toBeGreaterThan(0.1);
  });
});
