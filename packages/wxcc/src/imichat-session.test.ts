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
    driveImichatWidget(widget, '{"custom_chat_fields":{}}', 1_000, (outcome) => outcomes.push(outcome));
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
      driveImichatWidget(widget, '{"custom_chat_fields":{"a":1}}', 1_000, record('first'));
      ready();
      answer('success');
      driveImichatWidget(widget, '{"custom_chat_fields":{"a":2}}', 1_000, record('second'));
      answer('error');
      expect(outcomes).toEqual(['first:init:applied', 'second:update:vendor_error']);
    }
  });

  it('calls the page\'s ready handler, registered before or after, and survives it throwing', () => {
    const { widget, ready, state } = scriptedWidget();
    driveImichatWidget(widget, '{"custom_chat_fields":{}}', 1_000, () => undefined);
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
    driveImichatWidget(first.widget, '{"custom_chat_fields":{}}', 50, (outcome) => outcomes.push(outcome));
    vi.advanceTimersByTime(50);
    first.ready();
    expect(first.state.sent).toEqual([]);
    const second = scriptedWidget();
    driveImichatWidget(second.widget, '{"custom_chat_fields":{}}', 50, (outcome) => outcomes.push(outcome));
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
    driveImichatWidget(frozen, '{}', 50, (outcome) => outcomes.push(outcome));
    expect(outcomes).toMatchObject([{ status: 'vendor_error' }]);
  });
});
