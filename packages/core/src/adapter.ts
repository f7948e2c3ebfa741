import { neverThrow } from './never-throw.js';
import { registerBuildingTranslation } from './built-payload.js';
import * as z from 'zod/mini';
import { Diagnostics, formatPath, type DiagnosticPath, type Result } from './diagnostics.js';
import { checkJsonValue, parseJson } from './decode-json.js';
import { defaultJsonLimits, defaultVisitorContextLimits, type JsonLimits, type VisitorContextLimits } from './limits.js';
import { parseVisitorContext } from './parse-visitor-context.js';
import { readVisitorContext } from './read-visitor-context.js';
import type { JsonObject, JsonValue } from './plain-data.js';
import type { VisitorContext, VisitorContextInput } from './visitor-context-schema.js';
import type { MutableVisitorContext } from './context-fields.js';
import { describeOptionIssues } from './option-issues.js';
import { reportForeignVendorData, runTranslation, type ContextTranslation, type TranslateOptions } from './context-translator.js';

/** The adapter contract version this core implements. @public */
export type AdapterSpecVersion = 'v1';

/** A translation direction. @public */
export type AdapterDirection = 'toVendor' | 'fromVendor';

/**
 * How one canonical field travels to and from the vendor. The README mapping table and the conformance
 * suite's round-trip property are both derived from these.
 * @public
 */
export interface AdapterFieldCapability {
  /** Dotted canonical name: `visitor.name`, `page.url`, `attributes.plan`, or `attributes.*` for every attribute. */
  readonly canonical: string;
  /** The vendor's name for it, as the vendor documents it (e.g. `ims_username`, `customAttributes.<key>`). */
  readonly vendorName: string;
  /** Which directions carry it; default both. */
  readonly directions?: readonly AdapterDirection[];
  /** `string` when the vendor stores the value as a string, so numbers and booleans come back as text. */
  readonly valueType?: 'same' | 'string';
  /** Anything a user must know about this field (limits, renames). */
  readonly note?: string;
}

/**
 * The vendor's documented limits that an adapter enforces or reports.
 * @public
 */
export interface AdapterLimits {
  /** Longest key the vendor accepts. */
  readonly maxKeyLength?: number;
  /** Longest value the vendor keeps (longer ones are truncated, with a warning). */
  readonly maxValueLength?: number;
  /** Most key/value entries the vendor keeps. */
  readonly maxEntries?: number;
  /** The vendor's key pattern, as a regular expression source (e.g. `^[a-zA-Z0-9_-]+$`). */
  readonly keyPattern?: string;
  /** Largest payload the vendor accepts, in characters of its wire form. */
  readonly maxPayloadLength?: number;
}

/**
 * What an adapter can carry, declared as data.
 * @public
 */
export interface AdapterCapabilities {
  /** The directions the adapter translates. */
  readonly directions: readonly AdapterDirection[];
  /** Every canonical field the vendor carries, and under which vendor name. Fields not listed are reported as lost. */
  readonly fields: readonly AdapterFieldCapability[];
  /** The vendor's limits. */
  readonly limits?: AdapterLimits;
  /** Vendor gotchas, one sentence each, shown under the mapping table. */
  readonly notes?: readonly string[];
  /**
   * The inbound payload shapes `fromVendor` reads, one short phrase each (e.g. "a webhook event body with
   * `visitor`"). Listed in the README and in the `unrecognized_payload` warning (see {@link reportUnrecognizedPayload}).
   */
  readonly payloadShapes?: readonly string[];
}

/**
 * A vendor adapter: translates the canonical {@link VisitorContext} to and from one vendor's formats.
 * @public
 */
export interface VisitorContextAdapter<
  TPayload = unknown,
  TToOptions extends TranslateOptions = TranslateOptions,
  TFromOptions extends TranslateOptions = TranslateOptions,
> {
  /** The adapter id, also the key of its `vendor.<id>` bag. */
  readonly vendor: string;
  /** The contract version. */
  readonly specVersion: AdapterSpecVersion;
  /** What the adapter carries. */
  readonly capabilities: AdapterCapabilities;
  /**
   * Validates a context and translates it into the vendor's payload. Never throws on bad input. A numeric
   * `visitor.id` is converted to a string with a `value_coerced` warning.
   */
  toVendor(context: VisitorContextInput, options?: TToOptions): Result<TPayload>;
  /** Translates a vendor payload (parsed, or its raw JSON text) into a validated context. Never throws on bad input. */
  fromVendor(input: unknown, options?: TFromOptions): Result<VisitorContext>;
}

