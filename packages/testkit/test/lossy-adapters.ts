import { defineAdapter, listContextFields, type Result, type VisitorContext, type VisitorContextAdapter } from '@visitor-context/core';
import { referenceAdapter, referenceCapabilities, type ReferencePayload } from './reference-adapter.js';

/** Claims visitor.phone but silently drops it: the round-trip property must fail. */
export const silentlyDroppingAdapter = defineAdapter<ReferencePayload>({
  vendor: 'silently-dropping',
  capabilities: referenceCapabilities,
  toVendor(context, options, diagnostics) {
    const result = referenceAdapter.toVendor(context, options);
    const payload = result.ok ? { ...result.value } : {};
    delete payload['visitor_phone'];
    diagnostics.add(result.diagnostics);
    return payload;
  },
  fromVendor(payload) {
    const result = referenceAdapter.fromVendor(payload);
    return result.ok ? result.value : {};
  },
});

/** Carries no page/device/location and says nothing about it: the warning half of the property must fail. */
export const unreportingAdapter = defineAdapter<ReferencePayload>({
  vendor: 'unreporting',
  capabilities: referenceCapabilities,
  toVendor(context) {
    const result = referenceAdapter.toVendor(context);
    return result.ok ? result.value : {};
  },
  fromVendor(payload) {
    const result = referenceAdapter.fromVendor(payload);
    return result.ok ? result.value : {};
  },
});

/** Hand-written without defineAdapter: trusts JSON.parse and has no limits, so the hostile-input checks must fail. */
export const naiveInboundAdapter: VisitorContextAdapter<ReferencePayload> = {
  vendor: 'naive-inbound',
  specVersion: 'v1',
  capabilities: referenceCapabilities,
  toVendor: (context, options) => referenceAdapter.toVendor(context, options),
  fromVendor(input): Result<VisitorContext> {
    try {
      const payload = typeof input === 'string' ? JSON.parse(input) : input;
      const context: Record<string, Record<string, unknown>> = { attributes: {} };
      Object.assign(context['attributes']!, payload);
      return { ok: true, value: context as VisitorContext, diagnostics: [] };
    } catch {
      return { ok: true, value: {}, diagnostics: [] };
    }
  },
};

/** Renders its snippet with plain JSON.stringify, as too many SSR bugs did: the XSS corpus must catch it. */
export function renderUnsafeSnippet(context: VisitorContext): Result<string> {
  const outbound = referenceAdapter.toVendor(context);
  if (!outbound.ok) return outbound;
  const json = JSON.stringify(outbound.value);
  return {
    ok: true,
    value: `<div id="reference-chat" data-context='${json}'></div><script>referenceChat.push("identify",${json});</script>`,
    diagnostics: outbound.diagnostics,
  };
}

export const fieldCount = (context: VisitorContext): number => listContextFields(context).length;
