/*
 * The `./browser` entry, in three sizes, plus logout:
 * - `applyGenesysPayload` delivers an already translated payload to the live Messenger (`window.Genesys`) or
 *   legacy Web Chat v2 (`window.ININ.webchat`) in the page;
 * - `translateGenesysContext` translates a context in the page, without zod;
 * - `applyGenesysContext` does both;
 * - `removeGenesysCustomAttributes` removes the Messenger custom attributes again, e.g. on logout.
 * Nothing here runs a zod schema (validation stays out of the browser path by design), and nothing throws
 * into the page.
 */
import { waitFor, type Diagnostic, type Failure, type Result, type VisitorContext } from '@visitor-context/core';
import type { GenesysDatabaseCommand, GenesysMessengerPayload, GenesysWebChatPayload } from './genesys-api.js';
import { translateGenesysContext } from './translate-genesys-context.js';

export { translateGenesysContext } from './translate-genesys-context.js';

// Type-only: the payload types are inferred from these schemas, which never reach a browser bundle from here.
export type {
  GenesysChannel,
  GenesysChannelSchema,
  GenesysDatabaseCommand,
  GenesysDatabaseCommandSchema,
  GenesysMessengerPayload,
  GenesysMessengerPayloadSchema,
  GenesysPayload,
  GenesysPayloadSchema,
  GenesysWebChatPayload,
  GenesysWebChatPayloadSchema,
} from './genesys-api.js';
export type { GenesysToVendorOptions, GenesysToVendorOptionsSchema } from './genesys-options.js';

/**
 * The Messenger command queue function: `Genesys("command", name, options, onFulfilled, onRejected)` and
 * `Genesys("subscribe", event, callback)`.
 * @public
 */
export type GenesysCommandQueue = (action: string, name: string, ...rest: unknown[]) => unknown;

/**
 * A legacy Web Chat v2 instance, as `ININ.webchat.create` hands it over.
 * @public
 */
export interface GenesysWebChat {
  /** The chat configuration, whose properties can be changed before the chat starts. */
  getConfig(): { setConfigProperty(name: string, value: unknown): void };
}

/**
 * The globals the runtime looks for: Messenger's `Genesys` and Web Chat v2's `ININ`.
 * @public
 */
export interface GenesysGlobals {
  /** The Messenger command queue. */
  Genesys?: GenesysCommandQueue;
  /** The Web Chat v2 API. */
  ININ?: { webchat?: { create(config: unknown, callback: (error: unknown, webchat: GenesysWebChat) => void): unknown } };
}

/**
 * Options every `./browser` function that talks to the widget takes: how long to wait for it, and where.
 * @public
 */
export interface GenesysBrowserOptions {
  /** Give up when the widget (and, for Messenger, `Database.ready`) has not come within this time; default 10,000 ms. */
  readonly timeoutMs?: number;
  /** How often to look for the widget global; default 100 ms. */
  readonly intervalMs?: number;
  /** Where to find the globals; default `window`. */
  readonly target?: GenesysGlobals;
}

/**
 * Options of {@link applyGenesysPayload}.
 * @public
 */
export interface ApplyGenesysOptions extends GenesysBrowserOptions {
  /** `web-chat`: the rest of `chatConfig` for `ININ.webchat.create` (`webchatAppUrl`, `orgId`, `queueName`, …). */
  readonly webChatConfig?: Readonly<Record<string, unknown>>;
  /** `web-chat`: an existing Web Chat instance to update with `setConfigProperty("data.<field>")` instead of creating one. */
  readonly webChat?: GenesysWebChat;
}

/**
 * What {@link applyGenesysPayload} did: the Messenger command it issued, or the Web Chat it created or updated.
 * @public
 */
export type GenesysApplied =
  | { readonly channel: 'messenger'; readonly command: GenesysMessengerPayload['command']; readonly keys: readonly string[] }
  | { readonly channel: 'web-chat'; readonly webChat: GenesysWebChat; readonly keys: readonly string[] };

/**
 * What {@link removeGenesysCustomAttributes} did: the Messenger command it issued and the database property it
 * removed.
 * @public
 */
export interface GenesysRemoved {
  /** Only Messenger keeps custom attributes in the page. */
  readonly channel: 'messenger';
  /** The Database plugin command issued. */
  readonly command: 'Database.remove';
  /** The database property removed, with every custom attribute under it. */
  readonly name: 'messaging.customAttributes';
}

function failure(code: string, message: string, earlier: readonly Diagnostic[] = []): Failure {
  return { ok: false, diagnostics: [...earlier, { code, severity: 'error', path: [], message }] };
}

function reason(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}

