import fc from 'fast-check';
import {
  listContextFields,
  parseVisitorContext,
  readContextField,
  type AdapterCapabilities,
  type AdapterFieldCapability,
  type Diagnostic,
  type Result,
  type VisitorContext,
  type VisitorContextAdapter,
} from '@visitor-context/core';
import { describe, expect, it } from 'vitest';
import { visitorContextArbitrary } from './context-arbitrary.js';
import { parseHtml } from './html.js';
import { xssCorpus } from './xss-corpus.js';

/** One snippet form an adapter renders, for the XSS corpus checks. @public */
export interface SnippetCase {
  /** A name for test titles, e.g. `script tag`. */
  readonly name: string;
  /** Translates and renders a context. */
  render(context: VisitorContext): Result<string>;
  /** Reads back, from the rendered HTML, the data the vendor would receive (e.g. with `runInlineScripts`). */
  read(html: string): unknown;
  /** The data the vendor should receive; default `adapter.toVendor(context).value`. */
  expected?(context: VisitorContext): unknown;
}

/** Options of {@link describeAdapterConformance}. @public */
export interface ConformanceOptions<TPayload> {
  /** Options passed to every `toVendor` call. */
  readonly toVendorOptions?: Record<string, unknown>;
  /** Options passed to every `fromVendor` call. */
  readonly fromVendorOptions?: Record<string, unknown>;
  /**
   * What the vendor later reports inbound for a payload it received (e.g. Comm100's custom variables coming
   * back in a webhook). Default: the payload itself.
   */
  readonly echo?: (payload: TPayload, context: VisitorContext) => unknown;
  /** Every snippet form the adapter renders. */
  readonly snippets?: readonly SnippetCase[];
  /** Property runs; default 1,000, or the `VC_CONFORMANCE_RUNS` environment variable. */
  readonly numRuns?: number;
  /** fast-check seed; default fixed (reproducible), or the `VC_CONFORMANCE_SEED` environment variable. */
  readonly seed?: number;
}

const defaultSeed = 20261123;
/** A thousand round trips take a few seconds on a busy 2-core machine; the suite sets its own budget. */
const propertyTimeoutMs = 120_000;

function claimFor(capabilities: AdapterCapabilities, name: string): AdapterFieldCapability | undefined {
  return (
    capabilities.fields.find((field) => field.canonical === name) ??
    (name.startsWith('attributes.') ? capabilities.fields.find((field) => field.canonical === 'attributes.*') : undefined)
  );
}

function carriesBothWays(capabilities: AdapterCapabilities, claim: AdapterFieldCapability): boolean {
  const directions = claim.directions ?? capabilities.directions;
  return directions.includes('toVendor') && directions.includes('fromVendor');
}

function namesField(diagnostic: Diagnostic, path: readonly (string | number)[]): boolean {
  return diagnostic.severity === 'warning' && path.every((segment, index) => diagnostic.path[index] === segment);
}

