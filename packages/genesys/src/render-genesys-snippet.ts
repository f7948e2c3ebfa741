import {
  Diagnostics,
  VisitorContextError,
  jsAssign,
  jsCall,
  renderInlineScript,
  renderJsonScript,
  renderScriptTag,
  toScriptJson,
  type Result,
  type VisitorContext,
  parseAdapterOptions,
  neverThrow,
} from '@visitor-context/core';
import type { GenesysMessengerPayload, GenesysPayload, GenesysWebChatPayload, GenesysWidgetsPayload } from './genesys-api.js';
import { genesysAdapter } from './genesys-adapter.js';
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
 * Every `<script>` carries `nonce` when given. Never throws: bad input is a failed `Result`.
 * @public
 */
export function renderGenesysSnippet(context: VisitorContext, options: GenesysSnippetOptions = {}): Result<string> {
  return renderSnippetSafely(context, options);
}

const renderSnippetSafely = neverThrow('renderGenesysSnippet', renderSnippet);

function renderSnippet(context: VisitorContext, options: GenesysSnippetOptions): Result<string> {
  const diagnostics = new Diagnostics();
  const parsedOptions = parseAdapterOptions(GenesysSnippetOptionsSchema, options, diagnostics);
  if (parsedOptions === undefined) return diagnostics.toFailure();
  const settings = parsedOptions;
  const translated = genesysAdapter.toVendor(context, translateOptions(settings));
  diagnostics.add(translated.diagnostics);
  if (!translated.ok) return diagnostics.toFailure();
  try {
    const html = renderPayload(translated.value, settings, diagnostics);
    return html === undefined ? diagnostics.toFailure() : diagnostics.toResult(html);
  } catch (error) {
    if (!VisitorContextError.isInstance(error)) throw error;
    diagnostics.add(error.diagnostics);
    return diagnostics.toFailure();
  }
}

function translateOptions(settings: GenesysSnippetOptions): GenesysToVendorOptions {
  const { nonce, environment, scriptUrl, includeLoader, webChatConfig, webChatRender, webChatContainerId, dataElementId, ...rest } =
    settings;
  return rest;
}

function renderPayload(payload: GenesysPayload, settings: GenesysSnippetOptions, diagnostics: Diagnostics): string | undefined {
  const scriptAttributes = settings.nonce === undefined ? {} : { nonce: settings.nonce };
  switch (payload.channel) {
    case 'messenger':
      return renderMessenger(payload, settings, scriptAttributes, diagnostics);
    case 'web-chat':
      return renderWebChat(payload, settings, scriptAttributes, diagnostics);
    case 'widgets':
      return renderWidgets(payload, settings, scriptAttributes, diagnostics);
    default:
      return renderJsonScript(settings.dataElementId ?? defaultGenesysDataElementId, payload, scriptAttributes);
  }
}

function renderMessenger(
  payload: GenesysMessengerPayload,
  settings: GenesysSnippetOptions,
  scriptAttributes: { nonce?: string },
  diagnostics: Diagnostics,
): string | undefined {
  // Database commands issued before the plugin is ready are lost, so the command waits for Database.ready
  // (which Genesys re-publishes to late subscribers).
  const command = `window.Genesys("subscribe","Database.ready",function(){${jsCall('window.Genesys', 'command', payload.command, payload.options)}});`;
  if (settings.includeLoader === false) return renderInlineScript(command, scriptAttributes);
  if (settings.deploymentId === undefined || settings.deploymentId === '') {
    diagnostics.error(
      'invalid_option',
      ['deploymentId'],
      'The Messenger loader needs your deploymentId (Admin › Message › Messenger Deployments). Pass it, or set includeLoader: false when the page loads Messenger itself.',
    );
    return undefined;
  }
  const config = { environment: settings.environment ?? 'prod', deploymentId: settings.deploymentId };
  return (
    renderInlineScript(`${messengerQueueStub}${jsAssign('window.Genesys.c', config)}${command}`, scriptAttributes) +
    renderScriptTag(settings.scriptUrl ?? defaultGenesysMessengerScriptUrl, { ...scriptAttributes, async: true, charset: 'utf-8' })
  );
}

function renderWebChat(
  payload: GenesysWebChatPayload,
  settings: GenesysSnippetOptions,
  scriptAttributes: { nonce?: string },
  diagnostics: Diagnostics,
): string | undefined {
  const baseConfig = settings.webChatConfig ?? {};
  if (Object.hasOwn(baseConfig, 'data')) {
    diagnostics.error('invalid_option', ['webChatConfig', 'data'], 'webChatConfig.data is filled from the context; put that data in the context instead.');
    return undefined;
  }
  let render: string;
  if (settings.webChatRender === 'frame') {
    if (settings.webChatContainerId === undefined || settings.webChatContainerId === '') {
      diagnostics.error('invalid_option', ['webChatContainerId'], 'webChatRender "frame" needs webChatContainerId, the id of the element to hold the chat.');
      return undefined;
    }
    render = `webchat.renderFrame(${toScriptJson({ containerEl: settings.webChatContainerId })});`;
  } else {
    render = 'webchat.renderPopup({});';
  }
  const create =
    `ININ.webchat.create(${toScriptJson({ ...baseConfig, data: payload.data })},function(error,webchat){` +
    `if(error){if(window.console)window.console.error(error);return;}${render}});`;
  const loader = settings.includeLoader === false ? '' : renderScriptTag(settings.scriptUrl ?? defaultGenesysWebChatScriptUrl, scriptAttributes);
  return loader + renderInlineScript(create, scriptAttributes);
}

/**
 * Widgets v2 reads `window._genesys.widgets.webchat` when it loads, so the data is merged into whatever config
 * the page already has (created if absent) and must run before the Widgets loader. Without a `WebChat.open`
 * call the form cannot be prefilled, so its fields travel in `userData` too: Genesys records both as the same
 * `context.<key>` participant attributes.
 */
function renderWidgets(
  payload: GenesysWidgetsPayload,
  settings: GenesysSnippetOptions,
  scriptAttributes: { nonce?: string },
  diagnostics: Diagnostics,
): string | undefined {
  if (settings.scriptUrl !== undefined) {
    diagnostics.error(
      'invalid_option',
      ['scriptUrl'],
      'The widgets snippet renders no loader (the Widgets v2 loader needs your whole widgets configuration); place the snippet before your own Widgets loader and leave scriptUrl out.',
    );
    return undefined;
  }
  const userData = { ...payload.form, ...payload.userData };
  const merge =
    '(function(w,d){var g=w._genesys=w._genesys||{};g.widgets=g.widgets||{};var c=g.widgets.webchat=g.widgets.webchat||{};' +
    'var u=c.userData=c.userData||{};for(var k in d)if(Object.prototype.hasOwnProperty.call(d,k))u[k]=d[k];})' +
    `(window,${toScriptJson(userData)});`;
  return renderInlineScript(merge, scriptAttributes);
}
