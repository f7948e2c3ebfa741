import { afterEach, describe, expect, it, vi } from 'vitest';
import { createImsupportingAdapter, imsupportingAdapter } from './index.js';
import flowConfig from './__fixtures__/flow-config.json' with { type: 'json' };
import activeSessionsRow from './__fixtures__/activesessions-row.json' with { type: 'json' };
import seedExample from './__fixtures__/seed-example-context.json' with { type: 'json' };
import wirePayloads from './__fixtures__/wire-payloads.json' with { type: 'json' };

/*
 * flow-config.json is the vendor's "Option B — window.imsFlowConfig object" example (seed document; the public
 * page at imsupporting.com/advanced-widget-configuration.php confirms its keys but not this object).
 */

describe('fromVendor: the window.imsFlowConfig object', () => {
  it('reads visitorContext as the widget sends it, keeping siteid and mode in vendor.imsupporting.config', () => {
    const result = imsupportingAdapter.fromVendor(flowConfig);
    expect(result).toMatchSnapshot();
    expect(result.ok && result.value.visitor).toEqual({ id: 'USR-84920', name: 'Jane Smith', email: 'jane@example.com' });
    expect(result.ok && result.value.vendor).toEqual({ imsupporting: { config: { siteid: 'YOUR_SITEID', mode: 'popover' } } });
  });

  it('cleans visitorContext by the server\'s rules, as it does the wire payload', () => {
    const result = imsupportingAdapter.fromVendor({ siteid: 's', mode: 'inline', visitorContext: { plan: '<b>Pro</b>', 'bad key!': 'x', nested: { a: 1 } } });
    expect(result.ok && result.value.attributes).toEqual({ plan: 'Pro' });
    expect(result.diagnostics.map(({ code, path }) => `${code} ${path.join('.')}`)).toEqual([
      'html_sanitized attributes.plan',
      'field_dropped attributes.bad key!',
      'field_dropped attributes.nested',
    ]);
  });
});

describe('fromVendor: unrecognized payloads', () => {
  it.each([
    ['a Comm100 agent-less body of objects', { visitor: { name: 'A' }, chat: { id: 1 } }],
    ['a Genesys participant list', { participants: [{ purpose: 'customer', attributes: { plan: 'pro' } }] }],
    ['pairs with only unusable keys', { '': 'x', 'k\u0000': 'y' }],
  ])('warns unrecognized_payload for %s, listing the shapes, with everything in vendor.imsupporting', (_name, payload) => {
    const result = imsupportingAdapter.fromVendor(payload);
    expect(result.ok).toBe(true);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'unrecognized_payload', severity: 'warning', path: [] })]);
    expect(result.diagnostics[0]?.message).toContain('window.imsFlowConfig');
    expect(result.ok && Object.keys(result.value)).toEqual(['vendor']);
  });

  it('recognises every shape it reads, and an empty stored context is no warning', () => {
    for (const payload of [seedExample, activeSessionsRow, flowConfig, wirePayloads.seedExample, JSON.stringify(seedExample), {}]) {
      expect(imsupportingAdapter.fromVendor(payload).diagnostics.map((item) => item.code)).not.toContain('unrecognized_payload');
    }
    expect(imsupportingAdapter.capabilities.payloadShapes).toHaveLength(4);
  });
});

describe('fromVendor: size before any work', () => {
  afterEach(() => vi.restoreAllMocks());

  it('refuses multi-megabyte text by its length, before the base64 test or any copy', () => {
    const stringify = vi.spyOn(JSON, 'stringify');
    const test = vi.spyOn(RegExp.prototype, 'test');
    const exec = vi.spyOn(RegExp.prototype, 'exec');
    const huge = 'QUJD'.repeat(1_500_000); // 6 MB of base64 characters
    const result = createImsupportingAdapter().fromVendor(huge);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((item) => item.code)).toEqual(['too_large']);
    const sawHuge = (calls: unknown[][]) => calls.some((args) => args.some((arg) => typeof arg === 'string' && arg.length >= huge.length));
    expect(sawHuge(stringify.mock.calls)).toBe(false);
    expect(sawHuge(test.mock.calls)).toBe(false);
    expect(sawHuge(exec.mock.calls)).toBe(false);
  });

  it('still gives the server\'s own message for a wire payload over its limit but within the JSON limit', () => {
    const result = imsupportingAdapter.fromVendor('QUJD'.repeat(6000));
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'too_large', message: expect.stringContaining('silently discards') })]);
  });
});