const env = (name: string): string | undefined =>
  (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env[name];

/**
 * The adapter conformance suite: registers vitest tests that every visitor-context adapter must pass.
 *
 * @remarks
 * - Round trip (fast-check, 1,000 runs, fixed seed): for any valid context, `fromVendor(echo(toVendor(ctx)))`
 *   equals `ctx` on every field the capabilities claim in both directions, unless `toVendor` reported a
 *   warning naming that field; every other field present must be reported by a warning naming it.
 * - A fixed XSS corpus (over 150 vectors) in every key and value position of every snippet: the parse5
 *   element structure is unchanged and the data decodes back exactly.
 * - Prototype-pollution, oversize and deeply nested inputs to `fromVendor` fail with error diagnostics,
 *   and nothing is polluted; invalid contexts make `toVendor` fail; nothing ever throws.
 * @public
 */
export function describeAdapterConformance<TPayload>(
  adapter: VisitorContextAdapter<TPayload>,
  options: ConformanceOptions<TPayload> = {},
): void {
  const { capabilities } = adapter;
  const numRuns = options.numRuns ?? Number(env('VC_CONFORMANCE_RUNS') || 1000);
  const seed = options.seed ?? Number(env('VC_CONFORMANCE_SEED') || defaultSeed);
  const toVendor = (context: unknown): Result<TPayload> =>
    adapter.toVendor(context as VisitorContext, options.toVendorOptions as never);
  const fromVendor = (input: unknown): Result<VisitorContext> => adapter.fromVendor(input, options.fromVendorOptions as never);
  const echo = options.echo ?? ((payload: TPayload) => payload);

  describe(`${adapter.vendor} adapter conformance`, () => {
    it('declares the v1 contract', () => {
      expect(adapter.specVersion).toBe('v1');
      expect(adapter.vendor).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(capabilities.directions.length).toBeGreaterThan(0);
      expect(capabilities.fields.length).toBeGreaterThan(0);
    });

    it(`round-trips every claimed field and reports every other one (${numRuns} runs, seed ${seed})`, () => {
      fc.assert(
        fc.property(visitorContextArbitrary(capabilities.limits), (context) => {
          const outbound = toVendor(context);
          if (!outbound.ok) throw new Error(`toVendor failed: ${JSON.stringify(outbound.diagnostics)}`);
          const inbound = fromVendor(echo(outbound.value, context));
          if (!inbound.ok) throw new Error(`fromVendor failed: ${JSON.stringify(inbound.diagnostics)}`);
          for (const field of listContextFields(context)) {
            const reported = outbound.diagnostics.some((diagnostic) => namesField(diagnostic, field.path));
            const claim = claimFor(capabilities, field.name);
            if (claim === undefined || !carriesBothWays(capabilities, claim)) {
              const carriedOut = claim !== undefined && (claim.directions ?? capabilities.directions).includes('toVendor');
              if (!carriedOut && !reported) throw new Error(`${field.name} is not carried, yet no warning names it`);
              continue;
            }
            if (reported) continue;
            const expected = claim.valueType === 'string' ? String(field.value) : field.value;
            const actual = readContextField(inbound.value, field.name);
            if (!Object.is(actual, expected)) {
              throw new Error(`${field.name} came back as ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}, with no warning`);
            }
          }
        }),
        { numRuns, seed },
      );
    }, propertyTimeoutMs);

    it('reports unclaimed fields as errors under strict', () => {
      const claimedEverything = listContextFields(fullContext).every((field) => {
        const claim = claimFor(capabilities, field.name);
        return claim !== undefined && (claim.directions ?? capabilities.directions).includes('toVendor');
      });
      const relaxed = toVendor(fullContext);
      const strict = adapter.toVendor(fullContext, { ...options.toVendorOptions, strict: true } as never);
      if (relaxed.ok && relaxed.diagnostics.length === 0) {
        expect(claimedEverything).toBe(true);
        expect(strict.ok).toBe(true);
      } else {
        expect(strict.ok).toBe(false);
        expect(strict.diagnostics.every((diagnostic) => diagnostic.severity === 'error')).toBe(true);
      }
    });

    it('refuses invalid contexts without throwing', () => {
      const getterContext = Object.defineProperty({}, 'visitor', {
        enumerable: true,
        get() {
          throw new Error('a getter must never be invoked');
        },
      });
      for (const input of [null, 'visitor', [], { unknown: 1 }, { visitor: { email: 'not an email' } }, getterContext]) {
        const result = toVendor(input);
        expect(result.ok).toBe(false);
        expect(result.diagnostics.some((diagnostic) => diagnostic.severity === 'error')).toBe(true);
      }
    });

    describe('fromVendor refuses hostile input with an error diagnostic', () => {
      const cases: [string, () => unknown, string][] = [
        ['__proto__ at the top (text)', () => '{"__proto__":{"polluted":"yes"}}', 'forbidden_key'],
        ['__proto__ at the top (parsed)', () => JSON.parse('{"__proto__":{"polluted":"yes"}}'), 'forbidden_key'],
        ['__proto__ at depth 3', () => '{"a":{"b":{"__proto__":{"polluted":"yes"}}}}', 'forbidden_key'],
        ['escaped __proto__', () => '{"a":{"\\u005f_proto__":{"polluted":"yes"}}}', 'forbidden_key'],
        ['constructor.prototype', () => '{"constructor":{"prototype":{"polluted":"yes"}}}', 'forbidden_key'],
        ['10 MB body', () => JSON.stringify({ value: 'x'.repeat(10 * 1024 * 1024) }), 'too_large'],
        ['10,000-deep arrays', () => '['.repeat(10_000) + ']'.repeat(10_000), 'too_deep'],
        ['10,000-deep objects', () => '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000), 'too_deep'],
        ['text that is not JSON', () => '<html>not json', 'invalid_json'],
        ['a getter', () => Object.defineProperty({}, 'visitor', { enumerable: true, get: () => ({}) }), 'not_plain_data'],
      ];
      for (const [title, makeInput, code] of cases) {
        it(title, () => {
          const result = fromVendor(makeInput());
          expect(result.ok).toBe(false);
          expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toContain(code);
          expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
          expect(Object.prototype).not.toHaveProperty('polluted');
        });
      }
    });

    for (const snippet of options.snippets ?? []) {
      describe(`snippet "${snippet.name}" against the XSS corpus (${xssCorpus.length} vectors)`, () => {
        const expectedOf = (context: VisitorContext): unknown => {
          if (snippet.expected !== undefined) return snippet.expected(context);
          const outbound = toVendor(context);
          return outbound.ok ? outbound.value : undefined;
        };
        const check = (context: VisitorContext, benign: VisitorContext): boolean => {
          const rendered = snippet.render(context);
          const baseline = snippet.render(benign);
          if (!baseline.ok) throw new Error(`the benign context failed to render: ${JSON.stringify(baseline.diagnostics)}`);
          if (!rendered.ok) return false;
          expect(parseHtml(rendered.value).structure).toBe(parseHtml(baseline.value).structure);
          expect(snippet.read(rendered.value)).toEqual(expectedOf(context));
          return true;
        };

        it('keeps the structure and the data for a vector in every value position', () => {
          let rendered = 0;
          for (const vector of xssCorpus) {
            if (check(contextWithEveryValue(vector), contextWithEveryValue('benign'))) rendered++;
          }
          expect(rendered).toBeGreaterThanOrEqual(150);
        }, propertyTimeoutMs);

        it('keeps the structure and the data for a vector as an attribute key', () => {
          let rendered = 0;
          for (const vector of xssCorpus) {
            const context = parseVisitorContext({ visitor: { id: 'anchor-42' }, attributes: { [vector]: vector } });
            if (!context.ok) continue;
            const benign = parseVisitorContext({ visitor: { id: 'anchor-42' }, attributes: { benign_key: 'benign' } });
            if (benign.ok && check(context.value, benign.value)) rendered++;
          }
          expect(rendered).toBeGreaterThanOrEqual(150);
        }, propertyTimeoutMs);
      });
    }
  });
}

/** A context with every field filled, used to probe what an adapter reports. */
const fullContext: VisitorContext = {
  visitor: {
    id: 'c-1001',
    name: 'Ada Lovelace',
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@example.com',
    phone: '+44 20 7946 0000',
    company: 'Analytical Engines Ltd',
    locale: 'en-GB',
  },
  attributes: { plan: 'pro', seats: 12, vip: true },
  page: { url: 'https://shop.example/cart', title: 'Cart', referrer: 'https://search.example/', landingPage: 'https://shop.example/', searchKeywords: 'engines' },
  device: { userAgent: 'Mozilla/5.0', browser: 'Chrome 131', os: 'Linux', screenResolution: '1920x1080', language: 'en-GB', timeZone: 'Europe/London', ip: '192.0.2.1' },
  location: { city: 'London', region: 'England', country: 'GB' },
};

/** The full context with every string value (and one attribute value) replaced by `value`. */
function contextWithEveryValue(value: string): VisitorContext {
  const replace = <T extends object>(section: T): T =>
    Object.fromEntries(Object.keys(section).map((key) => [key, value])) as T;
  const candidate = {
    visitor: { ...replace({ ...fullContext.visitor }), email: 'ada@example.com' },
    attributes: { note: value, seats: 12 },
    page: replace({ ...fullContext.page }),
    device: replace({ ...fullContext.device }),
    location: replace({ ...fullContext.location }),
  };
  const parsed = parseVisitorContext(candidate);
  if (!parsed.ok) throw new Error(`unreachable: the probe context is invalid: ${JSON.stringify(parsed.diagnostics)}`);
  return parsed.value;
}
