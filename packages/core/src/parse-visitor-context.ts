import * as z from 'zod/mini';
import { Diagnostics, formatPath, unwrap, type DiagnosticPath, type Result } from './diagnostics.js';
import { defaultVisitorContextLimits, maxAttributeKeyLength, type VisitorContextLimits } from './limits.js';
import { readVisitorContext } from './read-visitor-context.js';
import { coerceVisitorId } from './coerce-visitor-id.js';
import { copyPlainData } from './plain-data.js';
import { VisitorContextSchema, type VisitorContext } from './visitor-context-schema.js';

/** Options of {@link parseVisitorContext}. @public */
export interface ParseVisitorContextOptions {
  /** Overrides of the {@link VisitorContextLimits}; unspecified limits keep their defaults. */
  readonly limits?: Partial<VisitorContextLimits>;
}

/**
 * Validates unknown input as a canonical {@link VisitorContext}. Never throws.
 *
 * @remarks
 * The input is copied as plain data (own data properties only: no getter or `toJSON` is invoked,
 * class instances are refused, `__proto__`/`constructor`/`prototype` keys are refused anywhere, limits are
 * enforced as it goes) and checked against {@link VisitorContextSchema}. The value returned is that fresh
 * copy, never the input object. A valid context is copied and checked in one walk written for this schema
 * (no code generation, so strict CSPs keep working); anything else is checked by the zod schema, which words
 * the diagnostics, so results do not depend on which walk answered. A `visitor.id` given as a safe integer (a database id) is converted to its
 * decimal string with a `value_coerced` warning; see {@link VisitorContextInput}.
 * @public
 */
export function parseVisitorContext(input: unknown, options: ParseVisitorContextOptions = {}): Result<VisitorContext> {
  const limits = options.limits === undefined ? defaultVisitorContextLimits : { ...defaultVisitorContextLimits, ...options.limits };
  return readVisitorContext(input, limits, 'copy') ?? parseWithSchema(input, limits);
}

/**
 * The schema path of {@link parseVisitorContext}: the plain-data copy, then {@link VisitorContextSchema}. It is the
 * reference the one-pass reader is held to, and it words every diagnostic; it runs whenever the reader is not sure.
 * @internal
 */
export function parseWithSchema(input: unknown, limits: VisitorContextLimits): Result<VisitorContext> {
  const diagnostics = new Diagnostics();
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    diagnostics.error(
      'not_an_object',
      [],
      `A visitor context must be an object like { visitor: { id: "42" } }; got ${describe(input)}.`,
    );
    return diagnostics.toFailure();
  }
  const plain = copyPlainData(
    input,
    { maxDepth: limits.maxDepth, maxBytes: limits.maxTotalBytes, maxStringLength: limits.maxStringLength, refuse: 'all' },
    diagnostics,
  );
  if (plain === undefined || !coerceVisitorId(plain, diagnostics)) return diagnostics.toFailure();

  const attributes = (plain as { attributes?: unknown }).attributes;
  if (typeof attributes === 'object' && attributes !== null && Object.keys(attributes).length > limits.maxAttributes) {
    diagnostics.error(
      'too_large',
      ['attributes'],
      `attributes has ${Object.keys(attributes).length} entries; the limit is ${limits.maxAttributes}. Send fewer, or raise maxAttributes.`,
    );
    return diagnostics.toFailure();
  }

  const parsed = z.safeParse(VisitorContextSchema, plain);
  if (parsed.success) return diagnostics.toResult(parsed.data);
  for (const issue of parsed.error.issues) reportIssue(issue, plain, diagnostics);
  return diagnostics.toFailure();
}

/**
 * Like {@link parseVisitorContext}, but returns the context or throws a `VisitorContextError`
 * carrying every diagnostic.
 * @public
 */
export function parseVisitorContextOrThrow(input: unknown, options?: ParseVisitorContextOptions): VisitorContext {
  return unwrap(parseVisitorContext(input, options));
}

const fixedSectionHint =
  'Put custom data in attributes (flat key/value pairs) or vendor.<adapter id> (anything JSON).';

function reportIssue(issue: z.core.$ZodIssue, input: unknown, diagnostics: Diagnostics): void {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  const where = formatPath(path);
  switch (issue.code) {
    case 'unrecognized_keys':
      for (const key of issue.keys) {
        diagnostics.error(
          'unknown_key',
          [...path, key],
          path.length === 0
            ? `"${key}" is not a visitor context field (fields: visitor, attributes, page, device, location, vendor). ${fixedSectionHint}`
            : `${where} has no field "${key}". ${fixedSectionHint}`,
        );
      }
      return;
    case 'invalid_format':
      if (issue.format === 'email') {
        diagnostics.error('invalid_email', path, `${where} is not a valid email address. Send a valid address, or leave it out.`);
      } else {
        diagnostics.error('invalid_type', path, `${where} has an invalid format (${issue.format}).`);
      }
      return;
    case 'invalid_key':
      reportKeyIssue(path, issue.issues, diagnostics);
      return;
    case 'invalid_union':
    case 'invalid_type': {
      const value = valueAt(input, path);
      if (path[0] === 'attributes' && path.length === 2 && typeof value === 'object' && value !== null) {
        diagnostics.error(
          'nested_value',
          path,
          `Attribute values must be a string, number or boolean; ${where} is ${describe(value)}. Flatten it (e.g. "order_id": "123"), or put it in vendor.<adapter id>.`,
        );
        return;
      }
      const expected = issue.code === 'invalid_type' ? issue.expected : 'string, number or boolean';
      const hint = where === 'visitor.id' ? ' Pass ids as strings (or whole numbers), e.g. { visitor: { id: "42" } }.' : '';
      diagnostics.error('invalid_type', path, `${where} must be ${article(expected)}; got ${describe(value)}.${hint}`);
      return;
    }
    default:
      diagnostics.error('invalid_type', path, `${where}: ${issue.message}.`);
  }
}

function reportKeyIssue(path: DiagnosticPath, issues: readonly z.core.$ZodIssue[], diagnostics: Diagnostics): void {
  const key = String(path[path.length - 1]);
  const where = formatPath(path);
  if (path[0] === 'vendor' && path.length === 2) {
    diagnostics.error('invalid_key', path, `"${key}" is not an adapter id. vendor keys are lower-case adapter ids such as "giosg".`);
    return;
  }
  const problem =
    key.length === 0
      ? 'is empty'
      : key.length > maxAttributeKeyLength
        ? `is longer than ${maxAttributeKeyLength} characters`
        : issues.some((item) => item.code === 'invalid_format')
          ? 'contains control characters'
          : 'is invalid';
  diagnostics.error('invalid_key', path, `The attribute key at ${where} ${problem}. Use a short, printable key.`);
}

function valueAt(root: unknown, path: DiagnosticPath): unknown {
  let value = root;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `a string`;
  return `${article(typeof value)}`;
}

function article(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
