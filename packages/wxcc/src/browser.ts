/**
 * The `./browser` entry: hands custom chat fields to the live Webex Contact Center / imichat Live Chat widget
 * (`window.imichatwidget`) in a page. Small, never throws into the page, and resolves with what happened.
 *
 * @packageDocumentation
 */
import { waitFor, type Diagnostic, type Result } from '@visitor-context/core';
import { driveImichatWidget, type ImichatSessionOutcome } from './imichat-session.js';
import type { ImichatWidget, WxccInitPayload } from './wxcc-api.js';

export type { ImichatSessionOutcome } from './imichat-session.js';
export type { ImichatReadyHandler, ImichatStatusCallback, ImichatWidget, WxccInitPayload } from './wxcc-api.js';

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
  const widget = await waitFor(
    () => {
      const candidate = host.imichatwidget;
      return candidate !== undefined && candidate !== null && typeof candidate.on === 'function' ? candidate : undefined;
    },
    { timeoutMs, intervalMs, ...(signal === undefined ? {} : { signal }) },
  );
  if (widget === undefined) {
    return failure('timeout', `window.imichatwidget did not appear within ${timeoutMs} ms. Check that the Live Chat installation snippet is on the page.`);
  }
  const outcome = await new Promise<ImichatSessionOutcome>((resolve) => {
    driveImichatWidget(widget, json, Math.max(timeoutMs - (Date.now() - started), 1), resolve);
  });
  return toResult(outcome, Object.keys(fields));
}

function toResult(outcome: ImichatSessionOutcome, fieldNames: string[]): Result<WxccApplied> {
  if (outcome.status === 'timeout') {
    return failure(
      'timeout',
      outcome.waitingFor === 'answer'
        ? `The widget did not answer ${outcome.method ?? 'init'} in time (a page script may have called imichatwidget.init with its own callback).`
        : 'The widget did not fire imichat-widget:ready in time.',
    );
  }
  if (outcome.status === 'vendor_error') {
    return failure(
      'vendor_error',
      `The widget refused the custom chat fields${outcome.detail === undefined ? '' : ` (${outcome.detail})`}; it answers "error" for anything but a JSON string with custom_chat_fields.`,
    );
  }
  const diagnostics: Diagnostic[] = outcome.chatAlreadyStarted
    ? [
        {
          code: 'chat_already_started',
          severity: 'warning',
          path: [],
          message:
            'The visitor already sent a first message: the conversation in progress keeps the data it started with; this set applies to the next conversation only.',
        },
      ]
    : [];
  return { ok: true, value: { method: outcome.method ?? 'init', fieldNames }, diagnostics };
}
