import {
  Diagnostics,
  VisitorContextError,
  defineSnippetRenderer,
  inlineScriptTemplate,
  jsAssign,
  jsCall,
  neverThrow,
  parseAdapterOptions,
  renderInlineScript,
  renderScriptTag,
  toScriptJson,
  translateForRendering,
  type HtmlAttributes,
  type InlineScriptTemplate,
  type Result,
  type SnippetRenderer,
  type VisitorContext,
} from '@visitor-context/core';
import * as z from 'zod/mini';
import { GiosgVisitorSubmissionSchema, type GiosgVisitorSubmission } from './giosg-api.js';
import { giosgAdapter } from './giosg-adapter.js';
import { closeChatOnLogout } from './giosg-keys.js';
import { GiosgToVendorOptionsSchema, giosgServiceHost, type GiosgRenderOptions, type GiosgToVendorOptions } from './giosg-options.js';

/**
 * giosg's own tag defines `_giosg` as a queue until its script has loaded. The same definition, written so it
 * never replaces a `_giosg` that is already there (the queue, or giosg itself once loaded).
 */
/** A throw inside a render (a trapping proxy among the options) is reported as a bad option, never thrown. */
const invalidOption = { code: 'invalid_option' } as const;

const queueStub = 'var _giosg=_giosg||function(){(_giosg._e=_giosg._e||[]).push(arguments)};';

/**
 * Every option `renderGiosgSnippet` takes, checked as one object so that a misspelt key (`companyID`) is reported
 * with the nearest known one instead of as an unknown `toVendor` option.
 */
const GiosgSnippetOptionsSchema = z.extend(GiosgToVendorOptionsSchema, {
  nonce: z.exactOptional(z.string()),
  companyId: z.exactOptional(z.string()),
  scriptUrl: z.exactOptional(z.string()),
});

/**
 * Renders the HTML that submits a ready giosg submission (plain, or signed by `./server`):
 * `_giosg('visitor', 'submit', visitorData, signingAlgorithm, replaceExisting, rooms)`.
 *
 * @remarks
 * One inline script defines giosg's queue if the page's giosg tag has not yet, then queues the call; with
 * `companyId`, giosg's script is loaded too. All data is encoded with core's `toScriptJson`. Never throws.
 * @public
 */
export function renderGiosgSubmission(submission: GiosgVisitorSubmission, options: GiosgRenderOptions = {}): Result<string> {
  return renderSubmissionSafely(submission, options);
}

const renderSubmissionSafely = /* @__PURE__ */ neverThrow('renderGiosgSubmission', renderSubmission, invalidOption);

function renderSubmission(submission: GiosgVisitorSubmission, options: GiosgRenderOptions): Result<string> {
  const parsed = z.safeParse(GiosgVisitorSubmissionSchema, submission);
  if (!parsed.success) {
    const diagnostics = new Diagnostics();
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
      diagnostics.error('invalid_type', path, `Not a giosg submission: ${issue.message}. Use the value from toVendor or the signer.`);
    }
    return diagnostics.toFailure();
  }
  const { visitorData, signingAlgorithm, replaceExisting, rooms } = parsed.data;
  const args: unknown[] = ['visitor', 'submit', visitorData, signingAlgorithm, replaceExisting];
  if (rooms !== undefined) args.push(rooms);
  return render(() => jsCall('_giosg', ...args), options);
}

/** The snippet's options, checked once. */
interface GiosgSnippetSettings {
  readonly nonce: string | undefined;
  readonly companyId: string | undefined;
  readonly scriptUrl: string | undefined;
  /** The translation options, or undefined when there are none (the adapter's parsed "no options" are cached). */
  readonly translateOptions: GiosgToVendorOptions | undefined;
}

/** The submit script around the submission's arguments (without and with rooms), and the loader tag. */
interface GiosgStaticParts {
  readonly submit: InlineScriptTemplate;
  readonly submitWithRooms: InlineScriptTemplate;
  readonly loader: string;
}

