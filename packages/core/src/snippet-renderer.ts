import * as z from 'zod/mini';
import { Diagnostics, VisitorContextError, type Result } from './diagnostics.js';
import { describeError, neverThrow } from './never-throw.js';
import { parseAdapterOptions } from './adapter.js';
import { definedOptions, mergeOptionDefaults } from './option-defaults.js';
import type { VisitorContext } from './visitor-context-schema.js';

/**
 * Options a snippet renderer takes per call, over those it was created with: what changes per response.
 * @public
 */
export interface SnippetRenderOptions {
  /**
   * The response's CSP nonce, put on every `<script>` (a nonce must be new for every response); `undefined` keeps
   * the renderer's.
   */
  readonly nonce?: string | undefined;
}

/**
 * What a renderer's settings (its options once checked) hold at least: the nonce of its scripts, if any.
 * @public
 */
export interface SnippetSettings {
  /** The CSP nonce given when the renderer was made; a call's `nonce` replaces it. */
  readonly nonce?: string | undefined;
}

/**
 * The per-call options' schema, made on first use so that bundles without a snippet renderer leave zod's object
 * schema out. A nonce given as undefined (`{ nonce: response.locals.nonce }` on a page without one) falls back
 * to the renderer's.
 */
let renderOptionsSchema: z.ZodMiniType<SnippetRenderOptions> | undefined;
const snippetRenderOptionsSchema = (): z.ZodMiniType<SnippetRenderOptions> =>
  (renderOptionsSchema ??= z.strictObject({ nonce: z.optional(z.string()) }));

/**
 * A snippet renderer made once with its options (`create<Vendor>SnippetRenderer`): the options are checked and the
 * static part of the HTML is built when it is made; each `render` only translates and encodes the context.
 * @public
 */
export interface SnippetRenderer {
  /**
   * Renders the snippet for one context, with the translation's warnings carried over. Never throws: bad input is
   * a failed `Result`. `options.nonce` replaces the renderer's nonce for this call.
   */
  render(context: VisitorContext, options?: SnippetRenderOptions): Result<string>;
}

/**
 * What an adapter writes to get a snippet renderer from {@link defineSnippetRenderer}: three steps, the first two
 * run once per renderer.
 * @public
 */
export interface SnippetRendererDefinition<TOptions, TSettings extends SnippetSettings, TStatic> {
  /** The public name of the one-call function, used in `not_plain_data` messages (e.g. `renderComm100Snippet`). */
  readonly name: string;
  /** Checks the options and settles every default; reports problems to `diagnostics` and returns `undefined`. */
  prepare(options: TOptions, diagnostics: Diagnostics): TSettings | undefined;
  /**
   * Builds the part of the snippet that depends on the settings and the nonce only (library code, tags, encoded
   * configuration). May throw `VisitorContextError` for a refused URL or nonce.
   */
  buildStatic(settings: TSettings, nonce: string | undefined): TStatic;
  /**
   * Translates one context and renders the snippet: `staticPart()` returns the static part for this call's
   * nonce. Reports translation diagnostics to `diagnostics`; returns `undefined` on failure. May throw
   * `VisitorContextError` for refused HTML input.
   */
  render(settings: TSettings, context: VisitorContext, staticPart: () => TStatic, diagnostics: Diagnostics): string | undefined;
}

/**
 * The two forms of an adapter's snippet renderer, from one definition.
 * @public
 */
export interface DefinedSnippetRenderer<TOptions> {
  /**
   * Makes a renderer: options checked once, static part built once.
   * @throws `VisitorContextError` (`invalid_option`, `invalid_html_input`, `not_plain_data`) for options that
   * are invalid or cannot be read: a setup mistake, found at start-up.
   */
  create(options: TOptions): SnippetRenderer;
  /**
   * Checks the options and renders in one call: the same HTML and diagnostics as `create(options).render(context)`,
   * with option problems as a failed `Result`. Throws only what reading hostile input throws; wrap it with
   * {@link neverThrow} or the adapter's own guard.
   */
  renderOnce(context: VisitorContext, options: TOptions): Result<string>;
}

