/*
 * Every public function whose TSDoc says it never throws, given hostile values in every argument and every
 * option (testkit's hostile values: throwing getters and proxies, revoked proxies, circular objects, lone
 * surrogates, prototype keys, non-finite numbers…). Each must return its documented Result, and never fail
 * with `adapter_failed`, which would mean the hostile value reached code that trusted it.
 */
import { hostileOptionsArbitrary, hostileValueArbitrary, hostileValues, visitorContextArbitrary } from '@visitor-context/testkit';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyGenesysContext, applyGenesysPayload, applyGenesysWidgetsPayload, removeGenesysCustomAttributes, translateGenesysContext } from './browser.js';
import { genesysAdapter, renderGenesysSnippet } from './index.js';

const settings = { seed: 20261202, numRuns: 150 } as const;

const toVendorKeys = ['strict', 'channel', 'command', 'token', 'text', 'organizationId', 'deploymentId', 'routingTarget'];
const snippetKeys = [
  ...toVendorKeys,
  'nonce',
  'environment',
  'scriptUrl',
  'includeLoader',
  'webChatConfig',
  'webChatRender',
  'webChatContainerId',
  'dataElementId',
];
const browserKeys = ['timeoutMs', 'intervalMs', 'target'];
const applyKeys = [...browserKeys, 'webChatConfig', 'webChat'];

/** A context: any hostile value, a valid context, or a valid context with a hostile value somewhere inside. */
const contextArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  hostileValueArbitrary(),
  visitorContextArbitrary(),
  fc
    .tuple(visitorContextArbitrary(), fc.constantFrom('visitor', 'attributes', 'page', 'vendor'), fc.string(), hostileValueArbitrary())
    .map(([context, section, key, value]) => ({ ...context, [section]: { [key]: value } })),
);

/** A payload for the browser: any hostile value, or a payload-shaped object with hostile parts. */
const payloadArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  hostileValueArbitrary(),
  fc.record({
    channel: fc.oneof(fc.constantFrom('messenger', 'web-chat', 'widgets', 'attributes'), hostileValueArbitrary()),
    command: fc.oneof(fc.constantFrom('Database.set', 'Database.update', 'MessagingService.sendMessage', 'Database.remove'), hostileValueArbitrary()),
    options: fc.oneof(fc.record({ messaging: fc.record({ customAttributes: fc.oneof(hostileValueArbitrary(), fc.dictionary(fc.string(), fc.string())) }) }), hostileValueArbitrary()),
    data: fc.oneof(hostileValueArbitrary(), fc.dictionary(fc.string(), fc.string())),
    form: fc.oneof(hostileValueArbitrary(), fc.dictionary(fc.string(), fc.string())),
    userData: fc.oneof(hostileValueArbitrary(), fc.dictionary(fc.string(), fc.string())),
  }),
);

function expectResult(result: unknown): void {
  expect(result).toMatchObject({ ok: expect.any(Boolean), diagnostics: expect.any(Array) });
  const codes = (result as { diagnostics: { code: string }[] }).diagnostics.map((diagnostic) => diagnostic.code);
  expect(codes).not.toContain('adapter_failed');
}

describe('synchronous functions that never throw, with hostile arguments and options', () => {
  it('genesysAdapter.toVendor', () => {
    fc.assert(
      fc.property(contextArbitrary, hostileOptionsArbitrary(toVendorKeys), (context, options) => {
        expectResult(genesysAdapter.toVendor(context as never, options as never));
      }),
      settings,
    );
  });

  it('genesysAdapter.fromVendor', () => {
    fc.assert(
      fc.property(fc.oneof(hostileValueArbitrary(), fc.json(), payloadArbitrary), hostileOptionsArbitrary(['strict', 'participantPurpose']), (payload, options) => {
        expectResult(genesysAdapter.fromVendor(payload as never, options as never));
      }),
      settings,
    );
  });

  it('translateGenesysContext', () => {
    fc.assert(
      fc.property(contextArbitrary, hostileOptionsArbitrary(toVendorKeys), (context, options) => {
        expectResult(translateGenesysContext(context as never, options as never));
      }),
      settings,
    );
  });

  it('renderGenesysSnippet', () => {
    fc.assert(
      fc.property(contextArbitrary, hostileOptionsArbitrary(snippetKeys), (context, options) => {
        expectResult(renderGenesysSnippet(context as never, options as never));
      }),
      settings,
    );
  });

  it('every named hostile value, in every argument position', () => {
    for (const { name, value } of hostileValues()) {
      for (const call of [
        () => genesysAdapter.toVendor(value as never),
        () => genesysAdapter.toVendor({}, value as never),
        () => genesysAdapter.fromVendor(value as never),
        () => genesysAdapter.fromVendor({}, value as never),
        () => translateGenesysContext(value as never),
        () => translateGenesysContext({}, value as never),
        () => renderGenesysSnippet(value as never),
        () => renderGenesysSnippet({}, value as never),
      ]) {
        let result: unknown;
        expect(() => (result = call()), name).not.toThrow();
        expectResult(result);
      }
    }
  });
});

