import type { Diagnostic, Result } from '@visitor-context/core';
import type { ApplyComm100Options } from './apply-comm100-payload.js';
import type { Comm100PrechatFieldType } from './comm100-api.js';
import { badDelay, callComm100, describeError, failure, readyComm100Api, readyTimeout, type Comm100Global } from './comm100-widget.js';

/** Options of {@link clearComm100VisitorData}: what to blank, and the runtime's options. @public */
export interface ClearComm100VisitorDataOptions extends ApplyComm100Options {
  /**
   * The custom variable names to blank: every one the page may have set, usually all those defined in the
   * Control Panel. Required, because Comm100's Visitor-side API has no call that lists or removes them.
   */
  readonly customVariables: readonly string[];
  /** The pre-chat field types to blank. Default: the four the adapter fills (`name`, `email`, `phone`, `company`). */
  readonly prechatFields?: readonly Comm100PrechatFieldType[];
}

/** What was blanked in the Comm100 widget. @public */
export interface Comm100ClearReport {
  /** The custom variable names set to the empty string (Comm100 keeps only the defined ones). */
  readonly customVariables: readonly string[];
  /** The pre-chat field types whose fields were emptied; a type the form does not have holds nothing to empty. */
  readonly prechatFields: readonly Comm100PrechatFieldType[];
}

/*
 * A local copy of `comm100PrechatFieldTypes`: that constant lives next to the zod schemas, and importing it
 * would pull the schema library into the page.
 */
const adapterPrechatFieldTypes: readonly Comm100PrechatFieldType[] = ['name', 'email', 'phone', 'company'];

/**
 * Blanks the visitor data a page handed to the live Comm100 widget, e.g. on logout in a single-page app: sets
 * each named custom variable to the empty string (`livechat.customVariables`) and empties the pre-chat form's
 * fields of the given types (`livechat.prechat.fields`), after waiting for `Comm100API.onReady` like
 * {@link applyComm100Payload}. Never throws into the page.
 *
 * @remarks
 * Comm100's Visitor-side JavaScript API documents setting values only: no call removes a custom variable or
 * resets the form, and an `undefined` value is skipped, so the empty string is the documented way to blank
 * one. What it cannot clear: whatever Comm100 already received (chats started before, their history and
 * transcripts, offline messages, and webhooks already sent keep the values they carried); the Comm100
 * visitor itself (`livechat.visitor.guid` stays the same, so later chats on this browser are the same
 * visitor's); `livechat.prechat.isSkip` once set (Comm100 documents only setting it to `true`); pre-chat
 * fields of other types, such as custom text fields the visitor typed into; custom variables not named; and
 * Comm100's pop-up chat window, which code on the page does not reach.
 *
 * Resolves with what was blanked. A pre-chat form Comm100 does not return (say for another `campaignId`) is a
 * `not_applied` warning, since its fields may still hold values. Errors: `timeout` (the widget did not become
 * ready in time; nothing was blanked), `vendor_error` (a Comm100 call threw), `invalid_type` (the names or
 * types are not lists of strings), `invalid_option` (a
 * `timeoutMs` or `intervalMs` no timer can keep).
 * @public
 */
export async function clearComm100VisitorData(options: ClearComm100VisitorDataOptions): Promise<Result<Comm100ClearReport>> {
  try {
    const { customVariables, prechatFields = adapterPrechatFieldTypes } = options ?? ({} as Partial<ClearComm100VisitorDataOptions>);
    if (!isTextList(customVariables) || !isTextList(prechatFields)) {
      return failure('invalid_type', 'Pass customVariables (the custom variable names to blank) and, if given, prechatFields (pre-chat field types) as lists of strings.');
    }
    const refused = badDelay(options);
    if (refused !== undefined) return refused;
    const api = await readyComm100Api(options);
    if (api === undefined) return readyTimeout(options);
    return clear(api, customVariables, prechatFields, options.campaignId);
  } catch (error) {
    return failure('vendor_error', `Comm100 failed: ${describeError(error)}`);
  }
}

const isTextList = (value: unknown): value is readonly string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

function clear(
  api: Comm100Global,
  names: readonly string[],
  types: readonly Comm100PrechatFieldType[],
  campaignId: string | number | undefined,
): Result<Comm100ClearReport> {
  const warnings: Diagnostic[] = [];
  const campaign = campaignId === undefined ? [] : [campaignId];
  try {
    if (names.length > 0) callComm100(api, 'set', 'livechat.customVariables', names.map((name) => ({ name, value: '' })));
    const emptied = new Set<unknown>();
    if (types.length > 0) {
      const fields = callComm100(api, 'get', 'livechat.prechat.fields', ...campaign);
      if (Array.isArray(fields)) {
        // Every field of a type, not just the first (which is all the apply path fills): a form with two
        // name fields could hold the visitor's name in either.
        for (const field of fields as { type?: unknown; value?: unknown }[]) {
          if (typeof field !== 'object' || field === null || !types.includes(field.type as Comm100PrechatFieldType)) continue;
          field.value = '';
          emptied.add(field.type);
        }
        if (emptied.size > 0) callComm100(api, 'set', 'livechat.prechat.fields', fields, ...campaign);
      } else {
        warnings.push({
          code: 'not_applied',
          severity: 'warning',
          path: ['prechatFields'],
          message: `Comm100 returned no pre-chat form${campaignId === undefined ? '' : ` for campaign ${campaignId}`}, so no pre-chat field was blanked. Pass the campaignId of the form the page filled.`,
        });
      }
    }
    return { ok: true, value: { customVariables: [...names], prechatFields: types.filter((type) => emptied.has(type)) }, diagnostics: warnings };
  } catch (error) {
    return failure('vendor_error', `Comm100API refused to blank the visitor's data: ${describeError(error)}`, warnings);
  }
}