/**
 * What an adapter author writes; {@link defineAdapter} adds validation, safe parsing, strict mode and
 * error handling around it.
 * @public
 */
export interface AdapterDefinition<TPayload, TToOptions extends TranslateOptions, TFromOptions extends TranslateOptions> {
  /** The adapter id: lower-case letters, digits and dashes. */
  readonly vendor: string;
  /** What the adapter carries. */
  readonly capabilities: AdapterCapabilities;
  /** A zod schema for the `toVendor` options; invalid options become `invalid_option` errors. */
  readonly toVendorOptions?: z.core.$ZodType<TToOptions, unknown>;
  /** A zod schema for the `fromVendor` options. */
  readonly fromVendorOptions?: z.core.$ZodType<TFromOptions, unknown>;
  /** Limits for inbound payloads; default {@link defaultJsonLimits}. */
  readonly inboundLimits?: Partial<JsonLimits>;
  /** Limits for the canonical contexts this adapter reads and produces. */
  readonly contextLimits?: Partial<VisitorContextLimits>;
  /** Pure translation of a validated context. Report every loss on `diagnostics`. */
  toVendor: ContextTranslation<TPayload, TToOptions>;
  /**
   * Pure translation of a checked, plain-data payload into a context. Report losses on `diagnostics`;
   * the result is validated afterwards, and fields that fail validation are moved to the vendor bag with a warning.
   *
   * @remarks
   * Build the draft from the payload's own values and fresh plain objects and arrays (no getters, class
   * instances or objects kept elsewhere): a valid draft is validated where it stands and becomes the returned
   * context without another copy, so the payload's values may be placed in it as they are.
   */
  fromVendor(payload: JsonValue, options: TFromOptions, diagnostics: Diagnostics): MutableVisitorContext;
}

/**
 * Builds an adapter from its pure translations. The returned adapter validates contexts with
 * {@link parseVisitorContext}, parses raw JSON text safely, validates options, applies `strict`, and
 * turns an exception in the translation into an `adapter_failed` error, so it never throws.
 * @public
 */
export function defineAdapter<
  TPayload,
  TToOptions extends TranslateOptions = TranslateOptions,
  TFromOptions extends TranslateOptions = TranslateOptions,
>(
  definition: AdapterDefinition<TPayload, TToOptions, TFromOptions>,
): VisitorContextAdapter<TPayload, TToOptions, TFromOptions> {
  const { vendor } = definition;
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(vendor)) throw new TypeError(`"${vendor}" is not a valid adapter id.`);
  const contextOptions = definition.contextLimits === undefined ? {} : { limits: definition.contextLimits };
  // Resolved once here rather than on every call.
  const inboundLimits = { ...defaultJsonLimits, ...definition.inboundLimits };
  const contextLimits = { ...defaultVisitorContextLimits, ...definition.contextLimits };

  const adapter: VisitorContextAdapter<TPayload, TToOptions, TFromOptions> = {
    vendor,
    specVersion: 'v1',
    capabilities: definition.capabilities,
    toVendor: neverThrow('toVendor', (context: VisitorContextInput, options?: TToOptions): Result<TPayload> => {
      const diagnostics = new Diagnostics();
      const parsedOptions = parseAdapterOptions(definition.toVendorOptions, options, diagnostics);
      const parsed = parseVisitorContext(context, contextOptions);
      diagnostics.add(parsed.diagnostics);
      if (!parsed.ok || parsedOptions === undefined) return diagnostics.toFailure();
      reportForeignVendorData(vendor, parsed.value, diagnostics);
      const payload = runTranslation(vendor, 'toVendor', diagnostics, () =>
        definition.toVendor(parsed.value, parsedOptions, diagnostics),
      );
      return payload.ran ? diagnostics.toResult(payload.value, parsedOptions) : diagnostics.toFailure();
    }),
    fromVendor: neverThrow('fromVendor', (input: unknown, options?: TFromOptions): Result<VisitorContext> => {
      const diagnostics = new Diagnostics();
      const parsedOptions = parseAdapterOptions(definition.fromVendorOptions, options, diagnostics);
      // Size and shape are checked here, before the translation runs: an oversize body never reaches it.
      const payload = typeof input === 'string' ? parseJson(input, inboundLimits) : checkJsonValue(input, inboundLimits);
      diagnostics.add(payload.diagnostics);
      if (!payload.ok || parsedOptions === undefined) return diagnostics.toFailure();
      const draft = runTranslation(vendor, 'fromVendor', diagnostics, () =>
        definition.fromVendor(payload.value, parsedOptions, diagnostics),
      );
      if (!draft.ran || diagnostics.hasErrors) return diagnostics.toFailure();
      const context = validateInbound(vendor, draft.value, diagnostics, contextLimits, contextOptions);
      return context === undefined ? diagnostics.toFailure() : diagnostics.toResult(context, parsedOptions);
    }),
  };
  // The translation reads only the fresh copy parseVisitorContext made, so its payload is plain data built here.
  registerBuildingTranslation(adapter.toVendor);
  return adapter;
}

