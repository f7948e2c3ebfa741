import { waitFor, type Diagnostic, type Result } from '@visitor-context/core';
import type { ImsupportingVisitorContext } from './imsupporting-api.js';

/** Options of {@link applyImsupportingPayload}. @public */
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

/** What {@link applyImsupportingPayload} changed before reloading the widget. @public */
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
 * Puts an already translated context (from `imsupportingAdapter.toVendor` on your server, or
 * {@link translateImsupportingContext}) where the widget reads it and reloads the widget. Never throws:
 * resolves with `not_applied` (no widget tag or config on the page), `timeout` (the widget never appeared,
 * or its reload never settled), `vendor_error` (the reload failed) or `invalid_option` (a `timeoutMs` or
 * `intervalMs` no timer can keep, such as `NaN` or `Infinity`).
 * @public
 */
export async function applyImsupportingPayload(
  payload: ImsupportingVisitorContext,
  options: ApplyImsupportingOptions = {},
): Promise<Result<ImsupportingApplied>> {
  try {
    const { timeoutMs = 10_000, intervalMs = 250, signal } = options;
    // NaN, negative, infinite or past 2^31 ms: a timer never settles (or spins), so refuse rather than hang.
    for (const delay of [timeoutMs, intervalMs]) {
      if (!(typeof delay === 'number' && delay >= 0 && delay < 2 ** 31)) {
        return failure('invalid_option', 'timeoutMs and intervalMs must be numbers of milliseconds from 0 to 2147483647.');
      }
    }
    const page = (options.window ?? window) as Window & FlowWidgetWindow;
    const empty = Object.keys(payload).length === 0;
    const text = JSON.stringify(payload);
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
    // The loader defines the global late (after fetching its bundle), so a page that applies early waits for it.
    const widget = await waitFor(
      () => {
        const candidate = page.imsFlowWidget;
        return typeof candidate?.reload === 'function' ? (candidate as { reload: () => unknown }) : undefined;
      },
      { timeoutMs, intervalMs, ...(signal === undefined ? {} : { signal }) },
    );
    if (widget === undefined) {
      return failure('timeout', `window.imsFlowWidget.reload did not appear within ${timeoutMs} ms; the new context is in place for when the widget loads.`);
    }
    const settled = await settleWithin(() => widget.reload(), timeoutMs);
    if (settled === 'timeout') return failure('timeout', `window.imsFlowWidget.reload() did not settle within ${timeoutMs} ms.`);
    if (settled !== 'done') return failure('vendor_error', `window.imsFlowWidget.reload() failed: ${settled.error}.`);
    return { ok: true, value: { via, visitorContext: { ...payload } }, diagnostics: [] };
  } catch (error) {
    return failure('vendor_error', `The Flow Widget could not be updated: ${describeError(error)}.`);
  }
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
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'unknown error';
  }
}

function failure(code: Diagnostic['code'], message: string): Result<never> {
  return { ok: false, diagnostics: [{ code, severity: 'error', path: [], message }] };
}
