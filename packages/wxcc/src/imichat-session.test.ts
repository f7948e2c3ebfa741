import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { driveImichatWidget, type ImichatSessionOutcome } from './imichat-session.js';
import type { ImichatReadyHandler, ImichatStatusCallback } from './imichat-widget.js';

/** A scripted widget: one stored ready handler, one stored init callback, answers released by the test. */
function scriptedWidget(options: { updateCallbackFires?: boolean } = {}) {
  const state = {
    readyHandler: undefined as ImichatReadyHandler | undefined,
    initCallback: undefined as ImichatStatusCallback | undefined,
    updateCallbacks: [] as ImichatStatusCallback[],
    sent: [] as [string, string][],
  };
  const widget = {
    on(name: string, handler: ImichatReadyHandler) {
      if (name === 'imichat-widget:ready' && typeof handler === 'function') state.readyHandler = handler;
    },
    init(json: string, callback: ImichatStatusCallback) {
      state.initCallback = callback;
      state.sent.push(['init', json]);
    },
    update(json: string, callback: ImichatStatusCallback) {
      state.updateCallbacks.push(callback);
      state.sent.push(['update', json]);
    },
    hasInitiatedChat: () => false,
  };
  const answer = (status: 'success' | 'error') => {
    const fixed = options.updateCallbackFires === true && state.sent.at(-1)?.[0] === 'update';
    if (fixed) state.updateCallbacks.at(-1)?.(status);
    else state.initCallback?.(status);
  };
  return { widget, state, answer, ready: (appId = 'app') => state.readyHandler?.(appId) };
}

const timing = (timeoutMs: number) => ({ timeoutMs, intervalMs: 10 });

