import type { ImichatReadyHandler, ImichatStatusCallback, ImichatWidget } from './imichat-widget.js';

/**
 * What happened to one set of custom chat fields handed to the widget.
 * @public
 */
export interface ImichatSessionOutcome {
  /**
   * `applied`: the widget answered `success`; `vendor_error`: it answered `error` or threw; `timeout`: no global,
   * no ready event or no answer in time; `superseded`: a set issued later (by the snippet or the runtime) was
   * already sent to this widget, so this older set was not sent (it would have replaced the newer one).
   */
  readonly status: 'applied' | 'vendor_error' | 'timeout' | 'superseded';
  /** The widget method that was called, once one was. */
  readonly method?: 'init' | 'update';
  /** For a timeout: what was still awaited. */
  readonly waitingFor?: 'global' | 'ready' | 'answer';
  /** `hasInitiatedChat()` was already true, so the conversation in progress will not get this data. */
  readonly chatAlreadyStarted: boolean;
  /** What the widget threw, for `vendor_error`. */
  readonly detail?: string;
}

/** Shared by every caller on one widget (the server-rendered snippet and the browser runtime alike). */
interface ImichatHub {
  ready: boolean;
  /** The issue number (see {@link driveImichatWidget}) of the newest set sent so far; -1 before the first (`init`). */
  sent: number;
  pageHandler?: ImichatReadyHandler;
  waiting: (() => void)[];
  answers: ((status: 'success' | 'error') => void)[];
  answer: ImichatStatusCallback;
}

/** Where the widget global lives: the page's `window`. */
export interface ImichatHost {
  readonly imichatwidget?: unknown;
}

/** How long to wait, and how often to look for the global. */
export interface ImichatTiming {
  /** One deadline for the global, the ready event and the widget's answer, in ms. */
  readonly timeoutMs: number;
  /** How often to look for the `imichatwidget` global, in ms. */
  readonly intervalMs: number;
  /** Stops waiting for the global (checked at every look); the outcome is then a `timeout`. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Waits for the `imichatwidget` global on `host`, hands it one JSON string of custom chat fields, and reports
 * the outcome.
 *
 * @remarks
 * This function is also embedded, as its source text, in the server-rendered snippet: it must stay
 * self-contained (no imports, no outer variables, so no core `waitFor`) and never throw into the page. Keeping
 * the polling in here gives the snippet and the `./browser` runtime one implementation of it.
 *
 * The loader creates the global late, so it is looked for at once and then every `intervalMs`; a global without
 * `on` cannot be driven yet. The widget keeps a single ready handler, so the first call wraps `on` and registers
 * one dispatcher that calls the page's handler (registered before or after) and then ours. The first send is
 * `init`, later ones `update`, which replaces the whole set. The widget answers `update` through the `init`
 * callback, so `init` always receives one shared answer dispatcher that settles the oldest pending send. When
 * the chat iframe `#divchataside` is already in the page on first contact, the ready event has passed and is
 * not awaited.
 *
 * Sets take effect in the order they were issued (this call), not the order their callers found the global: every
 * call takes an issue number from a page-wide counter on `host` (`__visitorContextWxccIssued`, shared by the
 * snippet and the runtime), and a set is not sent, but reported `superseded`, once a set issued later has been sent
 * to the widget. So an anonymous snippet that connects after the runtime (it polls every 250 ms) cannot replace
 * the customer's fields the single-page app applied while the widget was loading.
 */
export function driveImichatWidget(
  host: ImichatHost,
  json: string,
  timing: ImichatTiming,
  report: (outcome: ImichatSessionOutcome) => void,
): void {
  let finished = false;
  let chatAlreadyStarted = false;
  let method: 'init' | 'update' | undefined;
  let hub: ImichatHub | undefined;
  let poller: ReturnType<typeof setInterval> | undefined;
  let issued = 0;
  try {
    issued = (host as Record<string, number>).__visitorContextWxccIssued =
      ((host as Record<string, number>).__visitorContextWxccIssued || 0) + 1;
  } catch {
    // A host that cannot hold the counter: sets go out in the order their callers connect.
  }
  const finish = (status: ImichatSessionOutcome['status'], extra?: Partial<ImichatSessionOutcome>): void => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    clearInterval(poller);
    const outcome: ImichatSessionOutcome = { status, chatAlreadyStarted, ...extra };
    try {
      report(method === undefined ? outcome : { ...outcome, method });
    } catch (error) {
      setTimeout(() => {
        throw error;
      });
    }
  };
  const timer = setTimeout(
    () => finish('timeout', { waitingFor: hub === undefined ? 'global' : hub.ready ? 'answer' : 'ready' }),
    timing.timeoutMs,
  );

