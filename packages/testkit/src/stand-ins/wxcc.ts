import type { ScriptLoader } from './mount-snippet.js';

/** Options of {@link installImichatStandIn}. @public */
export interface ImichatStandInOptions {
  /** Milliseconds between the loader script running and `window.imichatwidget` existing (the global is late). Default 30. */
  readonly loadDelayMs?: number;
  /** Milliseconds between the global existing and the chat iframe posting `loadstyles` (the ready event). Default 30. */
  readonly readyDelayMs?: number;
  /** Milliseconds the chat iframe takes to answer `init`/`update`. Default 5. */
  readonly answerDelayMs?: number;
  /** Pretend the visitor already sent a first message in this session (`hasInitiatedChat()` is true). */
  readonly chatAlreadyStarted?: boolean;
}

/** One call the page made on the stand-in widget, as its console would log it. @public */
export interface ImichatStandInCall {
  /** The widget method. */
  readonly method: 'on' | 'init' | 'update';
  /** The arguments, as given. */
  readonly args: readonly unknown[];
  /** What happened: `ignored` (unknown event or missing callback), `posted` (to the chat iframe), `lost` (no iframe yet), `registered`. */
  readonly effect: 'ignored' | 'posted' | 'lost' | 'registered';
}

/** The Webex Connect message a visitor's message produces, as the flow's Start node sees it. @public */
export interface ImichatStandInMessage {
  /** The message text. */
  readonly text: string;
  /** `inappmessaging.message.extras`. */
  readonly extras: Record<string, unknown>;
}

/** Control and "agent panel" view of an installed imichat stand-in. @public */
export interface ImichatStandIn {
  /** Load the widget as its loader script would (used by {@link ImichatStandIn.loader}); idempotent. */
  load(): void;
  /** A `ScriptLoader` for `mountSnippet`, for the widget's `imichatinit.js` URL. */
  readonly loader: ScriptLoader;
  /** The custom chat fields the widget stores now (what the agent will see), or undefined when none were accepted. */
  received(): Record<string, unknown> | undefined;
  /** Every call the page made, in order. */
  calls(): readonly ImichatStandInCall[];
  /** Every answer the chat iframe sent back (`success` / `error`), in order. */
  answers(): readonly string[];
  /** Simulates the visitor sending a message: returns the extras the flow receives (first message: with `custom_chat_attr`). */
  sendMessage(text: string): ImichatStandInMessage;
  /** Fires the ready event now (as when the chat iframe finishes loading). */
  fireReady(): void;
  /** Removes the global and the widget's elements, and cancels pending timers. */
  uninstall(): void;
}

interface StandInWindow {
  imichatwidget?: unknown;
  document: Document;
  location: { href: string; hostname: string };
  navigator: { language: string };
  setTimeout(handler: () => void, timeout?: number): number;
  clearTimeout(id: number | undefined): void;
}

/**
 * Installs a stand-in of the Webex Contact Center / imichat Live Chat widget global, `imichatwidget`, behaving
 * as its `imichatinit.js` and chat iframe do: the global appears late (after the loader runs); `on` knows only
 * `imichat-widget:ready` and keeps one handler; `init`/`update` need a callback and a JSON **string** with
 * `custom_chat_fields` (anything else is answered `"error"`); `update` replaces the stored fields (no merge);
 * every answer goes to the `init` callback (the widget's parent-frame bug), which also gets called with no
 * argument when the widget becomes ready; data posted before the chat iframe exists is lost; only the first
 * message of a thread carries `custom_chat_attr`.
 * @public
 */
