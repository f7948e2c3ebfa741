import type { ScriptLoader } from './mount-snippet.js';

/** Options of {@link installImsupportingStandIn}. @public */
export interface ImsupportingStandInOptions {
  /** Milliseconds between the loader script running and `window.imsFlowWidget` existing (the global is late). Default 30. */
  readonly loadDelayMs?: number;
  /** Make `window.imsFlowWidget.reload()` throw, as a broken widget build would. */
  readonly reloadThrows?: boolean;
}

/** Why the server discarded a whole context, as its validation table documents. @public */
export type ImsupportingStandInDiscardReason = 'invalid_json' | 'too_large' | 'invalid_base64' | 'not_an_object';

/** One chat session the widget started (at load, or at each `reload()`), as the operator panel shows it. @public */
export interface ImsupportingStandInSession {
  /** `data-siteid`, or `imsFlowConfig.siteid`. */
  readonly siteid: string | undefined;
  /** `data-mode`, or `imsFlowConfig.mode`. */
  readonly mode: string | undefined;
  /** Where the widget read the context: the tag's `data-visitor-context` (which wins), the config, or nowhere. */
  readonly source: 'attribute' | 'config' | 'none';
  /** The base64 payload the widget sent to the server, or undefined when there was no context. */
  readonly payload: string | undefined;
  /** `visitor_context_data` as the server stored it, after its validation; undefined when none or discarded. */
  readonly visitorContext: Record<string, string> | undefined;
  /** Set when the server discarded the whole context. */
  readonly discarded: ImsupportingStandInDiscardReason | undefined;
  /** The workflow slots answered by the pre-fill keys (their steps are skipped). */
  readonly prefilled: { readonly visitor_name?: string; readonly visitor_email?: string; readonly visitor_phone?: string };
}

/** Control and "operator panel" view of an installed Flow Widget stand-in. @public */
export interface ImsupportingStandIn {
  /** A `ScriptLoader` for `mountSnippet`, for the `flowwidget.js` URL: receives the widget's own script tag. */
  readonly loader: ScriptLoader;
  /** The latest session's stored context and pre-fill (what the operator sees now), or undefined before the widget initialised. */
  received(): ImsupportingStandInSession | undefined;
  /** Every session, in order: the first load, then one per `reload()`. */
  sessions(): readonly ImsupportingStandInSession[];
  /** Removes the global and cancels pending timers. */
  uninstall(): void;
}

interface StandInWindow {
  imsFlowConfig?: unknown;
  imsFlowWidget?: unknown;
  setTimeout(handler: () => void, timeout?: number): number;
  clearTimeout(id: number | undefined): void;
  btoa(data: string): string;
  atob(data: string): string;
}

const keyPattern = /^[a-zA-Z0-9_-]+$/;
const maxKeyLength = 100;
const maxValueLength = 500;
const maxPairs = 50;
const maxPayloadLength = 20_000;
const basicEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Installs a stand-in of the IMSupporting Flow Widget (`flowwidget.js` and its server), behaving as the vendor
 * documents: the loader reads its own tag's `data-siteid`, `data-mode` and `data-visitor-context`, or
 * `window.imsFlowConfig = { siteid, mode, visitorContext }`; the attribute wins and the config's
 * `visitorContext` is then ignored; the context is read once, when the widget initialises, and again only on
 * `window.imsFlowWidget.reload()`, which appears late; the context travels as base64 JSON and the server
 * discards it whole when over 20,000 characters, not base64, or not a JSON object, drops pairs whose key
 * breaks `^[a-zA-Z0-9_-]+$` or exceeds 100 characters, converts values to strings, HTML-decodes and strips
 * tags, cuts values to 500 characters and keeps the first 50 pairs; `ims_username`, `ims_email` and
 * `ims_telephone` (else `ims_phone`) pre-fill the workflow (keys are case-sensitive).
 * @public
 */