/**
 * Reports that `fromVendor` recognised none of the payload shapes it reads, so everything went to the vendor
 * bag: a warning `unrecognized_payload` at the root that names the shapes, rather than a quiet success.
 *
 * @remarks
 * Adapters call it from their `fromVendor` translation when no known shape matched; the shapes usually come
 * from the adapter's `capabilities.payloadShapes`.
 * @public
 */
export function reportUnrecognizedPayload(diagnostics: Diagnostics, vendorName: string, shapes: readonly string[]): void {
  diagnostics.warning(
    'unrecognized_payload',
    [],
    `Nothing in this payload looks like a ${vendorName} payload, so no canonical field was filled and all of it was kept in the vendor bag. ${vendorName} payloads read here: ${shapes.join('; ')}. Check that you passed the vendor's payload itself (not a wrapper around it) to the right adapter.`,
  );
}

/** The options schemas' results for "no options", parsed once: most calls pass none. */
const noOptions = new WeakMap<object, unknown>();

/**
 * Parses options (of a translation, a snippet renderer, a factory) with their zod schema. Every issue becomes
 * an `invalid_option` error at `basePath` + the option's path; returns undefined then. `undefined` options
 * are parsed as `{}`.
 *
 * @remarks
 * Each message names the option, says whether it is required, what was expected and what was received
 * (`Option siteId (required) must be a whole number; got the string "10000".`), and for an unknown option
 * suggests the nearest known one with {@link closestName} and lists the known options.
 * @public
 */
export function parseAdapterOptions<T>(
  schema: z.core.$ZodType<T, unknown> | undefined,
  options: unknown,
  diagnostics: Diagnostics,
  basePath: DiagnosticPath = [],
): T | undefined {
  if (schema === undefined) return (options ?? {}) as T;
  if (options === undefined && noOptions.has(schema)) return noOptions.get(schema) as T;
  const parsed = z.safeParse(schema, options ?? {});
  if (parsed.success && options === undefined) noOptions.set(schema, parsed.data);
  if (parsed.success) return parsed.data;
  for (const problem of describeOptionIssues(schema, parsed.error.issues, options ?? {}, basePath)) {
    diagnostics.error('invalid_option', problem.path, `${problem.message} See the adapter's README for its options.`);
  }
  return undefined;
}

/**
 * Parses an adapter factory's options (`create<Vendor>Adapter`) with their zod schema, or throws: invalid
 * factory options are a setup mistake, found once at start-up. `undefined` options are parsed as `{}`.
 * @throws `TypeError` whose message has one line per problem, worded as {@link parseAdapterOptions} words them,
 * e.g. `Invalid comm100 adapter options: Unknown option "customVariable". Did you mean "customVariables"? …`.
 * @public
 */