describe('browser functions that never throw or reject, with hostile arguments and options', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.clearAllTimers();
    vi.useRealTimers();
  });

  /** Calls `run`; it must return a promise that, within a minute of (fake) waiting, resolves with a Result or is still waiting, never rejects. */
  async function expectSettlesSafely(run: () => Promise<unknown>): Promise<void> {
    let promise: Promise<unknown> | undefined;
    expect(() => (promise = run())).not.toThrow();
    expect(promise).toBeInstanceOf(Promise);
    let outcome: { result: unknown } | { error: unknown } | undefined;
    (promise as Promise<unknown>).then(
      (result) => (outcome = { result }),
      (error: unknown) => (outcome = { error }),
    );
    await vi.advanceTimersByTimeAsync(60_000);
    if (outcome === undefined) return; // still waiting for a widget, as a long timeoutMs asks
    expect(outcome).not.toHaveProperty('error');
    expectResult((outcome as { result: unknown }).result);
  }

  it('applyGenesysPayload', async () => {
    await fc.assert(
      fc.asyncProperty(payloadArbitrary, hostileOptionsArbitrary(applyKeys), async (payload, options) => {
        await expectSettlesSafely(() => applyGenesysPayload(payload as never, options as never));
      }),
      { ...settings, numRuns: 60 },
    );
  });

  it('applyGenesysWidgetsPayload', async () => {
    await fc.assert(
      fc.asyncProperty(payloadArbitrary, hostileOptionsArbitrary(browserKeys), async (payload, options) => {
        await expectSettlesSafely(() => applyGenesysWidgetsPayload(payload as never, options as never));
      }),
      { ...settings, numRuns: 60 },
    );
  });

  it('applyGenesysContext', async () => {
    await fc.assert(
      fc.asyncProperty(contextArbitrary, hostileOptionsArbitrary([...applyKeys, 'channel', 'command', 'strict']), async (context, options) => {
        await expectSettlesSafely(() => applyGenesysContext(context as never, options as never));
      }),
      { ...settings, numRuns: 60 },
    );
  });

  it('removeGenesysCustomAttributes', async () => {
    await fc.assert(
      fc.asyncProperty(hostileOptionsArbitrary(browserKeys), async (options) => {
        await expectSettlesSafely(() => removeGenesysCustomAttributes(options as never));
      }),
      { ...settings, numRuns: 60 },
    );
  });

  it('every named hostile value as the payload, the context and the options', async () => {
    for (const { value } of hostileValues()) {
      await expectSettlesSafely(() => applyGenesysPayload(value as never, { timeoutMs: 0 }));
      await expectSettlesSafely(() => applyGenesysWidgetsPayload(value as never, { timeoutMs: 0 }));
      await expectSettlesSafely(() => applyGenesysWidgetsPayload({ channel: 'widgets', form: {}, userData: {} }, value as never));
      await expectSettlesSafely(() => applyGenesysPayload({ channel: 'messenger', command: 'Database.set', options: { messaging: { customAttributes: {} } } }, value as never));
      await expectSettlesSafely(() => applyGenesysContext(value as never, { timeoutMs: 0 }));
      await expectSettlesSafely(() => applyGenesysContext({}, value as never));
      await expectSettlesSafely(() => removeGenesysCustomAttributes(value as never));
    }
  });
});