/**
 * Delivers a `messenger` or `web-chat` payload to the widget in the page.
 *
 * @remarks
 * Messenger: waits for `window.Genesys`, then for `Database.ready`, then issues the payload's
 * `Database.set`/`Database.update` and resolves when Genesys fulfils or rejects it. Custom attributes travel
 * with the visitor's next message, so call this on every page load, before the first message.
 * Web Chat v2: waits for `ININ.webchat` and creates the chat with `data`, or updates `webChat` if given.
 * Resolves with `timeout` or `vendor_error` failures instead of throwing.
 * @public
 */
export async function applyGenesysPayload(
  payload: GenesysMessengerPayload | GenesysWebChatPayload,
  options: ApplyGenesysOptions = {},
): Promise<Result<GenesysApplied>> {
  try {
    return payload.channel === 'messenger' ? await applyMessenger(payload, options) : await applyWebChat(payload, options);
  } catch (error) {
    return failure('vendor_error', `Genesys threw: ${reason(error)}.`);
  }
}

function applyMessenger(payload: GenesysMessengerPayload, options: GenesysBrowserOptions): Promise<Result<GenesysApplied>> {
  const keys = Object.keys(payload.options.messaging.customAttributes);
  return issueMessengerCommand(payload.command, payload.options, { channel: 'messenger', command: payload.command, keys }, options);
}

/**
 * Waits for `window.Genesys`, then for `Database.ready`, then issues one Database command and resolves with
 * `value` when Genesys fulfils it. Shared by applying and removing, so both wait and fail the same way.
 */
async function issueMessengerCommand<Value>(
  command: string,
  commandOptions: unknown,
  value: Value,
  options: GenesysBrowserOptions,
): Promise<Result<Value>> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const started = Date.now();
  const target = options.target ?? (globalThis as GenesysGlobals);
  const genesys = await waitFor(() => (typeof target.Genesys === 'function' ? target.Genesys : undefined), {
    timeoutMs,
    intervalMs: options.intervalMs ?? 100,
  });
  if (genesys === undefined) {
    return failure('timeout', `window.Genesys did not appear within ${timeoutMs} ms. Is the Messenger deployment snippet on the page?`);
  }
  return new Promise((resolve) => {
    let settled = false;
    let issued = false;
    const settle = (result: Result<Value>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(
      () => settle(failure('timeout', `Genesys did not publish Database.ready or answer ${command} within ${timeoutMs} ms.`)),
      Math.max(0, timeoutMs - (Date.now() - started)),
    );
    try {
      genesys('subscribe', 'Database.ready', () => {
        // Issue at most once: were Database.ready published again, an earlier call (a login's Database.set)
        // must not run a second time after a later one (the logout's Database.remove) and undo it.
        if (issued) return;
        issued = true;
        try {
          // Look the global up again: `genesys` may be the deployment snippet's queue stub, which the bootstrap
          // replaced before publishing Database.ready; calls into the old stub after that are never replayed.
          const loaded = typeof target.Genesys === 'function' ? target.Genesys : genesys;
          loaded(
            'command',
            command,
            commandOptions,
            () => settle({ ok: true, value, diagnostics: [] }),
            (error: unknown) => settle(failure('vendor_error', `Genesys rejected ${command}: ${reason(error)}.`)),
          );
        } catch (error) {
          settle(failure('vendor_error', `Genesys threw on ${command}: ${reason(error)}.`));
        }
      });
    } catch (error) {
      settle(failure('vendor_error', `Genesys threw on subscribe: ${reason(error)}.`));
    }
  });
}

/**
 * Removes every Messenger custom attribute from the page, e.g. when the visitor logs out: waits for
 * `window.Genesys` and `Database.ready`, then issues `Database.remove` for `messaging.customAttributes` and
 * resolves when Genesys fulfils or rejects it.
 *
 * @remarks
 * Use it rather than applying an empty or anonymous payload: `Database.set` and `Database.update` merge, so
 * they would leave the previous visitor's attributes in place. Afterwards the visitor's next message carries
 * none of them; apply the next visitor's payload with {@link applyGenesysPayload} when someone logs in.
 *
 * What it cannot clear: `Database.remove` only touches the Messenger's Database plugin in this page. Attributes
 * already sent with one of the visitor's messages stay with that conversation's customer participant in Genesys
 * Cloud (readable with `GET /api/v2/conversations/{id}` and in Architect), and so do the messages themselves;
 * it does not end the guest's Messenger session or clear its transcript, which Messenger keeps in the browser
 * until the session expires. Everything is removed at once because the command names a property by dotted
 * path and this adapter's keys contain dots (`page.url`), so one key cannot be named reliably.
 *
 * Legacy Web Chat v2 has nothing to remove: its `data` lives in the `chatConfig` of a chat your page created,
 * and is sent once, as `context.*` participant attributes, when that chat starts. On logout, drop a chat that
 * has not started and create a new one for the next visitor; what a started chat sent stays with its
 * conversation.
 *
 * Resolves with `timeout` or `vendor_error` failures instead of throwing. After a `timeout` for
 * `Database.ready` (Messenger loaded but was not ready in time) the removal stays subscribed and still runs
 * when Messenger becomes ready; after one for `window.Genesys` nothing was sent.
 * @public
 */
