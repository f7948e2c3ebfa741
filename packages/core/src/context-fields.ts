import type { DiagnosticPath } from './diagnostics.js';
import { visitorContextFields, type VisitorContext, type VisitorContextSection } from './visitor-context-schema.js';

/** One value of a context: where it is and what it holds. @public */
export interface ContextField {
  /** Dotted canonical name: `visitor.email`, `page.url`, or `attributes.<key>` (the key verbatim). */
  readonly name: string;
  /** The path as segments, e.g. `['attributes', 'first name']`. */
  readonly path: DiagnosticPath;
  /** The value. */
  readonly value: string | number | boolean;
}

const sections: readonly VisitorContextSection[] = ['visitor', 'page', 'device', 'location'];

/**
 * Lists every value a context holds in `visitor`, `attributes`, `page`, `device` and `location` (not the
 * `vendor` bags). Adapters use it to report each field they cannot carry.
 * @public
 */
export function listContextFields(context: VisitorContext): ContextField[] {
  const fields: ContextField[] = [];
  for (const section of sections) {
    const values = context[section] as Record<string, string | undefined> | undefined;
    if (values === undefined) continue;
    for (const key of visitorContextFields[section] as readonly string[]) {
      const value = values[key];
      if (value !== undefined) fields.push({ name: `${section}.${key}`, path: [section, key], value });
    }
  }
  for (const [key, value] of Object.entries(context.attributes ?? {})) {
    fields.push({ name: `attributes.${key}`, path: ['attributes', key], value });
  }
  return fields;
}

/**
 * Reads a value by dotted canonical name (`visitor.name`, `attributes.plan`); `undefined` when absent.
 * @public
 */
export function readContextField(context: VisitorContext, name: string): string | number | boolean | undefined {
  const fixed = (fixedFields ??= mapFixedFields()).get(name);
  let values: Record<string, unknown> | undefined;
  let key: string;
  if (fixed !== undefined) {
    values = context[fixed.section] as Record<string, unknown> | undefined;
    key = fixed.key;
  } else {
    // Not a known field: read it as `<section>.<key>` all the same, as this function always has.
    const dot = name.indexOf('.');
    const section = name.slice(0, dot);
    if (dot < 0 || !(section === 'attributes' || sections.includes(section as VisitorContextSection))) return undefined;
    values = context[section as VisitorContextSection | 'attributes'] as Record<string, unknown> | undefined;
    key = name.slice(dot + 1);
  }
  if (values === undefined || !Object.hasOwn(values, key)) return undefined;
  const value = values[key];
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

/** A context under construction, where sections are created as fields are written. @public */
export type MutableVisitorContext = {
  -readonly [Section in keyof VisitorContext]?: VisitorContext[Section];
};

/**
 * Writes a value by dotted canonical name into a context under construction, creating the section.
 * Returns false (and writes nothing) for an unknown name; `vendor` bags are not written this way.
 * @public
 */
export function writeContextField(
  context: MutableVisitorContext,
  name: string,
  value: string | number | boolean,
): boolean {
  const fixed = (fixedFields ??= mapFixedFields()).get(name);
  if (fixed !== undefined) {
    // A fixed field's key is never `__proto__`: plain assignment is safe here.
    ((context[fixed.section] ??= {}) as Record<string, unknown>)[fixed.key] = value;
    return true;
  }
  if (!name.startsWith('attributes.') || name.length === 'attributes.'.length) return false;
  context.attributes ??= {};
  defineValue(context.attributes, name.slice('attributes.'.length), value);
  return true;
}

/** Every fixed field by dotted name, made on first use: adapters write many fields per payload. */
let fixedFields: Map<string, { readonly section: VisitorContextSection; readonly key: string }> | undefined;

function mapFixedFields(): Map<string, { readonly section: VisitorContextSection; readonly key: string }> {
  const map = new Map<string, { readonly section: VisitorContextSection; readonly key: string }>();
  for (const section of sections) {
    for (const key of visitorContextFields[section] as readonly string[]) map.set(`${section}.${key}`, { section, key });
  }
  return map;
}

/**
 * Sets an own data property. `__proto__` is the only key whose assignment reaches a setter on an ordinary object
 * (Object.prototype's), so only it needs defineProperty, which is several times slower than assignment.
 */
function defineValue(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