const giosgSnippet = defineSnippetRenderer<GiosgRenderOptions & GiosgToVendorOptions, GiosgSnippetSettings, GiosgStaticParts>({
  name: 'renderGiosgSnippet',
  prepare(options, diagnostics) {
    const parsed = parseAdapterOptions(GiosgSnippetOptionsSchema, options, diagnostics);
    if (parsed === undefined) return undefined;
    const { nonce, companyId, scriptUrl, ...translateOptions } = parsed;
    return { nonce, companyId, scriptUrl, translateOptions: Object.keys(translateOptions).length === 0 ? undefined : translateOptions };
  },
  buildStatic({ companyId, scriptUrl }, nonce) {
    const diagnostics = new Diagnostics();
    const setup = scriptSetup(withoutUndefined({ nonce, companyId, scriptUrl }), diagnostics);
    if (setup === undefined) throw new VisitorContextError(diagnostics.all);
    // What jsCall('_giosg', 'visitor', 'submit', visitorData, signingAlgorithm, replaceExisting, rooms?) writes.
    const call = `${setup.code}_giosg(${toScriptJson('visitor')},${toScriptJson('submit')},`;
    return {
      submit: inlineScriptTemplate([call, ',', ',', ');'], setup.attributes),
      submitWithRooms: inlineScriptTemplate([call, ',', ',', ',', ');'], setup.attributes),
      loader: setup.loader,
    };
  },
  render(settings, context, staticPart, diagnostics) {
    const translated = translateForRendering(giosgAdapter, context, settings.translateOptions);
    diagnostics.add(translated.diagnostics);
    if (!translated.ok) return undefined;
    const { visitorData, signingAlgorithm, replaceExisting, rooms } = translated.value;
    const { submit, submitWithRooms, loader } = staticPart();
    const script =
      rooms === undefined
        ? submit.render(visitorData, signingAlgorithm, replaceExisting)
        : submitWithRooms.render(visitorData, signingAlgorithm, replaceExisting, rooms);
    return script + loader;
  },
});

/**
 * Translates a context with the giosg adapter and renders the snippet that submits it (plain, unsigned).
 * For tamper-proof data use `renderSignedGiosgSnippet` from `@visitor-context/giosg/server`. To render many
 * pages with the same options, make a renderer once with {@link createGiosgSnippetRenderer}. Never throws.
 * @public
 */
export function renderGiosgSnippet(
  context: VisitorContext,
  options: GiosgRenderOptions & GiosgToVendorOptions = {},
): Result<string> {
  return renderSnippetSafely(context, options);
}

const renderSnippetSafely = /* @__PURE__ */ neverThrow(
  'renderGiosgSnippet',
  (context: VisitorContext, options: GiosgRenderOptions & GiosgToVendorOptions) => giosgSnippet.renderOnce(context, options),
  invalidOption,
);

/**
 * Makes a giosg snippet renderer once, for a server that renders many pages with the same options: the options
 * are checked and the script around the submission is built here, so each `render(context, { nonce })` only
 * translates and encodes the context. Its output is exactly {@link renderGiosgSnippet}'s.
 *
 * @example
 * ```ts
 * const giosgSnippet = createGiosgSnippetRenderer({ companyId: '1234' });
 * const html = giosgSnippet.render(context, { nonce: response.locals.nonce });
 * ```
 * @throws `VisitorContextError` (`invalid_option`, `invalid_html_input`) for invalid options: a setup mistake.
 * @public
 */
export function createGiosgSnippetRenderer(options: GiosgRenderOptions & GiosgToVendorOptions = {}): SnippetRenderer {
  return giosgSnippet.create(options);
}

