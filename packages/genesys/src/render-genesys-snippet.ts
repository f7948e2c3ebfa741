import {
  Diagnostics,
  VisitorContextError,
  defineSnippetRenderer,
  definedOptions,
  inlineScriptTemplate,
  jsAssign,
  neverThrow,
  parseAdapterOptions,
  renderScriptTag,
  toScriptJson,
  translateForRendering,
  type HtmlAttributes,
  type InlineScriptTemplate,
  type Result,
  type SnippetRenderer,
  type VisitorContext,
} from '@visitor-context/core';
import type { GenesysChannel, GenesysPayload } from './genesys-api.js';
import { genesysAdapter } from './genesys-adapter.js';
import { defaultGenesysChannel } from './resolve-genesys-options.js';
import {
  GenesysSnippetOptionsSchema,
  defaultGenesysMessengerScriptUrl,
  defaultGenesysWebChatScriptUrl,
  type GenesysSnippetOptions,
  type GenesysToVendorOptions,
} from './genesys-options.js';

/** The id of the JSON data block rendered for channels without a widget. @public */
export const defaultGenesysDataElementId = 'genesys-visitor-context';

/**
 * The Messenger's own queue stub (what Genesys' deployment snippet does): calls made before the bootstrap
 * script has loaded are queued in `Genesys.q` and replayed by it. A library constant: no data in it.
 */
const messengerQueueStub =
  '(function(g){g._genesysJs="Genesys";g.Genesys=g.Genesys||function(){(g.Genesys.q=g.Genesys.q||[]).push(arguments)};g.Genesys.t=1*new Date();})(window);';

/** The options, checked once: the translation options apart, the render options as given. */
interface GenesysSnippetSettings {
  readonly nonce: string | undefined;
  readonly channel: GenesysChannel;
  readonly render: GenesysSnippetOptions;
  /** The translation options, or undefined when there are none (the adapter's parsed "no options" are cached). */
  readonly translateOptions: GenesysToVendorOptions | undefined;
}

/** The code around the payload for the renderer's channel: a template whose values are parts of the payload. */
type GenesysStaticParts =
  | { readonly channel: 'messenger'; readonly before: string; readonly script: InlineScriptTemplate; readonly after: string }
  | { readonly channel: 'web-chat'; readonly before: string; readonly script: InlineScriptTemplate; readonly after: string }
  | { readonly channel: 'widgets'; readonly script: InlineScriptTemplate }
  | { readonly channel: 'data'; readonly script: InlineScriptTemplate };

const genesysSnippet = defineSnippetRenderer<GenesysSnippetOptions, GenesysSnippetSettings, GenesysStaticParts>({
  name: 'renderGenesysSnippet',
  prepare(options, diagnostics) {
    const settings = parseAdapterOptions(GenesysSnippetOptionsSchema, options, diagnostics);
    if (settings === undefined) return undefined;
    const translate = definedOptions(translateOptions(settings));
    return {
      nonce: settings.nonce,
      channel: settings.channel ?? defaultGenesysChannel,
      render: settings,
      translateOptions: Object.keys(translate).length === 0 ? undefined : translate,
    };
  },
  buildStatic({ channel, render: settings }, nonce) {
    const scriptAttributes = nonce === undefined ? {} : { nonce };
    switch (channel) {
      case 'messenger':
        return messengerParts(settings, scriptAttributes);
      case 'web-chat':
        return webChatParts(settings, scriptAttributes);
      case 'widgets':
        return widgetsParts(settings, scriptAttributes);
      default:
        return {
          channel: 'data',
          // What renderJsonScript renders, with the payload as the one value.
          script: inlineScriptTemplate(['', ''], { type: 'application/json', id: settings.dataElementId ?? defaultGenesysDataElementId, ...scriptAttributes }),
        };
    }
  },
  render(settings, context, staticPart, diagnostics) {
    const translated = translateForRendering(genesysAdapter, context, settings.translateOptions);
    diagnostics.add(translated.diagnostics);
    if (!translated.ok) return undefined;
    return renderPayload(translated.value, staticPart());
  },
});

