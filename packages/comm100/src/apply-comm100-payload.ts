import type { Diagnostic, Result } from '@visitor-context/core';
import type { Comm100Payload, Comm100PrechatFieldType } from './comm100-api.js';
import { badDelay, callComm100, describeError, failure, readyComm100Api, readyTimeout, type Comm100Global } from './comm100-widget.js';

/** Options of {@link applyComm100Payload}. @public */
export interface ApplyComm100Options {
  /** The window holding `Comm100API`; default `globalThis`. */
  readonly window?: object;
  /** Give up waiting for `Comm100API.onReady` after this many milliseconds. Default 10,000. */
  readonly timeoutMs?: number;
  /** How often to check whether the widget became ready another way. Default 100. */
  readonly intervalMs?: number;
  /** The campaign whose pre-chat form to fill, when the page has several. */
  readonly campaignId?: string | number;
  /** Stops waiting; the result is then a `timeout` error. */
  readonly signal?: AbortSignal;
}

/** What reached the Comm100 widget. @public */
export interface Comm100ApplyReport {
  /** The custom variable names handed to `livechat.customVariables` (Comm100 keeps only the defined ones). */
  readonly customVariables: readonly string[];
  /** The pre-chat field types that were filled. */
  readonly prechatFields: readonly Comm100PrechatFieldType[];
  /** Whether `livechat.prechat.isSkip` was set. */
  readonly skipPrechat: boolean;
}

/**
 * Delivers an already translated payload to the live Comm100 widget: waits for `Comm100API.onReady` (or
 * applies at once when the widget is already running), then sets the custom variables, fills the pre-chat
 * fields by type and, if asked, sets `livechat.prechat.isSkip`. Never throws into the page.
 *
 * @remarks
 * Resolves with what was applied; a pre-chat field type the form does not have is a `not_applied` warning.
 * Errors: `timeout` (the widget did not become ready in time), `vendor_error` (a Comm100 call threw),
 * `invalid_type` (the payload is not a Comm100 payload), `invalid_option` (a `timeoutMs` or `intervalMs` no timer
 * can keep, such as `NaN` or `Infinity`). An `onReady` assigned earlier is still called; one
 * assigned later by the page replaces this hook, which the runtime then detects by polling.
 * @public
 */
export async function applyComm100Payload(payload: Comm100Payload, options: ApplyComm100Options = {}): Promise<Result<Comm100ApplyReport>> {
  try {
    if (!isPayload(payload)) return failure('invalid_type', 'The payload is not a Comm100 payload; translate the context with comm100Adapter.toVendor first.');
    const refused = badDelay(options);
    if (refused !== undefined) return refused;
    const api = await readyComm100Api(options);
    if (api === undefined) return readyTimeout(options);
    return apply(api, payload, options.campaignId);
  } catch (error) {
    return failure('vendor_error', `Comm100 failed: ${describeError(error)}`);
  }
}

function isPayload(payload: Comm100Payload): boolean {
  return (
    typeof payload === 'object' &&
    payload !== null &&
    Array.isArray(payload.customVariables) &&
    Array.isArray(payload.prechatFields) &&
    typeof payload.skipPrechat === 'boolean'
  );
}

function apply(api: Comm100Global, payload: Comm100Payload, campaignId: string | number | undefined): Result<Comm100ApplyReport> {
  const warnings: Diagnostic[] = [];
  const campaign = campaignId === undefined ? [] : [campaignId];
  const call = (method: 'get' | 'set', ...args: [string, ...unknown[]]): unknown => callComm100(api, method, ...args);
  try {
    if (payload.customVariables.length > 0) {
      call('set', 'livechat.customVariables', payload.customVariables.map(({ name, value }) => ({ name, value })));
    }
    const filled: Comm100PrechatFieldType[] = [];
    if (payload.prechatFields.length > 0) {
      const fields = call('get', 'livechat.prechat.fields', ...campaign);
      const form = Array.isArray(fields) ? (fields as { type?: unknown; value?: unknown }[]) : [];
      for (const { type, value } of payload.prechatFields) {
        const field = form.find((item) => typeof item === 'object' && item !== null && item.type === type);
        if (field === undefined) {
          warnings.push({
            code: 'not_applied',
            severity: 'warning',
            path: ['prechatFields', type],
            message: `The pre-chat form has no ${type} field, so the visitor's ${type} was not filled in. Add the field to the campaign's pre-chat form.`,
          });
          continue;
        }
        field.value = value;
        filled.push(type);
      }
      if (filled.length > 0) call('set', 'livechat.prechat.fields', form, ...campaign);
    }
    if (payload.skipPrechat) call('set', 'livechat.prechat.isSkip', true);
    return {
      ok: true,
      value: { customVariables: payload.customVariables.map((item) => item.name), prechatFields: filled, skipPrechat: payload.skipPrechat },
      diagnostics: warnings,
    };
  } catch (error) {
    return failure('vendor_error', `Comm100API refused the data: ${describeError(error)}`, warnings);
  }
}
