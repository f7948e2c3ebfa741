import {
  checkScriptUrl,
  Diagnostics,
  renderElement,
  renderInlineScript,
  renderScriptTag,
  toScriptJson,
  VisitorContextError,
  type Result,
  type VisitorContext,
  parseAdapterOptions,
} from '@visitor-context/core';
import { comm100Adapter } from './comm100-adapter.js';
import type { Comm100Payload } from './comm100-api.js';
import {
  Comm100SnippetOptionsSchema,
  defaultComm100ScriptUrl,
  defaultComm100StandbyScriptUrl,
  type Comm100SnippetOptions,
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

/**
 * Renders Comm100's installation code with the visitor context applied: the chat button `<div>`, an inline
 * script that registers the site and campaign and delivers the translated payload in `Comm100API.onReady`,
 * and the loader `<script>`. Every value is encoded with core's encoders; pass `nonce` under a CSP.
 *
 * @remarks
 * Put it where Comm100's own code would go (end of `<body>`), instead of it. Data only reaches the chat
 * window embedded in your page; a pop-up chat window needs the campaign's custom JS.
 * @public
 */
export function renderComm100Snippet(context: VisitorContext, options: Comm100SnippetOptions): Result<string> {
  const diagnostics = new Diagnostics();
  const parsedOptions = parseAdapterOptions(Comm100SnippetOptionsSchema, options, diagnostics);
  if (parsedOptions === undefined) return diagnostics.toFailure();
  const { siteId, campaignId, scriptUrl, standbyScriptUrl, nonce, ...translateOptions } = parsedOptions;
  const translated = comm100Adapter.toVendor(context, translateOptions);
  if (!translated.ok) return translated;
  const config: InstallConfig = {
    siteId,
    campaignId,
    divId: `comm100-button-${campaignId}`,
    standbyUrl: standbyScriptUrl === false ? null : (standbyScriptUrl ?? `${defaultComm100StandbyScriptUrl}${siteId}`),
    nonce: nonce ?? null,
  };
  try {
    return { ok: true, value: renderInstallation(config, translated.value, scriptUrl ?? `${defaultComm100ScriptUrl}${siteId}`), diagnostics: translated.diagnostics };
  } catch (error) {
    if (!VisitorContextError.isInstance(error)) throw error;
    return { ok: false, diagnostics: [...translated.diagnostics, ...error.diagnostics] };
  }
}

function renderInstallation(config: InstallConfig, payload: Comm100Payload, scriptUrl: string): string {
  const nonce = config.nonce ?? undefined;
  // The install code sets the standby URL as a script's src through the DOM: only the checked URL may reach it.
  const checked = { ...config, standbyUrl: config.standbyUrl === null ? null : checkScriptUrl(config.standbyUrl) };
  return [
    renderElement('div', { id: config.divId }),
    renderInlineScript(`${installCode}(window,${toScriptJson(checked)},${toScriptJson(payload)});`, { nonce }),
    renderScriptTag(scriptUrl, { async: true, nonce }),
  ].join('\n');
}
