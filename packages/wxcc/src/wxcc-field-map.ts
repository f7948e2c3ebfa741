/*
 * Field maps in plain code, without zod: the `./browser` translator checks and resolves maps with exactly the
 * functions that `createWxccAdapter` (through `WxccFieldMapSchema`) uses, so the two paths cannot drift.
 */
import { maxAttributeKeyLength, visitorContextFields } from '@visitor-context/core';

/**
 * Which custom chat field (as named in the Webex Engage admin console) carries which canonical field:
 * `{ 'visitor.name': 'name', 'attributes.plan': 'Plan' }`. The key `attributes.*` maps every other attribute
 * through a template where `*` stands for the attribute key (`'*'` keeps the key, `'attr *'` prefixes it).
 * @public
 */
export type WxccFieldMap = Readonly<Record<string, string>>;

/**
 * The field map of the ready-made `wxccAdapter`: the seed tutorial's `name` and `email`, plus `id` and
 * `phone`, and every attribute under its own key. Create these custom chat fields in the admin console, or
 * pass your own map to `createWxccAdapter`.
 * @public
 */
export const defaultWxccFieldMap: WxccFieldMap = /* @__PURE__ */ Object.freeze({
  'visitor.id': 'id',
  'visitor.name': 'name',
  'visitor.email': 'email',
  'visitor.phone': 'phone',
  'attributes.*': '*',
});

const wildcard = 'attributes.*';
const attributePrefix = 'attributes.';
const longestAdminFieldName = 200;

/** `visitor.name`, `page.url`, …: looked up on demand, so a page that only applies payloads ships no table. */
function isFixedFieldName(name: string): boolean {
  const dot = name.indexOf('.');
  const section = name.slice(0, dot);
  return (
    dot > 0 &&
    Object.hasOwn(visitorContextFields, section) &&
    (visitorContextFields[section as keyof typeof visitorContextFields] as readonly string[]).includes(name.slice(dot + 1))
  );
}

/** Why a custom chat field name that is not text is refused (zod's type check says it in `.`, so it is shared). */
export const fieldNameNotText = 'must be the custom chat field name, as text';

/** One rule a field map breaks: where (a canonical field, or the map as a whole) and why. */
export interface FieldMapProblem {
  readonly path: readonly string[];
  readonly message: string;
}

/**
 * Every rule a field map breaks; empty for a valid map. Canonical names must be fixed fields, `attributes.<key>`
 * or `attributes.*`; custom chat field names are free text in the admin console (spaces allowed) but never empty,
 * longer than 200 characters or holding control characters; the `attributes.*` template has exactly one `*`;
 * two canonical fields never share a name (the widget keeps one value per name, so one would be lost).
 */
export function findFieldMapProblems(fields: unknown): FieldMapProblem[] {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    return [{ path: [], message: "must be an object of canonical field → custom chat field name, like { 'visitor.name': 'name' }" }];
  }
  const problems: FieldMapProblem[] = [];
  const owners = new Map<string, string>();
  let shared = false;
  for (const [canonical, fieldName] of Object.entries(fields as Record<string, unknown>)) {
    const isAttribute = canonical.startsWith(attributePrefix) && canonical.length > attributePrefix.length;
    if (!isFixedFieldName(canonical) && !(isAttribute && canonical.length <= attributePrefix.length + maxAttributeKeyLength)) {
      problems.push({ path: [canonical], message: 'must be a canonical field such as visitor.name, attributes.plan or attributes.*' });
    }
    if (typeof fieldName !== 'string') {
      problems.push({ path: [canonical], message: fieldNameNotText });
      continue;
    }
    if (fieldName.length === 0 || fieldName.length > longestAdminFieldName) {
      problems.push({ path: [canonical], message: `must be a custom chat field name of 1 to ${longestAdminFieldName} characters` });
    }
    if (/[\u0000-\u001f\u007f-\u009f]/.test(fieldName)) {
      problems.push({ path: [canonical], message: 'must not contain control characters' });
    }
    if (canonical === wildcard) {
      if (fieldName.split('*').length !== 2) problems.push({ path: [], message: 'the attributes.* template must contain exactly one *' });
      continue;
    }
    if (owners.has(fieldName)) shared = true;
    owners.set(fieldName, canonical);
  }
  if (shared) problems.push({ path: [], message: 'two canonical fields must not share one custom chat field' });
  return problems;
}

/**
 * A field map resolved both ways. Explicit entries win over the `attributes.*` template, and the template
 * never yields a name or a canonical field that an explicit entry owns, so the mapping is one-to-one and a
 * round trip gives back what went in.
 */
export interface ResolvedFieldMap {
  /** The map itself (frozen), {@link defaultWxccFieldMap} when none was given. */
  readonly fields: WxccFieldMap;
  /** The custom chat field that carries a canonical field, if any. */
  fieldNameFor(canonical: string): string | undefined;
  /** The canonical field a custom chat field carries, if any. */
  canonicalFor(fieldName: string): string | undefined;
  /** The explicit entries, in the order given. */
  readonly explicit: readonly (readonly [canonical: string, fieldName: string])[];
  /** The `attributes.*` template, if any. */
  readonly attributeTemplate: string | undefined;
}

/**
 * Resolves a valid field map (see {@link findFieldMapProblems}), or {@link defaultWxccFieldMap} when there is none.
 * Both `createWxccAdapter` and the browser translator take their defaults from here.
 */
export function resolveFieldMap(given: WxccFieldMap | undefined): ResolvedFieldMap {
  // A copy, so a page that changes its map object later cannot change what this resolution translates with.
  const fields: WxccFieldMap = given === undefined ? defaultWxccFieldMap : Object.freeze({ ...given });
  const explicit = Object.entries(fields).filter(([canonical]) => canonical !== wildcard);
  const byCanonical = new Map(explicit);
  const byFieldName = new Map(explicit.map(([canonical, fieldName]) => [fieldName, canonical]));
  const template = Object.hasOwn(fields, wildcard) ? fields[wildcard] : undefined;
  const [prefix = '', suffix = ''] = template?.split('*') ?? [];

  return {
    fields,
    explicit,
    attributeTemplate: template,
    fieldNameFor(canonical) {
      const named = byCanonical.get(canonical);
      if (named !== undefined) return named;
      if (template === undefined || !canonical.startsWith(attributePrefix)) return undefined;
      const fieldName = prefix + canonical.slice(attributePrefix.length) + suffix;
      return byFieldName.has(fieldName) ? undefined : fieldName;
    },
    canonicalFor(fieldName) {
      const named = byFieldName.get(fieldName);
      if (named !== undefined) return named;
      if (template === undefined || fieldName.length <= prefix.length + suffix.length) return undefined;
      if (!fieldName.startsWith(prefix) || !fieldName.endsWith(suffix)) return undefined;
      const canonical = `${attributePrefix}${fieldName.slice(prefix.length, fieldName.length - suffix.length)}`;
      return byCanonical.has(canonical) ? undefined : canonical;
    },
  };
}