describe('driveImichatWidget', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ignores the argument-less init callback call the widget makes when it becomes ready', () => {
    const { widget, state, ready } = scriptedWidget();
    const outcomes: ImichatSessionOutcome[] = [];
    driveImichatWidget({ imichatwidget: widget }, '{"custom_chat_fields":{}}', timing(1_000), (outcome) => outcomes.push(outcome));
    ready();
    state.initCallback?.();
    expect(outcomes).toEqual([]);
    state.initCallback?.('success');
    expect(outcomes).toEqual([{ status: 'applied', method: 'init', chatAlreadyStarted: false }]);
  });

  it('settles sends in order through the init callback, and through update callbacks once the vendor fixes its bug', () => {
    for (const updateCallbackFires of [false, true]) {
      const { widget, ready, answer } = scriptedWidget({ updateCallbackFires });
      const outcomes: string[] = [];
      const record = (label: string) => (outcome: ImichatSessionOutcome) => outcomes.push(`${label}:${outcome.method}:${outcome.status}`);
      driveImichatWidget({ imichatwidget: widget }, '{"custom_chat_fields":{"a":1}}', timing(1_000), record('first'));
      ready();
      answer('success');
      driveImichatWidget({ imichatwidget: widget }, '{"custom_chat_fields":{"a":2}}', timing(1_000), record('second'));
      answer('error');
      expect(outcomes).toEqual(['first:init:applied', 'second:update:vendor_error']);
    }
  });

  it('lets the newest issued set win when the runtime connects before the snippet that was issued earlier', () => {
    const { widget, state, ready, answer } = scriptedWidget();
    const host: { imichatwidget?: unknown } = {};
    const outcomes: string[] = [];
    const record = (label: string) => (outcome: ImichatSessionOutcome) => outcomes.push(`${label}:${outcome.method}:${outcome.status}`);
    const anonymous = '{"custom_chat_fields":{}}';
    const customer = '{"custom_chat_fields":{"name":"Ada","email":"ada@example.com"}}';
    // The snippet runs first (anonymous visitor) and polls every 250 ms; the app logs in and applies, polling faster.
    driveImichatWidget(host, anonymous, { timeoutMs: 5_000, intervalMs: 250 }, record('snippet'));
    driveImichatWidget(host, customer, { timeoutMs: 5_000, intervalMs: 10 }, record('runtime'));
    host.imichatwidget = widget;
    vi.advanceTimersByTime(10);
    expect(state.readyHandler).toBeTypeOf('function');
    vi.advanceTimersByTime(240);
    ready();
    answer('success');
    expect(state.sent).toEqual([['init', customer]]);
    expect(outcomes).toEqual(['snippet:undefined:superseded', 'runtime:init:applied']);
    // A later set still goes out, and an older one that connects late still does not.
    driveImichatWidget(host, '{"custom_chat_fields":{"name":"Ada L."}}', timing(1_000), record('newer'));
    answer('success');
    expect(state.sent.at(-1)).toEqual(['update', '{"custom_chat_fields":{"name":"Ada L."}}']);
    expect(outcomes.at(-1)).toBe('newer:update:applied');
  });

  it('reports superseded for an older set that reaches a ready widget after a newer one was sent', () => {
    const { widget, state, ready, answer } = scriptedWidget();
    const host: { imichatwidget?: unknown } = {};
    const outcomes: ImichatSessionOutcome[] = [];
    driveImichatWidget(host, '{"custom_chat_fields":{"a":1}}', { timeoutMs: 5_000, intervalMs: 250 }, (outcome) => outcomes.push(outcome));
    host.imichatwidget = widget;
    driveImichatWidget(host, '{"custom_chat_fields":{"a":2}}', timing(5_000), () => undefined);
    ready();
    answer('success');
    vi.advanceTimersByTime(250);
    expect(state.sent).toEqual([['init', '{"custom_chat_fields":{"a":2}}']]);
    expect(outcomes).toEqual([{ status: 'superseded', chatAlreadyStarted: false }]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('sends both, the newest last, when the older set connects first', () => {
    const { widget, state, ready, answer } = scriptedWidget();
    const host: { imichatwidget?: unknown } = { imichatwidget: widget };
    const outcomes: string[] = [];
    const record = (outcome: ImichatSessionOutcome) => outcomes.push(`${outcome.method}:${outcome.status}`);
    driveImichatWidget(host, '{"custom_chat_fields":{}}', timing(1_000), record);
    driveImichatWidget(host, '{"custom_chat_fields":{"a":1}}', timing(1_000), record);
    ready();
    answer('success');
    answer('success');
    expect(state.sent).toEqual([
      ['init', '{"custom_chat_fields":{}}'],
      ['update', '{"custom_chat_fields":{"a":1}}'],
    ]);
    expect(outcomes).toEqual(['init:applied', 'update:applied']);
  });

  it('calls the page\'s ready handler, registered before or after, and survives it throwing', () => {
    const { widget, ready, state } = scriptedWidget();
    driveImichatWidget({ imichatwidget: widget }, '{"custom_chat_fields":{}}', timing(1_000), () => undefined);
    const seen: unknown[] = [];
    widget.on('imichat-widget:ready', (appId) => seen.push(appId));
    widget.on('imichat-widget:ready', (appId) => {
      seen.push(`latest ${String(appId)}`);
      throw new Error('page bug');
    });
    ready('app-9');
    expect(seen).toEqual(['latest app-9']);
    expect(state.sent).toHaveLength(1);
    expect(() => vi.runAllTimers()).toThrow('page bug');
  });

  it('reports a timeout for a missing ready event and for a missing answer, and never sends after one', () => {
    const first = scriptedWidget();
    const outcomes: ImichatSessionOutcome[] = [];
    driveImichatWidget({ imichatwidget: first.widget }, '{"custom_chat_fields":{}}', timing(50), (outcome) => outcomes.push(outcome));
    vi.advanceTimersByTime(50);
    first.ready();
    expect(first.state.sent).toEqual([]);
    const second = scriptedWidget();
    driveImichatWidget({ imichatwidget: second.widget }, '{"custom_chat_fields":{}}', timing(50), (outcome) => outcomes.push(outcome));
    second.ready();
    vi.advanceTimersByTime(50);
    expect(outcomes).toEqual([
      { status: 'timeout', waitingFor: 'ready', chatAlreadyStarted: false },
      { status: 'timeout', waitingFor: 'answer', method: 'init', chatAlreadyStarted: false },
    ]);
  });

  it('reports a widget that throws as vendor_error instead of throwing', () => {
    const outcomes: ImichatSessionOutcome[] = [];
    const frozen = Object.freeze({ on: () => undefined, init: () => undefined, update: () => undefined });
    driveImichatWidget({ imichatwidget: frozen }, '{}', timing(50), (outcome) => outcomes.push(outcome));
    expect(outcomes).toMatchObject([{ status: 'vendor_error' }]);
  });

  it('looks for a late global at once and then every intervalMs, and drives it only once it has on', () => {
    const { widget, state, ready, answer } = scriptedWidget();
    const host: { imichatwidget?: unknown } = {};
    const outcomes: ImichatSessionOutcome[] = [];
    driveImichatWidget(host, '{"custom_chat_fields":{}}', { timeoutMs: 1_000, intervalMs: 100 }, (outcome) => outcomes.push(outcome));
    expect(vi.getTimerCount()).toBe(2);
    const withoutOn = { init: vi.fn() };
    host.imichatwidget = withoutOn;
    vi.advanceTimersByTime(100);
    expect(withoutOn.init).not.toHaveBeenCalled();
    expect(Object.keys(withoutOn)).toEqual(['init']);
    host.imichatwidget = widget;
    vi.advanceTimersByTime(99);
    expect(state.readyHandler).toBeUndefined();
    vi.advanceTimersByTime(1);
    expect(state.readyHandler).toBeTypeOf('function');
    expect(vi.getTimerCount()).toBe(1);
    ready();
    answer('success');
    expect(outcomes).toEqual([{ status: 'applied', method: 'init', chatAlreadyStarted: false }]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('drives a global that is already there without starting to poll', () => {
    const { widget, ready, answer } = scriptedWidget();
    const outcomes: ImichatSessionOutcome[] = [];
    driveImichatWidget({ imichatwidget: widget }, '{"custom_chat_fields":{}}', timing(1_000), (outcome) => outcomes.push(outcome));
    expect(vi.getTimerCount()).toBe(1);
    ready();
    answer('success');
    expect(outcomes).toMatchObject([{ status: 'applied' }]);
  });

  it('reports a timeout waiting for the global, also when reading it throws, and stops polling', () => {
    const outcomes: ImichatSessionOutcome[] = [];
    const host = {
      get imichatwidget(): unknown {
        throw new Error('not yet');
      },
    };
    driveImichatWidget(host, '{"custom_chat_fields":{}}', { timeoutMs: 50, intervalMs: 10 }, (outcome) => outcomes.push(outcome));
    vi.advanceTimersByTime(49);
    expect(outcomes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(outcomes).toEqual([{ status: 'timeout', waitingFor: 'global', chatAlreadyStarted: false }]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops waiting for the global when the signal aborts', () => {
    const outcomes: ImichatSessionOutcome[] = [];
    const controller = new AbortController();
    driveImichatWidget({}, '{"custom_chat_fields":{}}', { timeoutMs: 1_000, intervalMs: 10, signal: controller.signal }, (outcome) =>
      outcomes.push(outcome),
    );
    controller.abort();
    vi.advanceTimersByTime(10);
    expect(outcomes).toEqual([{ status: 'timeout', waitingFor: 'global', chatAlreadyStarted: false }]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
