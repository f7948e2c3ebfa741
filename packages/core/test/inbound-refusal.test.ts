import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Diagnostics,
  defineAdapter,
  formatPath,
  parseVisitorContext,
  type JsonObject,
  type JsonValue,
  type MutableVisitorContext,
  type Result,
  type VisitorContext,
  type VisitorContextLimits,
} from '../src/index.js';

/**
 * `defineAdapter` validates a `fromVendor` draft, refuses it, or moves the fields the model refuses into the vendor bag.
 * A draft that no field can repair (over a limit, say) is refused after one validation, without the deep clone and
 * second validation it once cost. This holds the adapter to that former path, kept here verbatim as the reference:
 * same result, same diagnostics, for drafts over the limits and drafts with refused fields alike.
 */
function referenceValidateInbound(vendor: string, draft: unknown, limits: Partial<VisitorContextLimits>): Result<VisitorContext> {
  const diagnostics = new Diagnostics();
  const first = parseVisitorContext(draft, { limits });
  if (first.ok) {
    diagnostics.add(first.diagnostics);
    return diagnostics.toResult(first.value);
  }
  const rejected: JsonObject = {};
  const repaired = structuredClone(draft) as Record<string, Record<string, unknown> | undefined>;
  for (const item of first.diagnostics) {
    const [section, key] = item.path;
    const values = typeof section === 'string' && section !== 'vendor' && Object.hasOwn(repaired, section) ? repaired[section] : undefined;
    if (item.path.length !== 2 || typeof key !== 'string' || values === undefined || !Object.hasOwn(values, key)) continue;
    const value = values[key];
    rejected[formatPath(item.path)] = typeof value === 'object' ? JSON.stringify(value) ?? null : (value as JsonValue);
    delete values[key];
    if (Object.keys(values).length === 0) delete repaired[section as string];
    diagnostics.warning(
      'field_dropped',
      item.path,
      `The ${vendor} payload's value for ${formatPath(item.path)} is not valid in the canonical model (${item.message}); it was kept in vendor.${vendor}.rejectedFields instead.`,
    );
  }
  if (Object.keys(rejected).length > 0) {
    const bags = ((repaired['vendor'] as Record<string, Record<string, unknown>> | undefined) ??= {});
    bags[vendor] = { ...bags[vendor], rejectedFields: rejected };
    (repaired as Record<string, unknown>)['vendor'] = bags;
  }
  const second = parseVisitorContext(repaired, { limits });
  if (second.ok) return diagnostics.toResult(second.value);
  diagnostics.add(second.diagnostics);
  return diagnostics.toFailure();
}

const capabilities = { directions: ['fromVendor'] as const, fields: [], limits: {}, notes: [] };
const limits = { maxAttributes: 4, maxStringLength: 40, maxDepth: 4, maxTotalBytes: 600 };

/** An adapter whose translation returns the draft it is given (a fresh copy per call, as a translation builds one). */
function adapterReturning(draft: () => unknown, contextLimits: Partial<VisitorContextLimits> = limits) {
  return defineAdapter({
    vendor: 'echo',
    capabilities,
    contextLimits,
    toVendor: () => ({}),
    fromVendor: () => draft() as MutableVisitorContext,
  });
}

const text = fc.oneof(fc.constantFrom('Ada', 'ada@example.com', 'n/a', '', 'x'.repeat(50), '\u0000'), fc.string({ maxLength: 12 }));
const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 4 }), scalar, { maxKeys: 3 }));
const key = fc.oneof(fc.constantFrom('plan', 'seats', 'a', '', 'k'.repeat(120), '__proto__', 'constructor'), fc.string({ maxLength: 6 }));
const section = (fields: readonly string[]) =>
  fc.dictionary(fc.oneof(fc.constantFrom(...fields), key), value, { maxKeys: 4 });
const draft = fc.record(
  {
    visitor: section(['id', 'name', 'email', 'phone']),
    attributes: fc.dictionary(key, value, { minKeys: 0, maxKeys: 9 }),
    page: section(['url', 'title', 'referrer']),
    vendor: fc.dictionary(fc.constantFrom('echo', 'other', 'Bad Id'), fc.oneof(value, fc.dictionary(key, value, { maxKeys: 2 })), { maxKeys: 2 }),
    extra: value,
  },
  { requiredKeys: [] },
);

describe('fromVendor refusals and repairs, against the former clone-and-validate-again path', () => {
  it('refuses a draft over the attribute limit with the same diagnostics as before', () => {
    const attributes = Object.fromEntries(Array.from({ length: 1000 }, (_, index) => [`field_${index}`, `value ${index}`]));
    const over = { visitor: { name: 'Ada', email: 'n/a' }, attributes };
    const result = adapterReturning(() => structuredClone(over), {}).fromVendor('{}');
    expect(result).toEqual(referenceValidateInbound('echo', over, {}));
    expect(result).toEqual({ ok: false, diagnostics: [expect.objectContaining({ code: 'too_large', path: ['attributes'] })] });
  });

  it('gives the same result and diagnostics for any draft (property)', () => {
    fc.assert(
      fc.property(draft, (generated) => {
        const fresh = JSON.stringify(generated);
        const result = adapterReturning(() => JSON.parse(fresh) as unknown).fromVendor('{}');
        expect(result).toEqual(referenceValidateInbound('echo', JSON.parse(fresh) as unknown, limits));
      }),
      { numRuns: 1_000, seed: 20261202 },
    );
  });

  it('leaves the draft as the translation made it when it moves fields out', () => {
    const made = { visitor: { name: 'Ada', email: 'n/a' }, attributes: { plan: 'pro', nested: { a: 1 } as never }, vendor: { echo: { kept: true } } };
    const snapshot = structuredClone(made);
    const result = adapterReturning(() => made).fromVendor('{}');
    expect(result).toEqual(referenceValidateInbound('echo', snapshot, limits));
    expect(result.ok).toBe(true);
    expect(made).toEqual(snapshot);
  });
});
