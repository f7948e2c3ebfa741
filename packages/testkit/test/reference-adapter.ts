import {
  defineAdapter,
  jsCall,
  listContextFields,
  renderElement,
  renderInlineScript,
  toJsonText,
  writeContextField,
  type AdapterCapabilities,
  type MutableVisitorContext,
  type Result,
  type VisitorContext,
} from '@visitor-context/core';
import { parseHtml, runInlineScripts } from '../src/index.js';

/**
 * A small, honest adapter for an imaginary vendor that stores a flat string map: the suite must pass it.
 * It carries visitor fields and attributes (as strings), and reports page, device and location as dropped.
 */
export const referenceCapabilities: AdapterCapabilities = {
  directions: ['toVendor', 'fromVendor'],
  fields: [
    ...['id', 'name', 'firstName', 'lastName', 'email', 'phone', 'company', 'locale'].map((key) => ({
      canonical: `visitor.${key}`,
      vendorName: `visitor_${key}`,
    })),
    { canonical: 'attributes.*', vendorName: '<key>', valueType: 'string' as const },
  ],
  limits: { maxValueLength: 200 },
};

export type ReferencePayload = Record<string, string>;

export const referenceAdapter = defineAdapter<ReferencePayload>({
  vendor: 'reference',
  capabilities: referenceCapabilities,
  toVendor(context, _options, diagnostics) {
    const payload: ReferencePayload = {};
    for (const field of listContextFields(context)) {
      const [section, key] = field.path as [string, string];
      if (section === 'visitor') payload[`visitor_${key}`] = String(field.value);
      else if (section === 'attributes') {
        payload[`attr_${key}`] = String(field.value);
        if (typeof field.value !== 'string') {
          diagnostics.warning('value_coerced', field.path, `${field.name} is sent as the string "${String(field.value)}".`);
        }
      } else diagnostics.warning('field_dropped', field.path, `${field.name} has no place in this vendor and was dropped.`);
    }
    return payload;
  },
  fromVendor(payload, _options, diagnostics) {
    const context: MutableVisitorContext = {};
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
      diagnostics.error('invalid_type', [], 'Expected a flat object of strings.');
      return context;
    }
    for (const [key, value] of Object.entries(payload)) {
      if (typeof value !== 'string') continue;
      if (key.startsWith('visitor_')) writeContextField(context, `visitor.${key.slice(8)}`, value);
      else if (key.startsWith('attr_')) writeContextField(context, `attributes.${key.slice(5)}`, value);
    }
    return context;
  },
});

/** The vendor's snippet: a mount element with the data as an attribute, and an inline call. */
export function renderReferenceSnippet(context: VisitorContext): Result<string> {
  const outbound = referenceAdapter.toVendor(context);
  if (!outbound.ok) return outbound;
  const html =
    renderElement('div', { id: 'reference-chat', 'data-context': toJsonText(outbound.value) }) +
    renderInlineScript(jsCall('referenceChat.push', 'identify', outbound.value));
  return { ok: true, value: html, diagnostics: outbound.diagnostics };
}

export function readReferenceSnippet(html: string): unknown {
  const parsed = parseHtml(html);
  const [mount] = parsed.elements('div');
  const fromAttribute: unknown = JSON.parse(parsed.attribute(mount!, 'data-context') ?? 'null');
  const calls: unknown[][] = [];
  runInlineScripts(html, { referenceChat: { push: (...args: unknown[]) => calls.push(args) } });
  const fromScript = calls[0]?.[1];
  // Both embeddings must carry the same data; a mismatch is returned so the suite's comparison fails.
  return JSON.stringify(fromAttribute) === JSON.stringify(fromScript) ? fromScript : { mismatch: [fromAttribute, fromScript] };
}
