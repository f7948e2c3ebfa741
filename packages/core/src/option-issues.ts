import type * as z from 'zod/mini';
import { closestName } from './closest-name.js';
import { formatPath, type DiagnosticPath } from './diagnostics.js';

/** The parts of a zod schema's internals this file reads; zod/mini exposes them as `_zod.def`. */
interface SchemaInternals {
  readonly _zod?: {
    readonly optin?: string;
    readonly values?: ReadonlySet<unknown>;
    readonly def?: {
      readonly type?: string;
      readonly shape?: Readonly<Record<string, SchemaInternals>>;
      readonly innerType?: SchemaInternals;
      readonly in?: SchemaInternals;
      readonly keyType?: SchemaInternals;
      readonly valueType?: SchemaInternals;
      readonly element?: SchemaInternals;
      readonly getter?: () => SchemaInternals;
      readonly format?: string;
      readonly options?: readonly SchemaInternals[];
      readonly values?: readonly unknown[];
      readonly entries?: Readonly<Record<string, unknown>>;
      readonly checks?: readonly { readonly _zod?: { readonly def?: CheckDefinition } }[];
    };
  };
}

interface CheckDefinition {
  readonly check?: string;
  readonly value?: unknown;
  readonly inclusive?: boolean;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly length?: unknown;
  readonly format?: string;
  readonly pattern?: unknown;
}

const wrapperTypes = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);

/** Removes the wrappers that do not change which keys an object accepts. */
function unwrapSchema(schema: SchemaInternals | undefined): SchemaInternals | undefined {
  let current = schema;
  for (let guard = 0; guard < 16 && current !== undefined; guard++) {
    const def = current._zod?.def;
    if (def?.type !== undefined && wrapperTypes.has(def.type)) current = def.innerType;
    else if (def?.type === 'pipe') current = def.in;
    else if (def?.type === 'lazy' && def.getter !== undefined) current = def.getter();
    else return current;
  }
  return current;
}

/** The schema of the value at `path`, as far as objects, records and arrays lead; `undefined` past a union. */
function schemaAt(schema: SchemaInternals | undefined, path: DiagnosticPath): SchemaInternals | undefined {
  let current = schema;
  for (const segment of path) {
    const def = unwrapSchema(current)?._zod?.def;
    if (def?.type === 'object' && typeof segment === 'string' && def.shape !== undefined && Object.hasOwn(def.shape, segment)) {
      current = def.shape[segment];
    } else if (def?.type === 'record') current = def.valueType;
    else if (def?.type === 'array' && typeof segment === 'number') current = def.element;
    else return undefined;
  }
  return current;
}

/** The keys an object (its shape) or a record with an enum of keys accepts at `path`. */
function knownKeysAt(schema: SchemaInternals | undefined, path: DiagnosticPath): string[] {
  const def = unwrapSchema(schemaAt(schema, path))?._zod?.def;
  if (def?.type === 'object' && def.shape !== undefined) return Object.keys(def.shape);
  const keys = def?.type === 'record' ? unwrapSchema(def.keyType)?._zod?.values : undefined;
  return keys === undefined ? [] : [...keys].filter((key): key is string => typeof key === 'string');
}

