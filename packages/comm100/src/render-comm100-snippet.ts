import {
  checkScriptUrl,
  defineSnippetRenderer,
  definedOptions,
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
import { comm100Adapter } from './comm100-adapter.js';
import {
  Comm100SnippetOptionsSchema,
  defaultComm100ScriptUrl,
  defaultComm100StandbyScriptUrl,
  type Comm100SnippetOptions,
  type Comm100ToVendorOptions,
} from './comm100-options.js';

/**
 * The installation code's logic as a library constant (ES5, like Comm100's own snippet): registers the chat
 * button and site, chains a `Comm100API.onReady` that delivers the payload (keeping any earlier onReady), and
 * loads the standby script when the main one has not loaded after 5 seconds. Data reaches it only as the
 * two arguments, each encoded with `toScriptJson`.
 */
const installCode =
  '(function(w,c,p){' +
  'var a=w.Comm100API=w.Comm100API||{};' +
  'a.chat_buttons=a.chat_buttons||[];' +
  'a.chat_buttons.push({code_plan:c.campaignId,div_id:c.divId});' +
  'a.site_id=c.siteId;a.main_code_plan=c.campaignId;' +
  'var previous=a.onReady;' +
  'a.onReady=function(){' +
  'try{' +
  'if(p.customVariables.length)a.set("livechat.customVariables",p.customVariables);' +
  'if(p.prechatFields.length){' +
  'var f=a.get("livechat.prechat.fields",c.campaignId);' +
  'if(f&&f.length){' +
  'for(var i=0;i<p.prechatFields.length;i++){for(var j=0;j<f.length;j++){if(f[j]&&f[j].type===p.prechatFields[i].type){f[j].value=p.prechatFields[i].value;break}}}' +
  'a.set("livechat.prechat.fields",f,c.campaignId)}}' +
  'if(p.skipPrechat)a.set("livechat.prechat.isSkip",true)' +
  '}catch(e){}' +
  'if(typeof previous==="function")return previous.apply(this,arguments)};' +
  'if(c.standbyUrl)setTimeout(function(){if(!a.loaded){var s=w.document.createElement("script");s.async=true;s.src=c.standbyUrl;if(c.nonce)s.setAttribute("nonce",c.nonce);w.document.body.appendChild(s)}},5e3)' +
  '})';

/** What the installation code receives besides the payload. */
interface InstallConfig {
  readonly siteId: number;
  readonly campaignId: string | number;
  readonly divId: string;
  readonly standbyUrl: string | null;
  readonly nonce: string | null;
}

/** The options, checked once, with every default settled. */
interface Comm100SnippetSettings {
  readonly config: Omit<InstallConfig, 'nonce'>;
  readonly scriptUrl: string;
  readonly nonce: string | undefined;
  /** The translation options, or undefined when there are none (the adapter's parsed "no options" are cached). */
  readonly translateOptions: Comm100ToVendorOptions | undefined;
}

/** The HTML around the payload: the button `<div>`, the install script with its config, the loader tag. */
interface Comm100StaticParts {
  readonly div: string;
  readonly script: InlineScriptTemplate;
  readonly loader: string;
}

const comm100Snippet = defineSnippetRenderer<Comm100SnippetOptions, Comm100SnippetSettings, Comm100StaticParts>({
  name: 'renderComm100Snippet',
  prepare(options, diagnostics) {
    const parsedOptions = parseAdapterOptions(Comm100SnippetOptionsSchema, options, diagnostics);
    if (parsedOptions === undefined) return undefined;
    const { siteId, campaignId, scriptUrl, standbyScriptUrl, nonce, ...translateOptions } = parsedOptions;
    const given = definedOptions(translateOptions);
    return {
      config: {
        siteId,
        campaignId,
        divId: `comm100-button-${campaignId}`,
        standbyUrl: standbyScriptUrl === false ? null : (standbyScriptUrl ?? `${defaultComm100StandbyScriptUrl}${siteId}`),
      },
      scriptUrl: scriptUrl ?? `${defaultComm100ScriptUrl}${siteId}`,
      nonce,
      translateOptions: Object.keys(given).length === 0 ? undefined : given,
    };
  },
  buildStatic({ config, scriptUrl }, nonce) {
    // The install code sets the standby URL as a script's src through the DOM: only the checked URL may reach it.
    const checked: InstallConfig = { ...config, standbyUrl: config.standbyUrl === null ? null : checkScriptUrl(config.standbyUrl), nonce: nonce ?? null };
    return {
      div: renderElement('div', { id: config.divId }),
      script: inlineScriptTemplate([`${installCode}(window,${toScriptJson(checked)},`, ');'], { nonce }),
      loader: renderScriptTag(scriptUrl, { async: true, nonce }),
    };
  },
  render(settings, context, staticPart, diagnostics) {
    const translated = translateForRendering(comm100Adapter, context, settings.translateOptions);
    diagnostics.add(translated.diagnostics);
    if (!translated.ok) return undefined;
    const { div, script, loader } = staticPart();
    return `${div}\n${script.render(translated.value)}\n${loader}`;
  },
});

/**
 * Renders Comm100's installation code with the visitor context applied: the chat button `<div>`, an inline
 * script that registers the site and campaign and delivers the translated payload in `Comm100API.onReady`,
 * and the loader `<script>`. Every value is encoded with core's encoders; pass `nonce` under a CSP.
 *
 * @remarks
 * Put it where Comm100's own code would go (end of `<body>`), instead of it. Data only reaches the chat
 * window embedded in your page; a pop-up chat window needs the campaign's custom JS. To render many pages with
 * the same options, make a renderer once with {@link createComm100SnippetRenderer}. Never throws.
 * @public
 */
export function renderComm100Snippet(context: VisitorContext, options: Comm100SnippetOptions): Result<string> {
  return renderSnippetSafely(context, options);
}

const renderSnippetSafely = neverThrow('renderComm100Snippet', comm100Snippet.renderOnce);

/**
 * Makes a Comm100 snippet renderer once, for a server that renders many pages with the same options: the
 * options are checked and the installation code around the payload is built here, so each
 * `render(context, { nonce })` only translates and encodes the context. Its output is exactly
 * {@link renderComm100Snippet}'s.
 *
 * @example
 * ```ts
 * const comm100Snippet = createComm100SnippetRenderer({ siteId: 10000, campaignId: 'c9e91d04-3774-4470-b84d-6bc00874fe9d' });
 * const html = comm100Snippet.render(context, { nonce: response.locals.nonce });
 * ```
 * @throws `VisitorContextError` (`invalid_option`, `invalid_html_input`) for invalid options: a setup mistake.
 * @public
 */
export function createComm100SnippetRenderer(options: Comm100SnippetOptions): SnippetRenderer {
  return comm100Snippet.create(options);
}