  const connect = (widget: ImichatWidget): void => {
    try {
      const hubKey = '__visitorContextWxcc';
      const shelf = widget as unknown as Record<string, ImichatHub | undefined>;
      hub = shelf[hubKey];
      if (hub === undefined) {
        const created: ImichatHub = {
          ready: globalThis.document?.getElementById('divchataside') != null,
          sent: -1,
          waiting: [],
          answers: [],
          answer(status) {
            if (status === 'success' || status === 'error') created.answers.shift()?.(status);
          },
        };
        Object.defineProperty(widget, hubKey, { value: created });
        hub = created;
        // Once the chat iframe is up the ready event has passed: wrapping `on` then would only replace the page's handler.
        if (!created.ready) {
          const vendorOn = widget.on;
          widget.on = function on(eventName: string, handler: ImichatReadyHandler): void {
            if (eventName === 'imichat-widget:ready' && typeof handler === 'function') {
              created.pageHandler = handler;
              return;
            }
            vendorOn.call(widget, eventName, handler);
          };
          vendorOn.call(widget, 'imichat-widget:ready', (appId?: unknown) => {
            created.ready = true;
            const handler = created.pageHandler;
            if (handler !== undefined) {
              try {
                handler(appId);
              } catch (error) {
                setTimeout(() => {
                  throw error;
                });
              }
            }
            for (const resume of created.waiting.splice(0)) resume();
          });
        }
      }
    } catch (error) {
      finish('vendor_error', { detail: String(error) });
      return;
    }

    const shared = hub;
    const send = (): void => {
      if (finished) return;
      if (shared.sent > issued) return finish('superseded');
      try {
        chatAlreadyStarted = widget.hasInitiatedChat?.() === true;
      } catch {
        // A throwing widget: chatAlreadyStarted stays false.
      }
      method = shared.sent < 0 ? 'init' : 'update';
      shared.sent = issued;
      const drop = (): void => {
        shared.answers = shared.answers.filter((pending) => pending !== settle);
      };
      const settle = (status: 'success' | 'error'): void => {
        drop();
        finish(status === 'success' ? 'applied' : 'vendor_error');
      };
      shared.answers.push(settle);
      try {
        if (method === 'init') widget.init(json, shared.answer);
        else {
          widget.update(json, (status?: unknown) => {
            if (status === 'success' || status === 'error') settle(status);
          });
        }
      } catch (error) {
        drop();
        finish('vendor_error', { detail: String(error) });
      }
    };
    if (shared.ready) send();
    else shared.waiting.push(send);
  };

  /** One look for the global; true once the wait is over (found, aborted or finished). */
  const look = (): boolean => {
    if (finished) return true;
    if (timing.signal?.aborted) {
      finish('timeout', { waitingFor: 'global' });
      return true;
    }
    let widget: ImichatWidget | undefined;
    try {
      const candidate = host.imichatwidget as ImichatWidget | null | undefined;
      if (typeof candidate?.on === 'function') widget = candidate;
    } catch {
      // A throwing getter counts as "not there yet".
    }
    if (widget === undefined) return false;
    clearInterval(poller);
    connect(widget);
    return true;
  };
  if (!look()) poller = setInterval(look, timing.intervalMs);
}
