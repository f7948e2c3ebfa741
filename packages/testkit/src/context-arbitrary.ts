import fc from 'fast-check';
import {
  maxAttributeKeyLength,
  parseVisitorContext,
  visitorContextFields,
  type AdapterLimits,
  type VisitorContext,
} from '@visitor-context/core';

const prototypeKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** Strings of every kind: mostly readable text, sometimes any code point (controls, astral, U+2028). */
function textArbitrary(maxLength: number): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength }) },
    { weight: 1, arbitrary: fc.constantFrom('</script>', '<!--<script>', '\u2028', "O'Brien \"x\" & <b>", 'Zoë Ünal') },
  ).filter((text) => text.length <= maxLength);
}

const emailArbitrary: fc.Arbitrary<string> = fc.stringMatching(/^[a-z0-9_+-]{1,12}(?:\.[a-z0-9]{1,6})?@[a-z0-9]{1,10}\.[a-z]{2,6}$/);

/**
 * Valid canonical contexts (without `vendor` bags) that fit an adapter's declared limits, so that any
 * loss in a round trip is the adapter's doing. Every generated context passes `parseVisitorContext`.
 * @public
 */
export function visitorContextArbitrary(limits: AdapterLimits = {}): fc.Arbitrary<VisitorContext> {
  const maxValueLength = Math.min(limits.maxValueLength ?? 60, 60);
  const text = textArbitrary(maxValueLength);
  const maxKeyLength = Math.min(limits.maxKeyLength ?? 24, 24, maxAttributeKeyLength);
  const keyPattern = limits.keyPattern === undefined ? undefined : new RegExp(limits.keyPattern);
  const keyArbitrary = (keyPattern === undefined ? fc.string({ minLength: 1, maxLength: maxKeyLength }) : fc.stringMatching(keyPattern))
    .filter(
      (key) =>
        key.length >= 1 &&
        key.length <= maxKeyLength &&
        !prototypeKeys.has(key) &&
        !/[\u0000-\u001f\u007f-\u009f]/.test(key) &&
        (keyPattern === undefined || keyPattern.test(key)),
    );
  const attributeValue = fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean());
  const section = (fields: readonly string[], overrides: Record<string, fc.Arbitrary<string>> = {}) =>
    fc.record(Object.fromEntries(fields.map((field) => [field, overrides[field] ?? text])), { requiredKeys: [] });
  return fc
    .record(
      {
        visitor: section(visitorContextFields.visitor, { email: emailArbitrary }),
        attributes: fc.dictionary(keyArbitrary, attributeValue, {
          maxKeys: Math.min(limits.maxEntries ?? 8, 8),
          noNullPrototype: true,
        }),
        page: section(visitorContextFields.page),
        device: section(visitorContextFields.device),
        location: section(visitorContextFields.location),
      },
      { requiredKeys: [] },
    )
    .map((draft) => {
      const context: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(draft)) {
        if (value !== undefined && Object.keys(value).length > 0) context[name] = value;
      }
      return context;
    })
    .filter((context) => parseVisitorContext(context).ok)
    .map((context) => {
      const parsed = parseVisitorContext(context);
      if (!parsed.ok) throw new Error('unreachable: filtered above');
      return parsed.value;
    });
}