/** Options of {@link renderGiosgLogoutSnippet}. @public */
export interface GiosgLogoutOptions extends GiosgRenderOptions {
  /** Remove only these keys (`_giosg('visitor', 'remove', key)`); default: everything (`removeAll`). */
  readonly keys?: readonly string[];
  /**
   * Then also close the visitor's chats, hide the chat window and clear the conversation shown
   * (`_giosg('chat', 'close', { hide: true, clearHistory: true })`), for logouts on shared computers: removing
   * the data alone leaves the conversation on screen. Default false.
   */
  readonly closeChat?: boolean;
}

/**
 * Renders the HTML that removes the visitor's data from giosg when they log out:
 * `_giosg('visitor', 'removeAll')`, or `_giosg('visitor', 'remove', key)` per key; with `closeChat: true`, then
 * `_giosg('chat', 'close', { hide: true, clearHistory: true })`. Never throws.
 * @public
 */
export function renderGiosgLogoutSnippet(options: GiosgLogoutOptions = {}): Result<string> {
  return renderLogoutSafely(options);
}

const renderLogoutSafely = /* @__PURE__ */ neverThrow('renderGiosgLogoutSnippet', renderLogout, invalidOption);

function renderLogout(options: GiosgLogoutOptions): Result<string> {
  const { keys, closeChat, ...renderOptions } = options ?? {};
  const diagnostics = new Diagnostics();
  if (keys !== undefined && !(Array.isArray(keys) && keys.every((key) => typeof key === 'string'))) {
    diagnostics.error('invalid_option', ['keys'], 'keys must be a list of visitor data keys (strings); leave it out to remove everything.');
  }
  if (closeChat !== undefined && typeof closeChat !== 'boolean') diagnostics.error('invalid_option', ['closeChat'], 'closeChat must be true or false.');
  if (diagnostics.hasErrors) return diagnostics.toFailure();
  const removeCode = keys === undefined ? jsCall('_giosg', 'visitor', 'removeAll') : keys.map((key) => jsCall('_giosg', 'visitor', 'remove', key)).join('');
  return render(() => removeCode + (closeChat === true ? jsCall('_giosg', 'chat', 'close', closeChatOnLogout) : ''), renderOptions);
}

/** Every giosg script URL is checked by core's `checkScriptUrl` (inside `renderScriptTag`); none is written here. */
function render(callCode: () => string, options: GiosgRenderOptions): Result<string> {
  const diagnostics = new Diagnostics();
  const setup = scriptSetup(options, diagnostics);
  if (setup === undefined) return diagnostics.toFailure();
  return diagnostics.toResult(renderInlineScript(setup.code + callCode(), setup.attributes) + setup.loader);
}

/**
 * What every giosg script starts with, for checked render options: the queue stub (and, with `companyId`, the
 * company and host giosg's tag records on the queue for its script to read), the script's attributes and the
 * loader tag. Reports bad options and returns undefined.
 */
function scriptSetup(options: GiosgRenderOptions, diagnostics: Diagnostics): { code: string; attributes: HtmlAttributes; loader: string } | undefined {
  const { nonce, companyId, scriptUrl } = options;
  for (const [name, value] of Object.entries({ nonce, companyId, scriptUrl })) {
    if (value !== undefined && !isWellFormedText(value)) {
      diagnostics.error('invalid_option', [name], `${name} must be non-empty text without lone surrogates.`);
    }
  }
  if (diagnostics.hasErrors) return undefined;
  const attributes = nonce === undefined ? {} : { nonce };
  let code = queueStub;
  let loader = '';
  if (companyId !== undefined || scriptUrl !== undefined) {
    if (companyId !== undefined) code += jsAssign('_giosg._c', companyId) + jsAssign('_giosg._h', giosgServiceHost);
    const src = scriptUrl ?? `${giosgServiceHost}/live2/${encodeURIComponent(companyId as string)}`;
    loader = renderScriptTag(src, { async: true, ...attributes });
  }
  return { code, attributes, loader };
}

/** `encodeURIComponent` throws on a lone surrogate, and an empty or non-text value is a mistake. */
function isWellFormedText(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);
}

function withoutUndefined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as never;
}