export function installImichatStandIn(window: Window, options: ImichatStandInOptions = {}): ImichatStandIn {
  const host = window as unknown as StandInWindow;
  const { loadDelayMs = 30, readyDelayMs = 30, answerDelayMs = 5 } = options;
  const storage = new Map<string, string>();
  if (options.chatAlreadyStarted === true) storage.set('imichat_hasinitconvexist', '1');
  const calls: ImichatStandInCall[] = [];
  const answers: string[] = [];
  const timers = new Set<number>();
  let appId: string | undefined;
  let loading = false;
  let frame: HTMLIFrameElement | undefined;
  let readyHandler: ((appId?: unknown) => void) | undefined;
  let initCallback: ((status?: unknown) => void) | undefined;
  let messagesSent = 0;

  const later = (delay: number, run: () => void): void => {
    const id = host.setTimeout(() => {
      timers.delete(id);
      run();
    }, delay);
    timers.add(id);
  };

  /** The chat iframe's `modifyChatCustomFields`: parse, require custom_chat_fields, store (replacing), answer. */
  const modifyChatCustomFields = (data: unknown): 'success' | 'error' => {
    if (typeof data !== 'string') return 'error';
    try {
      const parsed: unknown = JSON.parse(data);
      const fields = (parsed as { custom_chat_fields?: unknown } | null)?.custom_chat_fields;
      if (typeof fields !== 'object' || fields === null) return 'error';
      storage.set('imichat_custom_chat_fields', JSON.stringify(fields));
      return 'success';
    } catch {
      return 'error';
    }
  };

  const post = (method: 'init' | 'update', data: unknown, callback: unknown): void => {
    if (typeof callback !== 'function') {
      console.error('imichatwidget: function was expected.');
      calls.push({ method, args: [data, callback], effect: 'ignored' });
      return;
    }
    if (method === 'init') initCallback = callback as (status?: unknown) => void;
    if (frame === undefined) {
      calls.push({ method, args: [data, callback], effect: 'lost' });
      return;
    }
    calls.push({ method, args: [data, callback], effect: 'posted' });
    later(answerDelayMs, () => {
      const answer = modifyChatCustomFields(data);
      answers.push(answer);
      initCallback?.(answer);
    });
  };

  const widget = {
    on(eventName: unknown, handler: unknown): void {
      if (eventName !== 'imichat-widget:ready') {
        calls.push({ method: 'on', args: [eventName, handler], effect: 'ignored' });
        return;
      }
      if (typeof handler !== 'function') {
        console.error('imichatwidget: function was expected.');
        calls.push({ method: 'on', args: [eventName, handler], effect: 'ignored' });
        return;
      }
      readyHandler = handler as (appId?: unknown) => void;
      calls.push({ method: 'on', args: [eventName, handler], effect: 'registered' });
    },
    init(data: unknown, callback: unknown): void {
      post('init', data, callback);
    },
    update(data: unknown, callback: unknown): void {
      post('update', data, callback);
    },
    show(): void {
      const mount = host.document.getElementById('divicw');
      if (mount !== null) mount.style.display = 'block';
    },
    hide(): void {
      const mount = host.document.getElementById('divicw');
      if (mount !== null) mount.style.display = 'none';
    },
    maximizeWindow(): void {},
    minimizeWindow(): void {},
    hasInitiatedChat(): boolean {
      return storage.get('imichat_hasinitconvexist') === '1';
    },
  };

  const fireReady = (): void => {
    if (frame === undefined) {
      frame = host.document.createElement('iframe');
      frame.id = 'divchataside';
      frame.style.display = 'none';
      (host.document.getElementById('divicw') ?? host.document.body).appendChild(frame);
    }
    initCallback?.();
    readyHandler?.(appId);
  };

  const load = (): void => {
    if (loading) return;
    loading = true;
    const mount = host.document.getElementById('divicw');
    appId = mount?.getAttribute('data-bind') ?? undefined;
    later(loadDelayMs, () => {
      host.imichatwidget = widget;
      later(readyDelayMs, fireReady);
    });
  };

  return {
    load,
    loader: () => load(),
    received() {
      const stored = storage.get('imichat_custom_chat_fields');
      return stored === undefined ? undefined : (JSON.parse(stored) as Record<string, unknown>);
    },
    calls: () => [...calls],
    answers: () => [...answers],
    sendMessage(text) {
      const extras: Record<string, unknown> = {
        browserfingerprint: 'stand-in-fingerprint',
        proactive_id: 0,
        Webpage: host.location.href,
        Website: host.location.hostname,
      };
      if (messagesSent === 0) {
        extras['customprofileparams'] = '';
        extras['hasprechatform'] = '0';
        extras['Initiated from URL'] = host.location.href;
        extras['initiatedon'] = '2026-11-23T10:00:00.000Z';
        extras['website_id'] = appId ?? '';
        extras['Browser language'] = host.navigator.language;
        const stored = storage.get('imichat_custom_chat_fields');
        if (stored !== undefined) extras['custom_chat_attr'] = stored;
      }
      messagesSent++;
      storage.set('imichat_hasinitconvexist', '1');
      return { text, extras };
    },
    fireReady,
    uninstall() {
      for (const id of timers) host.clearTimeout(id);
      timers.clear();
      frame?.remove();
      delete host.imichatwidget;
    },
  };
}