/**
 * Renders the server-side HTML that delivers a context to Genesys Cloud on the chosen channel:
 * - `messenger`: the Messenger queue stub and deployment config, a `Database.set`/`Database.update` command
 *   issued on `Database.ready`, then the bootstrap script (leave it out with `includeLoader: false`);
 * - `web-chat`: the `jsapi-v1.js` script and `ININ.webchat.create(chatConfig)` with the context in `data`;
 * - `widgets`: code that merges the context into `window._genesys.widgets.webchat.userData` (the registration
 *   form's fields included), to place before the page's Widgets v2 loader; it renders no loader itself;
 * - `attributes`, `open-messaging`, `guest-chat`: a `<script type="application/json">` block holding the
 *   payload, for your own client code to read.
 *
 * Every `<script>` carries `nonce` when given. To render many pages with the same options, make a renderer once
 * with {@link createGenesysSnippetRenderer}. Never throws: bad input is a failed `Result`.
 * @public
 */
export function renderGenesysSnippet(context: VisitorContext, options: GenesysSnippetOptions = {}): Result<string> {
  return renderSnippetSafely(context, options);
}

const renderSnippetSafely = neverThrow('renderGenesysSnippet', genesysSnippet.renderOnce);

/**
 * Makes a Genesys Cloud snippet renderer once, for a server that renders many pages with the same options: the
 * options are checked (a missing `deploymentId` is reported here) and the code around the payload is built here,
 * so each `render(context, { nonce })` only translates and encodes the context. Its output is exactly
 * {@link renderGenesysSnippet}'s.
 *
 * @example
 * ```ts
 * const genesysSnippet = createGenesysSnippetRenderer({ deploymentId: 'your-deployment-id', environment: 'prod-euw1' });
 * const html = genesysSnippet.render(context, { nonce: response.locals.nonce });
 * ```
 * @throws `VisitorContextError` (`invalid_option`, `invalid_html_input`) for invalid options: a setup mistake.
 * @public
 */
export function createGenesysSnippetRenderer(options: GenesysSnippetOptions = {}): SnippetRenderer {
  return genesysSnippet.create(options);
}

function translateOptions(settings: GenesysSnippetOptions): GenesysToVendorOptions {
  const { nonce, environment, scriptUrl, includeLoader, webChatConfig, webChatRender, webChatContainerId, dataElementId, ...rest } =
    settings;
  return rest;
}

function renderPayload(payload: GenesysPayload, parts: GenesysStaticParts): string {
  switch (payload.channel) {
    case 'messenger':
      if (parts.channel !== 'messenger') break;
      return parts.before + parts.script.render(payload.command, payload.options) + parts.after;
    case 'web-chat':
      if (parts.channel !== 'web-chat') break;
      return parts.before + parts.script.render(payload.data) + parts.after;
    case 'widgets':
      if (parts.channel !== 'widgets') break;
      return parts.script.render({ ...payload.form, ...payload.userData });
    default:
      if (parts.channel !== 'data') break;
      return parts.script.render(payload);
  }
  // The static part is built for the channel the same options translate to: this cannot happen.
  throw new Error(`The ${payload.channel} payload does not match the snippet built for ${parts.channel}.`);
}

/** Reports a render option problem found while building the static part, as `create` and each one-call render do. */
function optionError(path: readonly string[], message: string): VisitorContextError {
  const diagnostics = new Diagnostics();
  diagnostics.error('invalid_option', path, message);
  return new VisitorContextError(diagnostics.all);
}