/**
 * Builds an adapter's snippet renderer from its {@link SnippetRendererDefinition}: the option checks, the
 * per-call nonce merged over the renderer's with {@link mergeOptionDefaults}, the caching of the static part,
 * and the turning of `VisitorContextError`s into diagnostics are written here once, for every adapter.
 * @public
 */
export function defineSnippetRenderer<TOptions, TSettings extends SnippetSettings, TStatic>(
  definition: SnippetRendererDefinition<TOptions, TSettings, TStatic>,
): DefinedSnippetRenderer<TOptions> {
  const renderWith = (settings: TSettings, context: VisitorContext, staticPart: () => TStatic, diagnostics: Diagnostics): Result<string> => {
    try {
      const html = definition.render(settings, context, staticPart, diagnostics);
      return html === undefined ? diagnostics.toFailure() : diagnostics.toResult(html);
    } catch (error) {
      if (!VisitorContextError.isInstance(error)) throw error;
      diagnostics.add(error.diagnostics);
      return diagnostics.toFailure();
    }
  };

  const create = (options: TOptions): SnippetRenderer => {
    const optionDiagnostics = new Diagnostics();
    let settings: TSettings | undefined;
    let built: TStatic;
    try {
      settings = definition.prepare(options, optionDiagnostics);
      if (settings === undefined) throw new VisitorContextError(optionDiagnostics.all);
      built = definition.buildStatic(settings, settings.nonce);
    } catch (error) {
      if (VisitorContextError.isInstance(error)) throw error;
      const diagnostics = new Diagnostics();
      diagnostics.error('not_plain_data', [], `The ${definition.name} options could not be used (${describeError(error)}). Pass a plain object of the documented options.`);
      throw new VisitorContextError(diagnostics.all);
    }
    const ready = settings;
    const defaults: SnippetRenderOptions = definedOptions({ nonce: ready.nonce });
    // The static part for the renderer's own nonce, and for the last other nonce asked for.
    let other: { nonce: string | undefined; built: TStatic } | undefined;
    const staticFor = (nonce: string | undefined): TStatic => {
      if (nonce === ready.nonce) return built;
      if (other === undefined || other.nonce !== nonce) other = { nonce, built: definition.buildStatic(ready, nonce) };
      return other.built;
    };
    const render = (context: VisitorContext, callOptions?: SnippetRenderOptions): Result<string> => {
      const callDiagnostics = new Diagnostics();
      const parsed = callOptions === undefined ? {} : parseAdapterOptions(snippetRenderOptionsSchema(), callOptions, callDiagnostics);
      if (parsed === undefined) return callDiagnostics.toFailure();
      const { nonce } = mergeOptionDefaults<SnippetRenderOptions>(defaults, parsed);
      return renderWith(ready, context, () => staticFor(nonce), callDiagnostics);
    };
    return { render: neverThrow(definition.name, render) };
  };

  // The one-call form's last static part: a server that calls it page after page with the same options (the usual
  // case) builds the tags and the checked script URL once. Settings are compared member by member (`Object.is`), so
  // any changed option, or any option object made anew per call, builds afresh.
  let last: { readonly settings: TSettings; readonly built: TStatic } | undefined;
  const renderOnce = (context: VisitorContext, options: TOptions): Result<string> => {
    const diagnostics = new Diagnostics();
    const settings = definition.prepare(options, diagnostics);
    if (settings === undefined) return diagnostics.toFailure();
    const staticPart = (): TStatic => {
      if (last !== undefined && sameMembers(last.settings, settings)) return last.built;
      const built = definition.buildStatic(settings, settings.nonce);
      last = { settings, built };
      return built;
    };
    return renderWith(settings, context, staticPart, diagnostics);
  };

  return { create, renderOnce };
}

/** Whether two settings objects have the same own keys, in the same order, with the same values (`Object.is`). */
function sameMembers(first: object, second: object): boolean {
  const keys = Object.keys(first);
  const others = Object.keys(second);
  if (keys.length !== others.length) return false;
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string;
    if (key !== others[index] || !Object.is((first as Record<string, unknown>)[key], (second as Record<string, unknown>)[key])) return false;
  }
  return true;
}
