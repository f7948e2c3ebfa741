import {
  Diagnostics,
  VisitorContextError,
  jsAssign,
  renderInlineScript,
  renderScriptTag,
  type Result,
  type VisitorContext,
  parseAdapterOptions,
} from '@visitor-context/core';
import { defaultImsupportingScriptUrl, type ImsupportingFlowConfig } from './imsupporting-api.js';
import { imsupportingAdapter, type ImsupportingAdapter } from './create-imsupporting-adapter.js';
import { ImsupportingSnippetOptionsSchema, type ImsupportingSnippetOptions } from './imsupporting-options.js';

/**
 * Renders the Flow Widget embed for a visitor, server-side: translation plus HTML, with the translation's
 * warnings carried over.
 *
 * @remarks
 * `form: 'attribute'` (default) renders the loader tag with `data-siteid`, `data-mode` and
 * `data-visitor-context` (left out when there is nothing to send, as the vendor asks for anonymous visitors).
 * `form: 'config'` renders `window.imsFlowConfig = { siteid, mode, visitorContext }` in an inline script and
 * then the loader tag. Every value is encoded with core's encoders; `nonce` goes on every script tag.
 * Pass `adapter` to use one made with `createImsupportingAdapter`. Never throws: bad input or options, even
 * ones that throw when read, are diagnostics.
 * @public
 */
export function renderImsupportingSnippet(
  context: VisitorContext,
  options: ImsupportingSnippetOptions,
  adapter: ImsupportingAdapter = imsupportingAdapter,
): Result<string> {
  const diagnostics = new Diagnostics();
  try {
    if (typeof adapter !== 'object' || adapter === null || typeof (adapter as Partial<ImsupportingAdapter>).toVendor !== 'function') {
      diagnostics.error('invalid_option', ['adapter'], 'adapter must be an IMSupporting adapter, e.g. one made by createImsupportingAdapter.');
      return diagnostics.toFailure();
    }
    return render(context, options, adapter, diagnostics);
  } catch (error) {
    diagnostics.error('not_plain_data', [], `The context or options could not be read (reading them threw: ${describeError(error)}). Pass plain data.`);
    return diagnostics.toFailure();
  }
}

function render(context: VisitorContext, options: ImsupportingSnippetOptions, adapter: ImsupportingAdapter, diagnostics: Diagnostics): Result<string> {
  const parsedOptions = parseAdapterOptions(ImsupportingSnippetOptionsSchema, options, diagnostics);
  if (parsedOptions === undefined) return diagnostics.toFailure();
  const { siteId, mode = 'popover', form = 'attribute', scriptUrl = defaultImsupportingScriptUrl, nonce, ...translateOptions } =
    parsedOptions;
  const translated = adapter.toVendor(context, translateOptions);
  diagnostics.add(translated.diagnostics);
  if (!translated.ok) return diagnostics.toFailure();
  const visitorContext = Object.keys(translated.value).length > 0 ? translated.value : undefined;
  try {
    if (form === 'attribute') {
      return diagnostics.toResult(
        renderScriptTag(scriptUrl, {
          'data-siteid': siteId,
          'data-mode': mode,
          // renderScriptTag entity-escapes attribute values, so the browser's attribute value is exactly this JSON.
          'data-visitor-context': visitorContext === undefined ? undefined : JSON.stringify(visitorContext),
          nonce,
        }),
      );
    }
    const config: ImsupportingFlowConfig = { siteid: siteId, mode, ...(visitorContext === undefined ? {} : { visitorContext }) };
    return diagnostics.toResult(
      renderInlineScript(jsAssign('window.imsFlowConfig', config), { nonce }) + renderScriptTag(scriptUrl, { nonce }),
    );
  } catch (error) {
    // Only a bad scriptUrl or nonce can get here; the translated data is always plain strings.
    if (VisitorContextError.isInstance(error)) diagnostics.add(error.diagnostics);
    else diagnostics.error('invalid_html_input', [], `The snippet could not be rendered: ${describeError(error)}.`);
    return diagnostics.toFailure();
  }
}

function describeError(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'unknown error';
  }
}