function messengerParts(settings: GenesysSnippetOptions, scriptAttributes: HtmlAttributes): GenesysStaticParts {
  // Database commands issued before the plugin is ready are lost, so the command waits for Database.ready
  // (which Genesys re-publishes to late subscribers). What jsCall('window.Genesys', 'command', command, options) writes.
  const command = ['window.Genesys("subscribe","Database.ready",function(){', `window.Genesys(${toScriptJson('command')},`, ',', ');});'];
  if (settings.includeLoader === false) {
    return { channel: 'messenger', before: '', script: inlineScriptTemplate([command[0]! + command[1]!, command[2]!, command[3]!], scriptAttributes), after: '' };
  }
  if (settings.deploymentId === undefined || settings.deploymentId === '') {
    throw optionError(
      ['deploymentId'],
      'The Messenger loader needs your deploymentId (Admin › Message › Messenger Deployments). Pass it, or set includeLoader: false when the page loads Messenger itself.',
    );
  }
  const config = { environment: settings.environment ?? 'prod', deploymentId: settings.deploymentId };
  const stub = `${messengerQueueStub}${jsAssign('window.Genesys.c', config)}`;
  return {
    channel: 'messenger',
    before: '',
    script: inlineScriptTemplate([stub + command[0]! + command[1]!, command[2]!, command[3]!], scriptAttributes),
    after: renderScriptTag(settings.scriptUrl ?? defaultGenesysMessengerScriptUrl, { ...scriptAttributes, async: true, charset: 'utf-8' }),
  };
}

function webChatParts(settings: GenesysSnippetOptions, scriptAttributes: HtmlAttributes): GenesysStaticParts {
  const baseConfig = settings.webChatConfig ?? {};
  if (Object.hasOwn(baseConfig, 'data')) {
    throw optionError(['webChatConfig', 'data'], 'webChatConfig.data is filled from the context; put that data in the context instead.');
  }
  let render: string;
  if (settings.webChatRender === 'frame') {
    if (settings.webChatContainerId === undefined || settings.webChatContainerId === '') {
      throw optionError(['webChatContainerId'], 'webChatRender "frame" needs webChatContainerId, the id of the element to hold the chat.');
    }
    render = `webchat.renderFrame(${toScriptJson({ containerEl: settings.webChatContainerId })});`;
  } else {
    render = 'webchat.renderPopup({});';
  }
  // What toScriptJson({ ...baseConfig, data }) writes: the page's config, then "data" last.
  const config = toScriptJson(baseConfig);
  const configStart = config === '{}' ? '{"data":' : `${config.slice(0, -1)},"data":`;
  const create = [
    `ININ.webchat.create(${configStart}`,
    `},function(error,webchat){if(error){if(window.console)window.console.error(error);return;}${render}});`,
  ];
  const loader = settings.includeLoader === false ? '' : renderScriptTag(settings.scriptUrl ?? defaultGenesysWebChatScriptUrl, scriptAttributes);
  return { channel: 'web-chat', before: loader, script: inlineScriptTemplate(create, scriptAttributes), after: '' };
}

/**
 * Widgets v2 reads `window._genesys.widgets.webchat` when it loads, so the data is merged into whatever config
 * the page already has (created if absent) and must run before the Widgets loader. Without a `WebChat.open`
 * call the form cannot be prefilled, so its fields travel in `userData` too: Genesys records both as the same
 * `context.<key>` participant attributes.
 */
function widgetsParts(settings: GenesysSnippetOptions, scriptAttributes: HtmlAttributes): GenesysStaticParts {
  if (settings.scriptUrl !== undefined) {
    throw optionError(
      ['scriptUrl'],
      'The widgets snippet renders no loader (the Widgets v2 loader needs your whole widgets configuration); place the snippet before your own Widgets loader and leave scriptUrl out.',
    );
  }
  const merge =
    '(function(w,d){var g=w._genesys=w._genesys||{};g.widgets=g.widgets||{};var c=g.widgets.webchat=g.widgets.webchat||{};' +
    'var u=c.userData=c.userData||{};for(var k in d)if(Object.prototype.hasOwnProperty.call(d,k))u[k]=d[k];})(window,';
  return { channel: 'widgets', script: inlineScriptTemplate([merge, ');'], scriptAttributes) };
}
