import { describe, expect, it, vi } from 'vitest';
import {
  formatPath,
  listContextFields,
  readContextField,
  visitorContextFieldNames,
  visitorContextFields,
  waitFor,
  writeContextField,
  type MutableVisitorContext,
} from '../src/index.js';

describe('context fields', () => {
  it('lists, reads and writes by canonical name', () => {
    const context: MutableVisitorContext = {};
    expect(writeContextField(context, 'visitor.name', 'Ada')).toBe(true);
    expect(writeContextField(context, 'attributes.first name', 3)).toBe(true);
    expect(writeContextField(context, 'attributes.__proto__', 'x')).toBe(true);
    expect(writeContextField(context, 'visitor.nickname', 'x')).toBe(false);
    expect(writeContextField(context, 'vendor.x', 'x')).toBe(false);
    expect(Object.getPrototypeOf(context.attributes)).toBe(Object.prototype);
    expect(listContextFields(context as never).map((field) => field.name)).toEqual(['visitor.name', 'attributes.first name', 'attributes.__proto__']);
    expect(readContextField(context as never, 'attributes.first name')).toBe(3);
    expect(readContextField(context as never, 'attributes.toString')).toBeUndefined();
    expect(readContextField(context as never, 'nothing')).toBeUndefined();
  });

  it('names every fixed field in model order, derived from visitorContextFields', () => {
    expect(visitorContextFieldNames).toEqual(
      Object.entries(visitorContextFields).flatMap(([section, keys]) => keys.map((key) => `${section}.${String(key)}`)),
    );
    expect(visitorContextFieldNames).toHaveLength(23);
    expect(visitorContextFieldNames[0]).toBe('visitor.id');
    expect(visitorContextFieldNames.at(-1)).toBe('location.country');
  });

  it('formats paths for people', () => {
    expect(formatPath(['visitor', 'email'])).toBe('visitor.email');
    expect(formatPath(['attributes', 'first name'])).toBe('attributes["first name"]');
    expect(formatPath(['items', 2])).toBe('items[2]');
    expect(formatPath([])).toBe('(root)');
  });
});

describe('waitFor', () => {
  it('resolves with the value once it appears, or undefined at the timeout', async () => {
    vi.useFakeTimers();
    try {
      let value: string | undefined;
      const found = waitFor(() => value, { intervalMs: 250, timeoutMs: 5000 });
      await vi.advanceTimersByTimeAsync(500);
      value = 'ready';
      await vi.advanceTimersByTimeAsync(250);
      await expect(found).resolves.toBe('ready');
      const missing = waitFor(() => undefined, { intervalMs: 100, timeoutMs: 1000 });
      await vi.advanceTimersByTimeAsync(1100);
      await expect(missing).resolves.toBeUndefined();
      const throwing = waitFor(() => {
        throw new Error('not yet');
      }, { intervalMs: 100, timeoutMs: 300 });
      await vi.advanceTimersByTimeAsync(400);
      await expect(throwing).resolves.toBeUndefined();
      const controller = new AbortController();
      const aborted = waitFor(() => undefined, { signal: controller.signal });
      controller.abort();
      await expect(aborted).resolves.toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
