import {
  defineSnippetRenderer,
  inlineScriptTemplate,
  neverThrow,
  parseAdapterOptions,
  renderElement,
  renderScriptTag,
  toScriptJson,
  translateForRendering,
  type InlineScriptTemplate,
  type Result,
  type SnippetRenderer,
  type VisitorContext,
} from '@visitor-context/core';
import { driveImichatWidget } from './imichat-session.js';
import { createWxccAdapter, wxccAdapter, type WxccAdapter } from './wxcc-adapter.js';
import { WxccSnippetOptionsSchema, defaultWxccScriptUrl, type WxccSnippetOptions } from './wxcc-options.js';

/** The event the snippet dispatches on `window` with its {@link ImichatSessionOutcome} as `detail`. @public */
export const wxccSnippetEvent = 'visitor-context:wxcc';

/**
 * The snippet's code around the data: the session driver (which waits for the `imichatwidget` global, checked
 * at once and then every `intervalMs`), and a report that announces the outcome as a DOM event. Only the
 * `settings` assignment carries data, and every value in it is encoded by core's `toScriptJson`.
 */
const bootstrapBefore = `(function(){var drive=(${driveImichatWidget.toString()});var settings;`;
const bootstrapAfter =
  'function report(outcome){try{window.dispatchEvent(new CustomEvent(' +
  JSON.stringify(wxccSnippetEvent) +
  ',{detail:outcome}));}catch(error){}}' +
  'drive(window,settings.json,settings,report);})();';

/** The options, checked once, with the adapter for their field map made once. */
interface WxccSnippetSettings {
  readonly nonce: string | undefined;
  readonly adapter: WxccAdapter;
  readonly strict: boolean | undefined;
  readonly intervalMs: number;
  readonly timeoutMs: number;
  readonly widget: WxccSnippetOptions['widget'];
}

/** The widget's installation tags (or nothing), and the session script around the payload's JSON text. */
interface WxccStaticParts {
  readonly widget: string;
  readonly script: InlineScriptTemplate;
}

const wxccSnippet = defineSnippetRenderer<WxccSnippetOptions, WxccSnippetSettings, WxccStaticParts>({
  name: 'renderWxccSnippet',
  prepare(options, diagnostics) {
    const settings = parseAdapterOptions(WxccSnippetOptionsSchema, options, diagnostics);
    if (settings === undefined) return undefined;
    return {
      nonce: settings.nonce,
      adapter: settings.fields === undefined ? wxccAdapter : createWxccAdapter({ fields: settings.fields }),
      strict: settings.strict,
      intervalMs: settings.intervalMs ?? 250,
      timeoutMs: settings.timeoutMs ?? 30_000,
      widget: settings.widget,
    };
  },
  buildStatic({ widget, intervalMs, timeoutMs }, nonce) {
    const attributes = nonce === undefined ? {} : { nonce };
    let widgetTags = '';
    if (widget !== undefined) {
      widgetTags += renderElement('div', { id: 'divicw', 'data-bind': widget.bindId, 'data-org': widget.org ?? '', 'data-guid': widget.guid });
      widgetTags += renderScriptTag(widget.scriptUrl ?? defaultWxccScriptUrl, attributes);
    }
    // What jsAssign('settings', { json, intervalMs, timeoutMs }) writes, with the JSON text as the one value.
    const timing = toScriptJson({ intervalMs, timeoutMs });
    const parts = [`${bootstrapBefore}settings={${toScriptJson('json')}:`, `,${timing.slice(1)};${bootstrapAfter}`];
    return { widget: widgetTags, script: inlineScriptTemplate(parts, attributes) };
  },
  render(settings, context, staticPart, diagnostics) {
    const translated = translateForRendering(settings.adapter, context, settings.strict === undefined ? undefined : { strict: settings.strict });
    diagnostics.add(translated.diagnostics);
    if (!translated.ok) return undefined;
    const { widget, script } = staticPart();
    return widget + script.render(JSON.stringify(translated.value));
  },
});

/**
 * Renders the server-side snippet that hands a context's custom chat fields to the Live Chat widget: an inline
 * script (with the data encoded safely and an optional CSP `nonce`) that waits for `imichatwidget`, registers
 * for `imichat-widget:ready` without replacing the page's handler, calls `init` with its mandatory callback
 * (or `update` after an earlier call), and dispatches `visitor-context:wxcc` on `window` with the outcome.
 * With the `widget` option it also renders the widget's own `#divicw` mount and loader script. To render many
 * pages with the same options, make a renderer once with {@link createWxccSnippetRenderer}.
 * Never throws: translation warnings are carried over, invalid input is a failure.
 * @public
 */
export const renderWxccSnippet: (context: VisitorContext, options?: WxccSnippetOptions) => Result<string> = neverThrow(
  'renderWxccSnippet',
  (context: VisitorContext, options: WxccSnippetOptions = {}) => wxccSnippet.renderOnce(context, options),
);

/**
 * Makes a Live Chat snippet renderer once, for a server that renders many pages with the same options: the
 * options are checked, the adapter for `fields` is made and the session script around the data is built here,
 * so each `render(context, { nonce })` only translates and encodes the context. Its output is exactly
 * {@link renderWxccSnippet}'s.
 *
 * @example
 * ```ts
 * const wxccSnippet = createWxccSnippetRenderer({ fields: { 'visitor.name': 'name', 'attributes.plan': 'Plan' } });
 * const html = wxccSnippet.render(context, { nonce: response.locals.nonce });
 * ```
 * @throws `VisitorContextError` (`invalid_option`, `invalid_html_input`) for invalid options: a setup mistake.
 * @public
 */
export function createWxccSnippetRenderer(options: WxccSnippetOptions = {}): SnippetRenderer {
  return wxccSnippet.create(options);
}