export function installImsupportingStandIn(window: Window, options: ImsupportingStandInOptions = {}): ImsupportingStandIn {
  const host = window as unknown as StandInWindow;
  const { loadDelayMs = 30 } = options;
  const sessions: ImsupportingStandInSession[] = [];
  const timers = new Set<number>();
  let script: HTMLScriptElement | undefined;

  const initialise = (): void => {
    const config = typeof host.imsFlowConfig === 'object' && host.imsFlowConfig !== null
      ? (host.imsFlowConfig as Record<string, unknown>)
      : {};
    const attribute = script?.getAttribute('data-visitor-context') ?? null;
    const source = attribute !== null ? 'attribute' : config['visitorContext'] !== undefined ? 'config' : 'none';
    let context: unknown;
    let discarded: ImsupportingStandInDiscardReason | undefined;
    if (source === 'attribute') {
      try {
        context = JSON.parse(attribute as string);
      } catch {
        discarded = 'invalid_json';
      }
    } else if (source === 'config') {
      context = config['visitorContext'];
    }
    const payload = context === undefined ? undefined : encodeBase64(host, JSON.stringify(context));
    const stored = payload === undefined ? undefined : storeOnServer(host, payload);
    const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
    sessions.push({
      siteid: script?.getAttribute('data-siteid') ?? text(config['siteid']),
      mode: script?.getAttribute('data-mode') ?? text(config['mode']),
      source,
      payload,
      visitorContext: stored?.context,
      discarded: discarded ?? stored?.discarded,
      prefilled: prefillOf(stored?.context),
    });
  };

  const load = (element: HTMLScriptElement): void => {
    script = element;
    const timer = host.setTimeout(() => {
      timers.delete(timer);
      host.imsFlowWidget = {
        reload(): void {
          if (options.reloadThrows === true) throw new Error('imsFlowWidget: reload failed');
          initialise();
        },
      };
      initialise();
    }, loadDelayMs);
    timers.add(timer);
  };

  return {
    loader: load,
    received: () => sessions[sessions.length - 1],
    sessions: () => [...sessions],
    uninstall(): void {
      for (const timer of timers) host.clearTimeout(timer);
      timers.clear();
      delete host.imsFlowWidget;
      sessions.length = 0;
      script = undefined;
    },
  };
}

function encodeBase64(host: StandInWindow, text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return host.btoa(binary);
}

/** The server's validation table, in order. */
function storeOnServer(
  host: StandInWindow,
  payload: string,
): { context?: Record<string, string>; discarded?: ImsupportingStandInDiscardReason } {
  if (payload.length > maxPayloadLength) return { discarded: 'too_large' };
  let parsed: unknown;
  try {
    const binary = host.atob(payload);
    const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { discarded: 'invalid_base64' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { discarded: 'not_an_object' };
  const pairs: [string, string][] = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (!keyPattern.test(key) || key.length > maxKeyLength) continue;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue;
    if (pairs.length === maxPairs) break;
    pairs.push([key, Array.from(stripTags(decodeEntities(String(value)))).slice(0, maxValueLength).join('')]);
  }
  return { context: Object.fromEntries(pairs) };
}

function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-z]+));/g, (reference, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return Object.hasOwn(basicEntities, name) ? (basicEntities[name] as string) : reference;
    const codePoint = decimal !== undefined ? Number(decimal) : Number.parseInt(hex as string, 16);
    return codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff) ? String.fromCodePoint(codePoint) : reference;
  });
}

function stripTags(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)|<(?![\s])[^>]*(?:>|$)/g, '').replace(/\u0000/g, '');
}

function prefillOf(context: Record<string, string> | undefined): ImsupportingStandInSession['prefilled'] {
  if (context === undefined) return {};
  const phone = context['ims_telephone'] ?? context['ims_phone'];
  return {
    ...(context['ims_username'] === undefined ? {} : { visitor_name: context['ims_username'] }),
    ...(context['ims_email'] === undefined ? {} : { visitor_email: context['ims_email'] }),
    ...(phone === undefined ? {} : { visitor_phone: phone }),
  };
}