/** The value at `path`, reading own properties only (the options are untrusted input). */
function valueAt(root: unknown, path: DiagnosticPath): unknown {
  let value = root;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** What a value is, for "got …": `the string "10000"`, `the number 5`, `nothing`. */
export function describeReceived(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length} ${value.length === 1 ? 'item' : 'items'}`;
  switch (typeof value) {
    case 'string': {
      const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
      return `the string ${JSON.stringify(shown)}`;
    }
    case 'number':
    case 'bigint':
      return `the number ${String(value)}`;
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

const typeNames: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  bigint: 'a big integer',
  null: 'null',
  undefined: 'nothing',
};

function showValue(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** What an issue expected, in words: `a whole number`, `one of "a", "b"`, `a string or false`. */
function describeExpected(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return Object.hasOwn(typeNames, issue.expected) ? (typeNames[issue.expected] as string) : `a ${issue.expected}`;
    case 'invalid_value':
      return issue.values.length === 1 ? showValue(issue.values[0]) : `one of ${issue.values.map(showValue).join(', ')}`;
    case 'invalid_union': {
      const branches = issue.errors.map((branch) => (branch[0] === undefined ? 'something else' : describeExpected(branch[0])));
      return [...new Set(branches)].join(' or ');
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = Number(small ? issue.minimum : issue.maximum);
      const inclusive = issue.inclusive !== false;
      if (issue.origin === 'string') return `text of ${small ? 'at least' : 'at most'} ${bound} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${small ? 'at least' : 'at most'} ${bound} items`;
      return `a number ${small ? (inclusive ? 'of at least' : 'greater than') : inclusive ? 'of at most' : 'less than'} ${bound}`;
    }
    case 'invalid_format':
      if (issue.format === 'regex' && 'pattern' in issue) return `text matching ${String(issue.pattern)}`;
      return issue.format === 'email' ? 'an email address' : `a valid ${issue.format}`;
    case 'not_multiple_of':
      return `a multiple of ${String(issue.divisor)}`;
    default:
      return issue.message === '' || issue.message === 'Invalid input' ? 'a valid value' : issue.message;
  }
}

type Checks = NonNullable<NonNullable<SchemaInternals['_zod']>['def']>['checks'];

/** The bounds a schema's checks set, in words: ` greater than 0`, ` of 1 to 256 characters`. */
function describeChecks(checks: Checks, unit: string): string {
  const count = (value: unknown): string => `${String(value)} ${value === 1 ? unit.replace(/s$/, '') : unit}`.trimEnd();
  let minimum: unknown;
  let maximum: unknown;
  const parts: string[] = [];
  for (const check of checks ?? []) {
    const def = check._zod?.def;
    if (def?.check === 'greater_than') parts.push(`${def.inclusive === true ? 'of at least' : 'greater than'} ${String(def.value)}`);
    else if (def?.check === 'less_than') parts.push(`${def.inclusive === true ? 'of at most' : 'less than'} ${String(def.value)}`);
    else if (def?.check === 'min_length') minimum = def.minimum;
    else if (def?.check === 'max_length') maximum = def.maximum;
    else if (def?.check === 'length_equals') parts.push(`of exactly ${count(def.length)}`);
    else if (def?.check === 'string_format') parts.push(def.format === 'regex' ? `matching ${String(def.pattern)}` : `in ${def.format ?? 'the right'} format`);
  }
  if (minimum !== undefined && maximum !== undefined) parts.unshift(`of ${String(minimum)} to ${count(maximum)}`);
  else if (minimum !== undefined) parts.unshift(`of at least ${count(minimum)}`);
  else if (maximum !== undefined) parts.unshift(`of at most ${count(maximum)}`);
  return parts.length === 0 ? '' : ` ${parts.join(' and ')}`;
}

/** What a schema accepts, in words, when it is simple enough to say: `a whole number greater than 0`. */
function describeSchema(schema: SchemaInternals | undefined, depth = 0): string | undefined {
  const def = unwrapSchema(schema)?._zod?.def;
  if (def === undefined || depth > 4) return undefined;
  switch (def.type) {
    case 'string':
      return def.format === undefined || def.format === 'regex' ? `a string${describeChecks(def.checks, 'characters')}` : `a valid ${def.format}`;
    case 'number':
      return `${def.format === 'safeint' || def.format === 'int32' ? 'a whole number' : 'a number'}${describeChecks(def.checks, '')}`;
    case 'boolean':
      return 'true or false';
    case 'literal':
    case 'enum': {
      const values = def.type === 'enum' ? Object.values(def.entries ?? {}) : [...(def.values ?? [])];
      return values.length === 1 ? showValue(values[0]) : `one of ${values.map(showValue).join(', ')}`;
    }
    case 'union': {
      const branches = (def.options ?? []).map((option) => describeSchema(option, depth + 1));
      return branches.includes(undefined) ? undefined : [...new Set(branches)].join(' or ');
    }
    case 'array':
      return `an array${describeChecks(def.checks, 'items')}`;
    case 'object':
    case 'record':
      return 'an object';
    default:
      return undefined;
  }
}

/** One option problem: where it is and a sentence that says what to do. */
export interface OptionProblem {
  readonly path: DiagnosticPath;
  readonly message: string;
}

/**
 * Turns zod's issues for an options object into sentences that name the option, say whether it is required,
 * what was expected and what was received, and suggest the nearest known option for an unknown one.
 */
export function describeOptionIssues(
  schema: z.core.$ZodType,
  issues: readonly z.core.$ZodIssue[],
  options: unknown,
  basePath: DiagnosticPath,
): OptionProblem[] {
  const internals = schema as unknown as SchemaInternals;
  const problems: OptionProblem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(internals, path);
      for (const key of issue.keys) {
        const suggestion = closestName(key, known);
        const where = path.length === 0 ? '' : ` in ${formatPath([...basePath, ...path])}`;
        problems.push({
          path: [...basePath, ...path, key],
          message:
            `Unknown option "${key}"${where}.` +
            (suggestion === undefined ? '' : ` Did you mean "${suggestion}"?`) +
            (known.length === 0 ? '' : ` Known options: ${known.join(', ')}.`),
        });
      }
      continue;
    }
    const fullPath = [...basePath, ...path];
    const value = valueAt(options, path);
    if (path.length === 0) {
      const custom = issue.message !== '' && issue.message !== 'Invalid input' ? `: ${issue.message.replace(/\.$/, '')}` : '';
      problems.push({
        path: fullPath,
        message: custom === '' ? `The options must be ${describeExpected(issue)}; got ${describeReceived(value)}.` : `The options are invalid${custom}.`,
      });
      continue;
    }
    const last = path[path.length - 1];
    const optional = unwrapSchema(schemaAt(internals, path.slice(0, -1)))?._zod?.def?.type === 'object'
      ? schemaAt(internals, path)?._zod?.optin === 'optional'
      : undefined;
    // The schema says everything the value must be; zod's issue names only the step that failed.
    const expected = describeSchema(schemaAt(internals, path)) ?? describeExpected(issue);
    const label = typeof last === 'number' ? `Item ${formatPath(fullPath)}` : `Option ${formatPath(fullPath)}`;
    const status = optional === undefined ? '' : optional ? ' (optional)' : ' (required)';
    // A message the schema's author wrote says more than any description of the schema: keep it.
    if (issue.message !== '' && issue.message !== 'Invalid input') {
      const text = issue.message.replace(/\.$/, '');
      const received = issue.code === 'invalid_type' ? `; got ${describeReceived(value)}` : '';
      problems.push({ path: fullPath, message: `${label}${status}${/^must\b/.test(text) ? ' ' : ': '}${text}${received}.` });
      continue;
    }
    problems.push({
      path: fullPath,
      message:
        value === undefined && optional === false
          ? `${label} is required: give ${expected}.`
          : `${label}${status} must be ${expected}; got ${describeReceived(value)}.`,
    });
  }
  return problems;
}
