/*
 * The `./browser` entry: translates a context (translateWxccContext) and hands the custom chat fields to the live
 * Webex Contact Center / imichat Live Chat widget (`window.imichatwidget`) in a page (applyWxccPayload, or both
 * with applyWxccContext). No zod: the context schema stays out of the browser path by design, to keep pages
 * small. Never throws into the page; resolves with what happened.
 */
import type { Diagnostic, Result, VisitorContext } from '@visitor-context/core';
import { driveImichatWidget, type ImichatHost, type ImichatSessionOutcome } from './imichat-session.js';
import type { WxccInitPayload } from './imichat-widget.js';
import { translateWxccContext, type WxccTranslateOptions } from './translate-wxcc-context.js';

export type { ImichatSessionOutcome } from './imichat-session.js';
export type { ImichatReadyHandler, ImichatStatusCallback, ImichatWidget, WxccInitPayload } from './imichat-widget.js';
export { translateWxccContext, type WxccTranslateOptions } from './translate-wxcc-context.js';
export type { WxccFieldMap } from './wxcc-field-map.js';

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
 * Sends an already translated payload (from {@link translateWxccContext}, or `adapter.toVendor(context).value`
 * on the server) to the Live Chat widget: waits for the `imichatwidget` global and its ready event, then calls
 * `init` (or `update` after an earlier call; it replaces the whole set, so always pass the full set). Resolves with `timeout`, `vendor_error` (the widget answered
 * `"error"` or threw), `not_applied` (superseded: a payload issued later, by another call or by the
 * server-rendered snippet, was already sent, so this older one was not; nothing is wrong, the newest data is
 * in place) or success; success carries a `chat_already_started` warning when the visitor already
 * sent a first message, because that conversation keeps the data it started with.
 * @public
 */
export async function applyWxccPayload(payload: WxccInitPayload, options: ApplyWxccOptions = {}): Promise<Result<WxccApplied>> {
  try {
    const fields = (payload as Partial<WxccInitPayload> | null)?.custom_chat_fields;
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
      return failure('invalid_type', 'Expected the { custom_chat_fields } payload.');
    }
    const json = JSON.stringify({ custom_chat_fields: fields });
    const { timeoutMs = 30_000, intervalMs = 250, signal } = options;
    // A wait that is not 1 ms to 10 minutes (NaN, negative, huge) would never settle, or would spin. A value
    // that cannot be compared (a BigInt timer, a throwing valueOf) throws, and is caught below.
    if (!(isWait(timeoutMs) && isWait(intervalMs))) return failure('invalid_option', 'timeoutMs or intervalMs is not 1 to 600000.');
    const host = (options.window ?? globalThis) as ImichatHost;
    // The session driver polls for the global itself: the snippet embeds the same function, which must stay
    // self-contained, so core's waitFor cannot serve here.
    const outcome = await new Promise<ImichatSessionOutcome>((resolve) => {
      driveImichatWidget(host, json, { timeoutMs, intervalMs, signal }, resolve);
    });
    return toResult(outcome, Object.keys(fields), timeoutMs);
  } catch {
    // Reading the payload or the options threw (a getter, a proxy, toJSON, a BigInt): never into the page.
    return failure('not_plain_data', 'Not plain data.');
  }
}

const isWait = (milliseconds: number): boolean => milliseconds >= 1 && milliseconds <= 600_000;

/** Options of {@link applyWxccContext}: the translation's and the widget's. @public */
export interface ApplyWxccContextOptions extends WxccTranslateOptions, ApplyWxccOptions {}

/**
 * Translates a context with {@link translateWxccContext} and sends the custom chat fields with
 * {@link applyWxccPayload}, all without zod. A translation failure (an invalid field map, a context that is not
 * plain data, a warning under `strict`) is returned before the widget is touched; otherwise the result carries
 * the translation's warnings (fields without a custom chat field, …) followed by the widget's.
 *
 * @remarks
 * The context schema is not run here, by design: validate contexts that come from outside your code with
 * `parseVisitorContext` from `@visitor-context/core` (or translate them with the `.` entry) first.
 * @public
 */
export async function applyWxccContext(context: VisitorContext, options: ApplyWxccContextOptions = {}): Promise<Result<WxccApplied>> {
  const translated = translateWxccContext(context, options);
  if (!translated.ok) return translated;
  const applied = await applyWxccPayload(translated.value, options);
  return { ...applied, diagnostics: [...translated.diagnostics, ...applied.diagnostics] };
}

function toResult(outcome: ImichatSessionOutcome, fieldNames: string[], timeoutMs: number): Result<WxccApplied> {
  if (outcome.status === 'timeout') {
    return failure(
      'timeout',
      outcome.waitingFor === 'global'
        ? `window.imichatwidget did not appear within ${timeoutMs} ms: is the Live Chat snippet on the page?`
        : `The widget did not ${outcome.waitingFor === 'answer' ? 'answer' : 'fire imichat-widget:ready'} in time.`,
    );
  }
  if (outcome.status === 'superseded') return failure('not_applied', 'A newer payload was sent instead.');
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
          message: 'A conversation already started: only the next one gets this data.',
        },
      ]
    : [];
  return { ok: true, value: { method: outcome.method ?? 'init', fieldNames }, diagnostics };
}
