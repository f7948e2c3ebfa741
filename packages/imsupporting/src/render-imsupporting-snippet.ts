import {
  Diagnostics,
  checkScriptUrl,
  defineSnippetRenderer,
  definedOptions,
  inlineScriptTemplate,
  parseAdapterOptions,
  renderAttributes,
  renderScriptTag,
  toJsonText,
  toScriptJson,
  translateForRendering,
  type InlineScriptTemplate,
  type Result,
  type SnippetRenderer,
  type VisitorContext,
} from '@visitor-context/core';
import { defaultImsupportingScriptUrl, type ImsupportingFlowConfig, type ImsupportingVisitorContext } from './imsupporting-api.js';
import { imsupportingAdapter, type ImsupportingAdapter } from './create-imsupporting-adapter.js';
import {
  ImsupportingSnippetOptionsSchema,
  type ImsupportingSnippetOptions,
  type ImsupportingToVendorOptions,
} from './imsupporting-options.js';

/** What a renderer is made from: the options, and the adapter that translates. */
interface ImsupportingRendererInput {
  readonly options: ImsupportingSnippetOptions;
  readonly adapter: ImsupportingAdapter;
}

/** The options, checked once, with every default settled. */
interface ImsupportingSnippetSettings {
  readonly nonce: string | undefined;
  readonly adapter: ImsupportingAdapter;
  readonly siteId: string;
  readonly mode: string;
  readonly form: 'attribute' | 'config';
  readonly scriptUrl: string;
  /** The translation options, or undefined when there are none (the adapter's parsed "no options" are cached). */
  readonly translateOptions: ImsupportingToVendorOptions | undefined;
}

/**
 * The embed around the visitor context. `attribute`: the loader tag's start (up to `data-mode`) and end (the
 * nonce), with `data-visitor-context` between them per call. `config`: the config script with and without a
 * visitor context, and the loader tag.
 */
type ImsupportingStaticParts =
  | { readonly form: 'attribute'; readonly start: string; readonly end: string }
  | { readonly form: 'config'; readonly withContext: InlineScriptTemplate; readonly withoutContext: string; readonly loader: string };

const imsupportingSnippet = defineSnippetRenderer<ImsupportingRendererInput, ImsupportingSnippetSettings, ImsupportingStaticParts>({
  name: 'renderImsupportingSnippet',
  prepare({ options, adapter }, diagnostics) {
    if (typeof adapter !== 'object' || adapter === null || typeof (adapter as Partial<ImsupportingAdapter>).toVendor !== 'function') {
      diagnostics.error('invalid_option', ['adapter'], 'adapter must be an IMSupporting adapter, e.g. one made by createImsupportingAdapter.');
      return undefined;
    }
    const parsedOptions = parseAdapterOptions(ImsupportingSnippetOptionsSchema, options, diagnostics);
    if (parsedOptions === undefined) return undefined;
    const { siteId, mode = 'popover', form = 'attribute', scriptUrl = defaultImsupportingScriptUrl, nonce, ...translateOptions } = parsedOptions;
    const given = definedOptions(translateOptions);
    return { nonce, adapter, siteId, mode, form, scriptUrl, translateOptions: Object.keys(given).length === 0 ? undefined : given };
  },
  buildStatic({ siteId, mode, form, scriptUrl }, nonce) {
    if (form === 'attribute') {
      // What renderScriptTag(scriptUrl, { 'data-siteid', 'data-mode', 'data-visitor-context', nonce }) writes.
      const start = `<script${renderAttributes({ src: checkScriptUrl(scriptUrl), 'data-siteid': siteId, 'data-mode': mode })}`;
      return { form, start, end: `${renderAttributes({ nonce })}></script>` };
    }
    // What jsAssign('window.imsFlowConfig', { siteid, mode, visitorContext? }) writes.
    const config = toScriptJson({ siteid: siteId, mode } satisfies ImsupportingFlowConfig);
    const withoutContext = inlineScriptTemplate([`window.imsFlowConfig=${config};`], { nonce }).render();
    const withContext = inlineScriptTemplate([`window.imsFlowConfig=${config.slice(0, -1)},${toScriptJson('visitorContext')}:`, '};'], { nonce });
    return { form, withContext, withoutContext, loader: renderScriptTag(scriptUrl, { nonce }) };
  },
  render(settings, context, staticPart, diagnostics) {
    const translated = translateForRendering(settings.adapter, context, settings.translateOptions);
    diagnostics.add(translated.diagnostics);
    if (!translated.ok) return undefined;
    // Left out when there is nothing to send, as the vendor asks for anonymous visitors.
    const visitorContext: ImsupportingVisitorContext | undefined = Object.keys(translated.value).length > 0 ? translated.value : undefined;
    const parts = staticPart();
    if (parts.form === 'attribute') {
      // renderAttributes entity-escapes attribute values, so the browser's attribute value is exactly this JSON.
      const data = visitorContext === undefined ? '' : renderAttributes({ 'data-visitor-context': toJsonText(visitorContext) });
      return parts.start + data + parts.end;
    }
    return (visitorContext === undefined ? parts.withoutContext : parts.withContext.render(visitorContext)) + parts.loader;
  },
});

/**
 * Renders the Flow Widget embed for a visitor, server-side: translation plus HTML, with the translation's
 * warnings carried over.
 *
 * @remarks
 * `form: 'attribute'` (default) renders the loader tag with `data-siteid`, `data-mode` and
 * `data-visitor-context` (left out when there is nothing to send, as the vendor asks for anonymous visitors).
 * `form: 'config'` renders `window.imsFlowConfig = { siteid, mode, visitorContext }` in an inline script and
 * then the loader tag. Every value is encoded with core's encoders; `nonce` goes on every script tag.
 * Pass `adapter` to use one made with `createImsupportingAdapter`. To render many pages with the same
 * options, make a renderer once with {@link createImsupportingSnippetRenderer}. Never throws: bad input or
 * options, even ones that throw when read, are diagnostics.
 * @public
 */
export function renderImsupportingSnippet(
  context: VisitorContext,
  options: ImsupportingSnippetOptions,
  adapter: ImsupportingAdapter = imsupportingAdapter,
): Result<string> {
  try {
    return imsupportingSnippet.renderOnce(context, { options, adapter });
  } catch (error) {
    const diagnostics = new Diagnostics();
    diagnostics.error('not_plain_data', [], `The context or options could not be read (reading them threw: ${describeError(error)}). Pass plain data.`);
    return diagnostics.toFailure();
  }
}

/**
 * Makes a Flow Widget embed renderer once, for a server that renders many pages with the same options: the
 * options are checked and the embed around the visitor context is built here, so each
 * `render(context, { nonce })` only translates and encodes the context. Its output is exactly
 * {@link renderImsupportingSnippet}'s.
 *
 * @example
 * ```ts
 * const imsupportingSnippet = createImsupportingSnippetRenderer({ siteId: 'YOUR_SITEID' });
 * const html = imsupportingSnippet.render(context, { nonce: response.locals.nonce });
 * ```
 * @throws `VisitorContextError` (`invalid_option`, `invalid_html_input`) for invalid options or adapter: a setup mistake.
 * @public
 */
export function createImsupportingSnippetRenderer(
  options: ImsupportingSnippetOptions,
  adapter: ImsupportingAdapter = imsupportingAdapter,
): SnippetRenderer {
  return imsupportingSnippet.create({ options, adapter });
}

function describeError(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'unknown error';
  }
}