export async function removeGenesysCustomAttributes(options: GenesysBrowserOptions = {}): Promise<Result<GenesysRemoved>> {
  try {
    return await issueMessengerCommand(
      'Database.remove',
      { name: 'messaging.customAttributes' },
      { channel: 'messenger', command: 'Database.remove', name: 'messaging.customAttributes' },
      options,
    );
  } catch (error) {
    return failure('vendor_error', `Genesys threw: ${reason(error)}.`);
  }
}

async function applyWebChat(payload: GenesysWebChatPayload, options: ApplyGenesysOptions): Promise<Result<GenesysApplied>> {
  const keys = Object.keys(payload.data);
  const existing = options.webChat;
  if (existing !== undefined) {
    const config = existing.getConfig();
    for (const key of keys) config.setConfigProperty(`data.${key}`, payload.data[key]);
    return { ok: true, value: { channel: 'web-chat', webChat: existing, keys }, diagnostics: [] };
  }
  const timeoutMs = options.timeoutMs ?? 10_000;
  const target = options.target ?? (globalThis as GenesysGlobals);
  const webchatApi = await waitFor(() => target.ININ?.webchat, { timeoutMs, intervalMs: options.intervalMs ?? 100 });
  if (webchatApi === undefined) {
    return failure('timeout', `ININ.webchat did not appear within ${timeoutMs} ms. Is jsapi-v1.js on the page?`);
  }
  return new Promise((resolve) => {
    const timer = setTimeout(
      () => resolve(failure('timeout', `ININ.webchat.create did not call back within ${timeoutMs} ms.`)),
      timeoutMs,
    );
    webchatApi.create({ ...options.webChatConfig, data: payload.data }, (error, webChat) => {
      clearTimeout(timer);
      resolve(
        error
          ? failure('vendor_error', `ININ.webchat.create failed: ${reason(error)}.`)
          : { ok: true, value: { channel: 'web-chat', webChat, keys }, diagnostics: [] },
      );
    });
  });
}

/**
 * Options of {@link applyGenesysContext}: how to translate (the `toVendor` options that matter for a widget in
 * the page) and how to apply.
 * @public
 */
export interface ApplyGenesysContextOptions extends ApplyGenesysOptions {
  /** The widget to deliver to: `messenger` (default) or legacy `web-chat`. The other channels have no widget in the page. */
  readonly channel?: 'messenger' | 'web-chat' | undefined;
  /** `messenger`: `Database.set` (shallow merge, the default) or `Database.update` (deep merge). */
  readonly command?: GenesysDatabaseCommand | undefined;
  /** Turn every translation warning into an error, so that nothing is applied when anything would be lost. */
  readonly strict?: boolean | undefined;
}

/**
 * Translates a context with {@link translateGenesysContext}, then delivers it like {@link applyGenesysPayload}.
 * Translation warnings are kept in the result, before any from applying.
 *
 * @remarks
 * Zod-free: the context is checked as plain data within limits but not against the canonical schema, by
 * design (validate contexts from outside your code with `parseVisitorContext`). Call it on every page load,
 * before the visitor's first message. Resolves with `timeout`, `vendor_error`, `invalid_option` or
 * `not_applied` (a channel with no widget, possible from plain JavaScript) failures instead of throwing.
 * @public
 */
export async function applyGenesysContext(
  context: VisitorContext,
  options: ApplyGenesysContextOptions = {},
): Promise<Result<GenesysApplied>> {
  const { channel, command, strict, ...applyOptions } = options;
  const translated = translateGenesysContext(context, { channel, command, strict });
  if (!translated.ok) return translated;
  const payload = translated.value;
  if (payload.channel !== 'messenger' && payload.channel !== 'web-chat') {
    return failure('not_applied', `The ${payload.channel} channel has no widget in the page; send its payload from your own client.`, translated.diagnostics);
  }
  const applied = await applyGenesysPayload(payload, applyOptions);
  return applied.ok
    ? { ...applied, diagnostics: [...translated.diagnostics, ...applied.diagnostics] }
    : { ok: false, diagnostics: [...translated.diagnostics, ...applied.diagnostics] };
}
