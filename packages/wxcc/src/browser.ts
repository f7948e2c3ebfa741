/*
 * The `./browser` entry: hands custom chat fields to the live Webex Contact Center / imichat Live Chat widget
 * (`window.imichatwidget`) in a page. Small (no zod), never throws into the page, resolves with what happened.
 */
import type { Diagnostic, Result } from '@visitor-context/core';
import { driveImichatWidget, type ImichatSessionOutcome } from './imichat-session.js';
import type { ImichatWidget, WxccInitPayload } from './imichat-widget.js';

export type { ImichatSessionOutcome } from './imichat-session.js';
export type { ImichatReadyHandler, ImichatStatusCallback, ImichatWidget, WxccInitPayload } from './imichat-widget.js';

/** Options of {@link applyWxccPayload}. @public */
export interface ApplyWxccOptions {
  /** Give up after this many ms without the global, the ready event, or the widget's answer. Default 30,000. */
  readonly timeoutMs?: number;
  /** How often to look for the `imichatwidget` global, in ms. Default 250 (as the vendor tutorial polls). */
  readonly intervalMs?: number;
  /** Stops waiting for the global early (the result is then a `timeout`). */
  readonly signal?: AbortSignal;
  /** The window that hosts the widget; default the global `window`. */
  readonly window?: Window;
}

/** What the widget accepted. @public */
export interface WxccApplied {
  /** `init` for the first set on this widget, `update` (replacing the whole set) afterwards. */
  readonly method: 'init' | 'update';
  /** The custom chat field names that were sent. */
  readonly fieldNames: readonly string[];
}

const failure = (code: string, message: string): Result<never> => ({
  ok: false,
  diagnostics: [{ code, severity: 'error', path: [], message }],
});

/**
 * Sends a translated payload (`adapter.toVendor(context).value`) to the Live Chat widget: waits for the
 * `imichatwidget` global and its ready event, then calls `init` (or `update` after an earlier call; it replaces
 * the whole set, so always pass the full set). Resolves with `timeout`, `vendor_error` (the widget answered
 * `"error"` or threw) or success; success carries a `chat_already_started` warning when the visitor already
 * sent a first message, because that conversation keeps the data it started with.
 * @public
 */
export async function applyWxccPayload(payload: WxccInitPayload, options: ApplyWxccOptions = {}): Promise<Result<WxccApplied>> {
  const fields = (payload as Partial<WxccInitPayload> | null)?.custom_chat_fields;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    return failure('invalid_type', 'Expected the { custom_chat_fields } object that toVendor returns.');
  }
  let json: string;
  try {
    json = JSON.stringify({ custom_chat_fields: fields });
  } catch (error) {
    return failure('not_plain_data', `The payload cannot be serialized as JSON: ${String(error)}.`);
  }
  const { timeoutMs = 30_000, intervalMs = 250, signal } = options;
  const host = (options.window ?? globalThis) as unknown as { imichatwidget?: ImichatWidget };
  const started = Date.now();
  const widget = await waitForWidget(host, timeoutMs, intervalMs, signal);
  if (widget === undefined) {
    return failure('timeout', `window.imichatwidget did not appear within ${timeoutMs} ms: is the Live Chat snippet on the page?`);
  }
  const outcome = await new Promise<ImichatSessionOutcome>((resolve) => {
    driveImichatWidget(widget, json, Math.max(timeoutMs - (Date.now() - started), 1), resolve);
  });
  return toResult(outcome, Object.keys(fields));
}

/**
 * Polls for the global and its `on`, like core's `waitFor`. Kept local because importing core's `waitFor` pulls
 * core's whole bundle (zod included) into the page, far over this entry's size budget.
 */
function waitForWidget(
  host: { imichatwidget?: ImichatWidget },
  timeoutMs: number,
  intervalMs: number,
  signal: AbortSignal | undefined,
): Promise<ImichatWidget | undefined> {
  const read = (): ImichatWidget | undefined => {
    try {
      const candidate = host.imichatwidget;
      return candidate !== undefined && candidate !== null && typeof candidate.on === 'function' ? candidate : undefined;
    } catch {
      return undefined;
    }
  };
  return new Promise((resolve) => {
    const deadline = Date.now() + timeoutMs;
    const attempt = (): void => {
      const widget = read();
      if (widget !== undefined || signal?.aborted === true || Date.now() >= deadline) resolve(widget);
      else setTimeout(attempt, intervalMs);
    };
    attempt();
  });
}

function toResult(outcome: ImichatSessionOutcome, fieldNames: string[]): Result<WxccApplied> {
  if (outcome.status === 'timeout') {
    return failure(
      'timeout',
      outcome.waitingFor === 'answer'
        ? 'The widget did not answer in time (did the page call init with its own callback?).'
        : 'The widget did not fire imichat-widget:ready in time.',
    );
  }
  if (outcome.status === 'vendor_error') {
    return failure(
      'vendor_error',
      `The widget refused the custom chat fields${outcome.detail === undefined ? '' : `: ${outcome.detail}`}.`,
    );
  }
  const diagnostics: Diagnostic[] = outcome.chatAlreadyStarted
    ? [
        {
          code: 'chat_already_started',
          severity: 'warning',
          path: [],
          message:
            'The visitor already sent a first message: only the next conversation gets this data.',
        },
      ]
    : [];
  return { ok: true, value: { method: outcome.method ?? 'init', fieldNames }, diagnostics };
}
