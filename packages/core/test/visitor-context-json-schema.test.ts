import { readFileSync, writeFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { VisitorContextSchema, defaultVisitorContextLimits, parseVisitorContext } from '../src/index.js';

/**
 * The canonical model as JSON Schema, for services in other languages: generated from `VisitorContextSchema`
 * with zod's own `toJSONSchema`, shipped as `@visitor-context/core/visitor-context.schema.json`. The committed
 * file must equal what the schema generates; after a model change run
 * `pnpm --filter @visitor-context/core schema:update` (this test with UPDATE_SCHEMA=1).
 */

/** The model version (the V1 in "VisitorContext V1"); bump it, and so the `$id`, with a breaking model change. */
const modelVersion = 1;
const schemaFile = new URL('../visitor-context.schema.json', import.meta.url);

function generateJsonSchema(): Record<string, unknown> {
  // The output (canonical) shape: what parseVisitorContext returns and what adapters read and write, even if
  // some input were ever coerced on the way in.
  const generated = z.toJSONSchema(VisitorContextSchema, { io: 'output', target: 'draft-2020-12', unrepresentable: 'throw' });
  const { $schema, ...body } = generated as Record<string, unknown>;
  const limits = defaultVisitorContextLimits;
  const document = {
    $schema,
    $id: `https://visitor-context.github.io/schemas/visitor-context/v${modelVersion}.json`,
    title: `VisitorContext V${modelVersion}`,
    description:
      'The canonical visitor context: what a website knows about a visitor, in one vendor-neutral shape. ' +
      'Generated from @visitor-context/core\'s VisitorContextSchema; it checks the shape. ' +
      "parseVisitorContext also refuses the keys __proto__, constructor and prototype anywhere and, by default, " +
      `strings longer than ${limits.maxStringLength} UTF-16 code units, more than ${limits.maxAttributes} attributes, ` +
      `nesting deeper than ${limits.maxDepth} and contexts over ${limits.maxTotalBytes} bytes of JSON.`,
    ...body,
  };
  // zod names the recursive JSON value of the vendor bags `__schema0`; give it the name the TypeScript API uses.
  const defs = Object.keys((document as { $defs?: object }).$defs ?? {});
  expect(defs, 'one shared definition: the JSON value of vendor bags').toEqual(['__schema0']);
  return JSON.parse(JSON.stringify(document).replaceAll('__schema0', 'JsonValue')) as Record<string, unknown>;
}

const serialize = (document: unknown): string => `${JSON.stringify(document, null, 2)}\n`;

describe('visitor-context.schema.json', () => {
  it('is what VisitorContextSchema generates (run `pnpm --filter @visitor-context/core schema:update` after a model change)', () => {
    const expected = serialize(generateJsonSchema());
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(schemaFile, expected);
    const committed = readFileSync(schemaFile, 'utf8');
    expect(committed, 'the committed JSON Schema is stale: run `pnpm --filter @visitor-context/core schema:update`').toBe(expected);
  });

  it('carries the model version in its $id and describes every section of the model', () => {
    const document = JSON.parse(readFileSync(schemaFile, 'utf8')) as {
      $id: string;
      $schema: string;
      properties: Record<string, unknown>;
      additionalProperties: unknown;
    };
    expect(document.$id).toMatch(new RegExp(`/v${modelVersion}\\.json$`));
    expect(document.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(document.properties).sort()).toEqual(Object.keys(VisitorContextSchema.def.shape).sort());
    expect(document.additionalProperties).toBe(false);
  });

  it('is exported by the package and shipped in its tarball', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      exports: Record<string, unknown>;
      files: string[];
    };
    expect(manifest.exports['./visitor-context.schema.json']).toBe('./visitor-context.schema.json');
    expect(manifest.files).toContain('visitor-context.schema.json');
  });

  it('agrees with parseVisitorContext on what is canonical: keys, types, email and attribute keys', () => {
    const document = JSON.parse(readFileSync(schemaFile, 'utf8')) as {
      properties: {
        visitor: { properties: Record<string, { type: string; pattern?: string }> };
        attributes: { propertyNames: { maxLength: number; pattern: string } };
      };
    };
    const email = new RegExp(document.properties.visitor.properties.email?.pattern ?? '(?!)');
    for (const address of ['ada@example.com', 'not-an-email', 'a@b']) {
      expect(email.test(address), address).toBe(parseVisitorContext({ visitor: { email: address } }).ok);
    }
    const attributeKey = document.properties.attributes.propertyNames;
    expect(new RegExp(attributeKey.pattern).test('plan\u0007')).toBe(false);
    expect(parseVisitorContext({ attributes: { 'plan\u0007': 'x' } }).ok).toBe(false);
    expect(parseVisitorContext({ attributes: { ['k'.repeat(attributeKey.maxLength + 1)]: 'x' } }).ok).toBe(false);
    expect(parseVisitorContext({ attributes: { ['k'.repeat(attributeKey.maxLength)]: 'x' } }).ok).toBe(true);
    for (const field of Object.values(document.properties.visitor.properties)) expect(field.type).toBe('string');
  });

  it('validates like parseVisitorContext in a standard JSON Schema validator (Ajv, draft 2020-12)', () => {
    // Formats are not asserted by default in 2020-12; the email pattern zod emits carries the check.
    const validate = new Ajv2020({ strict: true, allowUnionTypes: true, validateFormats: false }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
    const samples: unknown[] = [
      {},
      {
        visitor: { id: 'c-1001', name: 'Ada Lovelace', email: 'ada@example.com', locale: 'en-GB' },
        attributes: { plan: 'pro', seats: 12, vip: true },
        page: { url: 'https://shop.example/cart', title: 'Cart' },
        device: { userAgent: 'Mozilla/5.0', timeZone: 'Europe/London' },
        location: { city: 'London', country: 'GB' },
        vendor: { giosg: { rooms: [{ id: 'r1', open: true, seats: null }] } },
      },
      { visitor: { nickname: 'x' } },
      { visiter: {} },
      { visitor: { id: 1001 } },
      { visitor: { email: 'not-an-email' } },
      { attributes: { plan: { tier: 'pro' } } },
      { attributes: { '': 'empty key' } },
      { page: { url: ['https://shop.example'] } },
      { vendor: { Giosg: {} } },
      { vendor: { giosg: 'rooms' } },
      { location: { city: 'London', planet: 'Earth' } },
    ];
    // The schema describes canonical contexts: what parseVisitorContext accepts as it is. An input it only accepts
    // by converting it (a numeric visitor.id becomes a string, with a value_coerced warning) is not canonical.
    const isCanonical = (sample: unknown): boolean => {
      const parsed = parseVisitorContext(sample);
      return parsed.ok && !parsed.diagnostics.some((diagnostic) => diagnostic.code === 'value_coerced');
    };
    for (const sample of samples) {
      expect(validate(sample), JSON.stringify(sample)).toBe(isCanonical(sample));
    }
    expect(parseVisitorContext({ visitor: { id: 1001 } }).ok, 'a numeric id is accepted as input').toBe(true);
    expect(samples.filter((sample) => validate(sample)).length, 'the samples cover both verdicts').toBe(2);
  });
});
