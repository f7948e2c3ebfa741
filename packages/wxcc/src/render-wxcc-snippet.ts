import {
  Diagnostics,
  VisitorContextError,
  jsAssign,
  renderElement,
  renderInlineScript,
  renderScriptTag,
  type Result,
  type VisitorContext,
  neverThrow,
  parseAdapterOptions,
} from '@visitor-context/core';
import { driveImichatWidget } from './imichat-session.js';
import { createWxccAdapter, wxccAdapter } from './wxcc-adapter.js';
import { WxccSnippetOptionsSchema, defaultWxccScriptUrl, type WxccSnippetOptions } from './wxcc-options.js';

/** The event the snippet dispatches on `window` with its {@link ImichatSessionOutcome} as `detail`. @public */
export const wxccSnippetEvent = 'visitor-context:wxcc';

/**
 * The snippet's code around the data: the session driver (which waits for the `imichatwidget` global, checked
 * at once and then every `intervalMs`), and a report that announces the outcome as a DOM event. Only the
 * `settings` assignment carries data, and it is encoded by core's `jsAssign`.
 */
const bootstrapBefore = `(function(){var drive=(${driveImichatWidget.toString()});var settings;`;
const bootstrapAfter =
  'function report(outcome){try{window.dispatchEvent(new CustomEvent(' +
  JSON.stringify(wxccSnippetEvent) +
  ',{detail:outcome}));}catch(error){}}' +
  'drive(window,settings.json,settings,report);})();';

/**
 * Renders the server-side snippet that hands a context's custom chat fields to the Live Chat widget: an inline
 * script (with the data encoded safely and an optional CSP `nonce`) that waits for `imichatwidget`, registers
 * for `imichat-widget:ready` without replacing the page's handler, calls `init` with its mandatory callback
 * (or `update` after an earlier call), and dispatches `visitor-context:wxcc` on `window` with the outcome.
 * With the `widget` option it also renders the widget's own `#divicw` mount and loader script.
 * Never throws: translation warnings are carried over, invalid input is a failure.
 * @public
 */
export const renderWxccSnippet: (context: VisitorContext, options?: WxccSnippetOptions) => Result<string> = neverThrow('renderWxccSnippet', renderSnippet);

function renderSnippet(context: VisitorContext, options: WxccSnippetOptions = {}): Result<string> {
  const diagnostics = new Diagnostics();
  const parsedOptions = parseAdapterOptions(WxccSnippetOptionsSchema, options, diagnostics);
  if (parsedOptions === undefined) return diagnostics.toFailure();
  const settings = parsedOptions;
  const adapter = settings.fields === undefined ? wxccAdapter : createWxccAdapter({ fields: settings.fields });
  const translated = adapter.toVendor(context, settings.strict === undefined ? {} : { strict: settings.strict });
  diagnostics.add(translated.diagnostics);
  if (!translated.ok) return diagnostics.toFailure();

  try {
    const nonce = settings.nonce === undefined ? {} : { nonce: settings.nonce };
    const data = {
      json: JSON.stringify(translated.value),
      intervalMs: settings.intervalMs ?? 250,
      timeoutMs: settings.timeoutMs ?? 30_000,
    };
    let html = '';
    if (settings.widget !== undefined) {
      html += renderElement('div', {
        id: 'divicw',
        'data-bind': settings.widget.bindId,
        'data-org': settings.widget.org ?? '',
        'data-guid': settings.widget.guid,
      });
      html += renderScriptTag(settings.widget.scriptUrl ?? defaultWxccScriptUrl, nonce);
    }
    html += renderInlineScript(bootstrapBefore + jsAssign('settings', data) + bootstrapAfter, nonce);
    return diagnostics.toResult(html);
  } catch (error) {
    if (VisitorContextError.isInstance(error)) diagnostics.add(error.diagnostics);
    else diagnostics.error('adapter_failed', [], `Rendering the wxcc snippet failed: ${String(error)}. Please report this as a bug.`);
    return diagnostics.toFailure();
  }
}
