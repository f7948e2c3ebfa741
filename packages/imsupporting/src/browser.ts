// The `./browser` entry: applies a visitor context to the live IMSupporting Flow Widget in a single-page app,
// e.g. after login or logout. The widget reads its context once, when it initialises; this updates what it
// reads and calls `window.imsFlowWidget.reload()`.
import type { Diagnostic, Result, VisitorContext } from '@visitor-context/core';
import type { ImsupportingVisitorContext } from './imsupporting-api.js';
import type { ImsupportingAdapter } from './create-imsupporting-adapter.js';
import type { ImsupportingFromVendorOptions, ImsupportingToVendorOptions } from './imsupporting-options.js';
import { pollUntil } from './poll-until.js';

export type { ImsupportingAdapter, ImsupportingFromVendorOptions, ImsupportingToVendorOptions, ImsupportingVisitorContext };

/** Options of {@link applyImsupportingVisitorContext}. @public */
export interface ApplyImsupportingOptions {
  /** Give up waiting for `window.imsFlowWidget` (or for its `reload()` to settle) after this many ms. Default 10,000. */
  readonly timeoutMs?: number;
  /** How often to look for `window.imsFlowWidget`, in ms. Default 250. */
  readonly intervalMs?: number;
  /** Stops waiting; the result is then a `timeout` failure. */
  readonly signal?: AbortSignal;
  /**
   * The loader's script tag, when the page has several tags with `data-siteid`. Default: the tag with
   * `data-visitor-context`, else the tag with `data-siteid`.
   */
  readonly script?: HTMLScriptElement;
  /** The window holding the widget; default the current one. */
  readonly window?: Window;
}

/** What {@link applyImsupportingVisitorContext} changed before reloading the widget. @public */
export interface ImsupportingApplied {
  /**
   * Where the widget reads the new context: the loader tag's `data-visitor-context` attribute (which wins
   * when present), or `window.imsFlowConfig.visitorContext`.
   */
  readonly via: 'attribute' | 'config';
  /** The context applied; empty for an anonymous visitor (the attribute and property are then removed). */
  readonly visitorContext: ImsupportingVisitorContext;
}

interface FlowWidgetWindow {
  imsFlowConfig?: unknown;
  imsFlowWidget?: { reload?: unknown };
}

/**
 * Puts an already translated context where the widget reads it and reloads the widget. Never throws:
 * resolves with `not_applied` (no widget tag or config on the page), `timeout` (the widget never appeared,
 * or its reload never settled) or `vendor_error` (the reload failed).
 * @public
 */
export async function applyImsupportingVisitorContext(
  visitorContext: ImsupportingVisitorContext,
  options: ApplyImsupportingOptions = {},
): Promise<Result<ImsupportingApplied>> {
  const { timeoutMs = 10_000, intervalMs = 250, signal } = options;
  try {
    const page = (options.window ?? window) as Window & FlowWidgetWindow;
    const empty = Object.keys(visitorContext).length === 0;
    const text = JSON.stringify(visitorContext);
    let via: ImsupportingApplied['via'] | undefined;
    const script =
      options.script ??
      page.document.querySelector('script[data-visitor-context]') ??
      page.document.querySelector('script[data-siteid]');
    if (script !== null) {
      if (empty) script.removeAttribute('data-visitor-context');
      else script.setAttribute('data-visitor-context', text);
      via = 'attribute';
    }
    const config = page.imsFlowConfig;
    if (typeof config === 'object' && config !== null) {
      // Kept in step with the attribute too, so the page never holds two different contexts.
      if (empty) delete (config as { visitorContext?: unknown }).visitorContext;
      else (config as { visitorContext?: unknown }).visitorContext = JSON.parse(text);
      via ??= 'config';
    }
    if (via === undefined) {
      return failure(
        'not_applied',
        'No Flow Widget on this page: no script tag with data-siteid and no window.imsFlowConfig. Render the snippet first.',
      );
    }
    const widget = await pollUntil(
      () => {
        const candidate = page.imsFlowWidget;
        return typeof candidate?.reload === 'function' ? (candidate as { reload: () => unknown }) : undefined;
      },
      timeoutMs,
      intervalMs,
      signal,
    );
    if (widget === undefined) {
      return failure('timeout', `window.imsFlowWidget.reload did not appear within ${timeoutMs} ms; the new context is in place for when the widget loads.`);
    }
    const settled = await settleWithin(() => widget.reload(), timeoutMs);
    if (settled === 'timeout') return failure('timeout', `window.imsFlowWidget.reload() did not settle within ${timeoutMs} ms.`);
    if (settled !== 'done') return failure('vendor_error', `window.imsFlowWidget.reload() failed: ${settled.error}.`);
    return { ok: true, value: { via, visitorContext: { ...visitorContext } }, diagnostics: [] };
  } catch (error) {
    return failure('vendor_error', `The Flow Widget could not be updated: ${describeError(error)}.`);
  }
}

/** Options of {@link updateImsupportingVisitorContext}. @public */
export interface UpdateImsupportingOptions extends ApplyImsupportingOptions, ImsupportingToVendorOptions {
  /**
   * The adapter that translates: `imsupportingAdapter` or one made with `createImsupportingAdapter`, imported
   * from `@visitor-context/imsupporting`. Passed in, so that pages that only apply never bundle the translation.
   */
  readonly adapter: ImsupportingAdapter;
}

/**
 * Translates a canonical context (validating it) with `options.adapter` and applies it with
 * {@link applyImsupportingVisitorContext}; the translation's warnings are carried over. The translation code
 * weighs far more than applying: to stay small, translate on the server and call
 * `applyImsupportingVisitorContext` instead.
 * @public
 */
export async function updateImsupportingVisitorContext(
  context: VisitorContext,
  options: UpdateImsupportingOptions,
): Promise<Result<ImsupportingApplied>> {
  const { adapter, strict, phoneKey, invalidKeys, ...applyOptions } = options;
  const translateOptions = { ...(strict === undefined ? {} : { strict }), ...(phoneKey === undefined ? {} : { phoneKey }), ...(invalidKeys === undefined ? {} : { invalidKeys }) };
  const translated = adapter.toVendor(context, translateOptions);
  if (!translated.ok) return translated;
  const applied = await applyImsupportingVisitorContext(translated.value, applyOptions);
  return { ...applied, diagnostics: [...translated.diagnostics, ...applied.diagnostics] } as Result<ImsupportingApplied>;
}

async function settleWithin(action: () => unknown, timeoutMs: number): Promise<'done' | 'timeout' | { error: string }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      Promise.resolve()
        .then(action)
        .then(() => 'done' as const),
      new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      }),
    ]);
  } catch (error) {
    return { error: describeError(error) };
  } finally {
    clearTimeout(timer);
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function failure(code: Diagnostic['code'], message: string): Result<never> {
  return { ok: false, diagnostics: [{ code, severity: 'error', path: [], message }] };
}