export function parseAdapterOptionsOrThrow<T>(schema: z.core.$ZodType<T, unknown>, options: unknown, vendor: string): T {
  const diagnostics = new Diagnostics();
  let parsed: T | undefined;
  try {
    parsed = parseAdapterOptions(schema, options, diagnostics);
  } catch {
    // zod reads the options before knowing they are plain: a getter or a proxy trap may throw there.
    throw new TypeError(`Invalid ${vendor} adapter options: they could not be read; pass a plain object. See the ${vendor} adapter's README for its options.`);
  }
  if (parsed !== undefined) return parsed;
  const problems = diagnostics.all.map((item) => item.message.replace(/ See the adapter's README for its options\.$/, ''));
  throw new TypeError(`Invalid ${vendor} adapter options: ${problems.join('\n')} See the ${vendor} adapter's README for its options.`);
}

/**
 * Validates what `fromVendor` produced. A vendor may send values the canonical model refuses (say an email
 * "n/a"); such a field is moved to `vendor.<id>.rejectedFields` with a warning instead of failing the whole
 * payload, so nothing is lost.
 */
function validateInbound(
  vendor: string,
  draft: MutableVisitorContext,
  diagnostics: Diagnostics,
  contextLimits: VisitorContextLimits,
  contextOptions: { limits?: Partial<VisitorContextLimits> },
): VisitorContext | undefined {
  // The draft was made in this call from the payload core just parsed (or copied) and the adapter's own objects:
  // it is checked where it stands, vendor bags included, rather than copied once more.
  const checked = readVisitorContext(draft, contextLimits, 'inPlace');
  if (checked !== undefined) {
    diagnostics.add(checked.diagnostics);
    return checked.ok ? checked.value : undefined;
  }
  const first = parseVisitorContext(draft, contextOptions);
  if (first.ok) {
    diagnostics.add(first.diagnostics);
    return first.value;
  }
  // A refusal that no field can repair (a limit reached, a key refused anywhere but in a section's field) is final:
  // moving nothing and validating again would give the same diagnostics, so they are reported as they are, with no
  // copy and no second walk (a 1,000-attribute draft costs one schema walk, not three and a deep clone).
  const sections = draft as Record<string, Record<string, unknown> | undefined>;
  const movable = first.diagnostics.filter((item) => movableValues(sections, item.path) !== undefined);
  if (movable.length === 0) {
    diagnostics.add(first.diagnostics);
    return undefined;
  }
  // Copy on write: the root and each section a field is moved out of are copied shallowly; the draft is left as it is
  // and the second validation copies the rest.
  const rejected: JsonObject = {};
  const repaired: Record<string, Record<string, unknown> | undefined> = { ...sections };
  const copied = new Set<string>();
  for (const item of movable) {
    const [section, key] = item.path as [string, string];
    if (!copied.has(section)) {
      copied.add(section);
      repaired[section] = copyOf(repaired[section]) as Record<string, unknown>;
    }
    const values = movableValues(repaired, item.path);
    if (values === undefined) continue;
    const value = values[key];
    rejected[formatPath(item.path)] = typeof value === 'object' ? JSON.stringify(value) ?? null : (value as JsonValue);
    delete values[key];
    if (Object.keys(values).length === 0) delete repaired[section];
    diagnostics.warning(
      'field_dropped',
      item.path,
      `The ${vendor} payload's value for ${formatPath(item.path)} is not valid in the canonical model (${item.message}); it was kept in vendor.${vendor}.rejectedFields instead.`,
    );
  }
  if (Object.keys(rejected).length > 0) {
    const bags = copyOf(repaired['vendor'] ?? {}) as Record<string, unknown>;
    bags[vendor] = { ...(bags[vendor] as Record<string, unknown> | undefined), rejectedFields: rejected };
    repaired['vendor'] = bags as Record<string, Record<string, unknown>>;
  }
  const second = parseVisitorContext(repaired, contextOptions);
  if (second.ok) return second.value;
  diagnostics.add(second.diagnostics);
  return undefined;
}

/**
 * The section a diagnostic's field may be moved out of: a two-part path `section.key` naming an own field of a
 * fixed section (never `vendor`). Undefined for any other diagnostic.
 */
function movableValues(
  context: Record<string, Record<string, unknown> | undefined>,
  path: DiagnosticPath,
): Record<string, unknown> | undefined {
  const [section, key] = path;
  if (path.length !== 2 || typeof section !== 'string' || typeof key !== 'string' || section === 'vendor') return undefined;
  const values = Object.hasOwn(context, section) ? context[section] : undefined;
  return values !== undefined && Object.hasOwn(values, key) ? values : undefined;
}

/** A shallow copy that keeps what the value is (an array stays an array; a string or number is itself). */
function copyOf(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  return Array.isArray(value) ? Object.assign([], value) : { ...value };
}
