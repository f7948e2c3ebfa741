import type { WxccFieldMap } from './wxcc-options.js';

/**
 * A field map resolved both ways. Explicit entries win over the `attributes.*` template, and the template
 * never yields a name or a canonical field that an explicit entry owns, so the mapping is one-to-one and a
 * round trip gives back what went in.
 */
export interface ResolvedFieldMap {
  /** The custom chat field that carries a canonical field, if any. */
  fieldNameFor(canonical: string): string | undefined;
  /** The canonical field a custom chat field carries, if any. */
  canonicalFor(fieldName: string): string | undefined;
  /** The explicit entries, in the order given. */
  readonly explicit: readonly (readonly [canonical: string, fieldName: string])[];
  /** The `attributes.*` template, if any. */
  readonly attributeTemplate: string | undefined;
}

const wildcard = 'attributes.*';

export function resolveFieldMap(fields: WxccFieldMap): ResolvedFieldMap {
  const explicit = Object.entries(fields).filter(([canonical]) => canonical !== wildcard);
  const byCanonical = new Map(explicit);
  const byFieldName = new Map(explicit.map(([canonical, fieldName]) => [fieldName, canonical]));
  const template = Object.hasOwn(fields, wildcard) ? fields[wildcard] : undefined;
  const [prefix = '', suffix = ''] = template?.split('*') ?? [];

  return {
    explicit,
    attributeTemplate: template,
    fieldNameFor(canonical) {
      const named = byCanonical.get(canonical);
      if (named !== undefined) return named;
      if (template === undefined || !canonical.startsWith('attributes.')) return undefined;
      const fieldName = prefix + canonical.slice('attributes.'.length) + suffix;
      return byFieldName.has(fieldName) ? undefined : fieldName;
    },
    canonicalFor(fieldName) {
      const named = byFieldName.get(fieldName);
      if (named !== undefined) return named;
      if (template === undefined || fieldName.length <= prefix.length + suffix.length) return undefined;
      if (!fieldName.startsWith(prefix) || !fieldName.endsWith(suffix)) return undefined;
      const canonical = `attributes.${fieldName.slice(prefix.length, fieldName.length - suffix.length)}`;
      return byCanonical.has(canonical) ? undefined : canonical;
    },
  };
}
