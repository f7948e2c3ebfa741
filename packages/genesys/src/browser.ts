/*
 * The `./browser` entry, in three sizes, plus logout:
 * - `applyGenesysPayload` delivers an already translated payload to the live Messenger (`window.Genesys`),
 *   legacy Web Chat v2 (`window.ININ.webchat`) or legacy Widgets v2 (`window.CXBus`) in the page;
 * - `translateGenesysContext` translates a context in the page, without zod;
 * - `applyGenesysContext` does both;
 * - `removeGenesysCustomAttributes` removes the Messenger custom attributes again, e.g. on logout.
 * Nothing here runs a zod schema (validation stays out of the browser path by design), and nothing throws
 * into the page.
 */
import { waitFor, type Diagnostic, type Failure, type Result, type VisitorContext } from '@visitor-context/core';
import type { GenesysDatabaseCommand, GenesysMessengerPayload, GenesysPayload, GenesysWebChatPayload, GenesysWidgetsPayload } from './genesys-api.js';
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
  GenesysWidgetsPayload,
  GenesysWidgetsPayloadSchema,
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
 * The legacy Widgets v2 bus: `CXBus.command(name, options)` returns a jQuery-style deferred (`done`/`fail`).
 * @public
 */
export interface GenesysWidgetsBus {
  /** Issues a Widgets command, e.g. `WebChat.open`. */
  command(name: string, options?: unknown): unknown;
}

/**
 * The globals the runtime looks for: Messenger's `Genesys`, Web Chat v2's `ININ` and Widgets v2's `CXBus`.
 * @public
 */
export interface GenesysGlobals {
  /** The Messenger command queue. */
  Genesys?: GenesysCommandQueue;
  /** The Web Chat v2 API. */
  ININ?: { webchat?: { create(config: unknown, callback: (error: unknown, webchat: GenesysWebChat) => void): unknown } };
  /** The Widgets v2 bus. */
  CXBus?: GenesysWidgetsBus;
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
  | { readonly channel: 'web-chat'; readonly webChat: GenesysWebChat; readonly keys: readonly string[] }
  | { readonly channel: 'widgets'; readonly command: 'WebChat.open'; readonly keys: readonly string[] };

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

/** Any payload {@link applyGenesysPayload} delivers. @public */
export type GenesysPagePayload = GenesysMessengerPayload | GenesysWebChatPayload | GenesysWidgetsPayload;

/** The browser options, read once and made safe: a hostile or mistyped option must not hang or throw. */
interface Settings {
  readonly timeoutMs: number;
  readonly intervalMs: number;
  readonly target: GenesysGlobals;
  readonly webChat?: GenesysWebChat | undefined;
  readonly webChatConfig: Record<string, unknown>;
}

/** A number of milliseconds setTimeout can wait: NaN and non-numbers take the default, the rest is clamped. */
const milliseconds = (value: unknown, fallback: number, least: number): number =>
  typeof value === 'number' && value === value ? Math.min(Math.max(value, least), 2_147_483_647) : fallback;

function readSettings(options: ApplyGenesysOptions | undefined): Settings | Failure {
  try {
    const given = options ?? {};
    const target = given.target ?? (globalThis as GenesysGlobals);
    if (typeof target !== 'object' || target === null) return failure('invalid_option', 'target must be an object such as window.');
    return {
      timeoutMs: milliseconds(given.timeoutMs, 10_000, 0),
      intervalMs: milliseconds(given.intervalMs, 100, 1),
      target,
      webChat: given.webChat,
      webChatConfig: { ...given.webChatConfig },
    };
  } catch {
    return failure('invalid_option', 'The options could not be read.');
  }
}

/** A key Genesys may read as a dotted path (`data.<key>`): no segment may reach a prototype. */
const prototypeSegment = /(^|\.)(__proto__|constructor|prototype)(\.|$)/;

/**
 * A fresh copy of a payload's string map, so that only checked own entries reach Genesys; a failure for
 * anything else. Payloads may come from the network, so nothing about them is trusted.
 */
function stringMap(value: unknown, name: string): Record<string, string> | Failure {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return failure('invalid_payload', `${name} must be an object of strings.`);
  const copy: Record<string, string> = {};
  for (const key of Object.keys(value)) {
    const entry = (value as Record<string, unknown>)[key];
    if (prototypeSegment.test(key)) return failure('forbidden_key', `${name} key "${key}" could reach a prototype; refused.`);
    if (typeof entry !== 'string') return failure('invalid_payload', `${name}.${key} must be a string.`);
    copy[key] = entry;
  }
  return copy;
}

const isFailure = (value: object): value is Failure => (value as Failure).ok === false;

/**
 * Delivers a `messenger`, `web-chat` or `widgets` payload to the widget in the page.
 *
 * @remarks
 * Messenger: waits for `window.Genesys`, then for `Database.ready`, then issues the payload's
 * `Database.set`/`Database.update` (no other command) and resolves when Genesys fulfils or rejects it.
 * Custom attributes travel with the visitor's next message, so call this on every page load, before the
 * first message.
 * Web Chat v2: waits for `ININ.webchat` and creates the chat with `data`, or updates `webChat` if given.
 * Widgets v2: waits for `CXBus` and issues `WebChat.open` with the payload's `form` (prefilled) and `userData`:
 * call it from your chat button.
 * The payload is checked first (a payload from the network is data, not code): only those commands, only
 * string values, and no key with a `__proto__`, `constructor` or `prototype` segment (`invalid_payload`,
 * `forbidden_key`). Resolves with those, `timeout` or `vendor_error` failures instead of throwing.
 * @public
 */
export async function applyGenesysPayload(payload: GenesysPagePayload, options?: ApplyGenesysOptions): Promise<Result<GenesysApplied>> {
  const settings = readSettings(options);
  if (isFailure(settings)) return settings;
  let checked: Checked | Failure;
  try {
    checked = checkPayload(payload);
  } catch {
    checked = failure('invalid_payload', 'The Genesys payload could not be read.');
  }
  if (isFailure(checked)) return checked;
  try {
    return checked.channel === 'messenger'
      ? await issueMessengerCommand(checked.command, { messaging: { customAttributes: checked.map } }, { channel: 'messenger', command: checked.command, keys: Object.keys(checked.map) }, settings)
      : checked.channel === 'web-chat'
        ? await applyWebChat(checked.map, settings)
        : await applyWidgets(checked.form, checked.map, settings);
  } catch (error) {
    return failure('vendor_error', `Genesys threw: ${reason(error)}.`);
  }
}

type Checked =
  | { channel: 'messenger'; command: GenesysDatabaseCommand; map: Record<string, string> }
  | { channel: 'web-chat'; map: Record<string, string> }
  | { channel: 'widgets'; form: Record<string, string>; map: Record<string, string> };

function checkPayload(payload: GenesysPagePayload): Checked | Failure {
  const channel = payload?.channel;
  if (channel === 'messenger') {
    const command = payload.command;
    if (command !== 'Database.set' && command !== 'Database.update') return failure('invalid_payload', 'command must be Database.set or Database.update.');
    const map = stringMap(payload.options?.messaging?.customAttributes, 'customAttributes');
    return isFailure(map) ? map : { channel, command, map };
  }
  if (channel === 'web-chat') {
    const map = stringMap(payload.data, 'data');
    return isFailure(map) ? map : { channel, map };
  }
  if (channel === 'widgets') {
    const form = stringMap(payload.form, 'form');
    if (isFailure(form)) return form;
    const map = stringMap(payload.userData, 'userData');
    return isFailure(map) ? map : { channel, form, map };
  }
  return failure('invalid_payload', 'channel must be messenger, web-chat or widgets.');
}

/**
 * Waits for `window.Genesys`, then for `Database.ready`, then issues one Database command and resolves with
 * `value` when Genesys fulfils it. Shared by applying and removing, so both wait and fail the same way.
 */
async function issueMessengerCommand<Value>(
  command: string,
  commandOptions: unknown,
  value: Value,
  { timeoutMs, intervalMs, target }: Settings,
): Promise<Result<Value>> {
  const started = Date.now();
  const genesys = await waitFor(() => (typeof target.Genesys === 'function' ? target.Genesys : undefined), { timeoutMs, intervalMs });
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
export async function removeGenesysCustomAttributes(options?: GenesysBrowserOptions): Promise<Result<GenesysRemoved>> {
  const settings = readSettings(options);
  if (isFailure(settings)) return settings;
  try {
    return await issueMessengerCommand(
      'Database.remove',
      { name: 'messaging.customAttributes' },
      { channel: 'messenger', command: 'Database.remove', name: 'messaging.customAttributes' },
      settings,
    );
  } catch (error) {
    return failure('vendor_error', `Genesys threw: ${reason(error)}.`);
  }
}

async function applyWebChat(data: Record<string, string>, { timeoutMs, intervalMs, target, webChat: existing, webChatConfig }: Settings): Promise<Result<GenesysApplied>> {
  const keys = Object.keys(data);
  if (existing !== undefined) {
    const config = existing.getConfig();
    for (const key of keys) config.setConfigProperty(`data.${key}`, data[key]);
    return { ok: true, value: { channel: 'web-chat', webChat: existing, keys }, diagnostics: [] };
  }
  const webchatApi = await waitFor(() => target.ININ?.webchat, { timeoutMs, intervalMs });
  if (webchatApi === undefined) {
    return failure('timeout', `ININ.webchat did not appear within ${timeoutMs} ms. Is jsapi-v1.js on the page?`);
  }
  return new Promise((resolve) => {
    const timer = setTimeout(
      () => resolve(failure('timeout', `ININ.webchat.create did not call back within ${timeoutMs} ms.`)),
      timeoutMs,
    );
    webchatApi.create({ ...webChatConfig, data }, (error, webChat) => {
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
 * Widgets v2: `WebChat.open` with the form prefill and `userData`. The bus answers with a jQuery deferred
 * (`done`/`fail`); a promise or nothing at all is accepted too.
 */
async function applyWidgets(
  form: Record<string, string>,
  userData: Record<string, string>,
  { timeoutMs, intervalMs, target }: Settings,
): Promise<Result<GenesysApplied>> {
  const bus = await waitFor(() => (typeof target.CXBus?.command === 'function' ? target.CXBus : undefined), { timeoutMs, intervalMs });
  if (bus === undefined) return failure('timeout', `CXBus did not appear within ${timeoutMs} ms. Is the Widgets loader on the page?`);
  const value: GenesysApplied = { channel: 'widgets', command: 'WebChat.open', keys: [...Object.keys(form), ...Object.keys(userData)] };
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(failure('timeout', `WebChat.open did not answer within ${timeoutMs} ms.`)), timeoutMs);
    const settle = (result: Result<GenesysApplied>): void => {
      clearTimeout(timer);
      resolve(result);
    };
    const done = (): void => settle({ ok: true, value, diagnostics: [] });
    const fail = (error: unknown): void => settle(failure('vendor_error', `Genesys rejected WebChat.open: ${reason(error)}.`));
    const answer = bus.command('WebChat.open', { form, userData }) as
      | { done?: (callback: () => void) => { fail?: (callback: (error: unknown) => void) => unknown }; then?: (done: () => void, fail: (error: unknown) => void) => unknown }
      | undefined;
    if (typeof answer?.done === 'function') answer.done(done).fail?.(fail);
    else if (typeof answer?.then === 'function') answer.then(done, fail);
    else done();
  });
}

/**
 * Options of {@link applyGenesysContext}: how to translate (the `toVendor` options that matter for a widget in
 * the page) and how to apply.
 * @public
 */
export interface ApplyGenesysContextOptions extends ApplyGenesysOptions {
  /** The widget to deliver to: `messenger` (default), legacy `web-chat` or legacy `widgets`. The other channels have no widget in the page. */
  readonly channel?: 'messenger' | 'web-chat' | 'widgets' | undefined;
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
export async function applyGenesysContext(context: VisitorContext, options?: ApplyGenesysContextOptions): Promise<Result<GenesysApplied>> {
  let translated: Result<GenesysPayload>;
  let applyOptions: ApplyGenesysOptions;
  try {
    const { channel, command, strict, ...rest } = options ?? {};
    applyOptions = rest;
    translated = translateGenesysContext(context, { channel, command, strict });
  } catch {
    return failure('invalid_option', 'The options could not be read.');
  }
  if (!translated.ok) return translated;
  const payload = translated.value;
  if (payload.channel !== 'messenger' && payload.channel !== 'web-chat' && payload.channel !== 'widgets') {
    return failure('not_applied', `The ${payload.channel} channel has no widget in the page; send its payload from your own client.`, translated.diagnostics);
  }
  const applied = await applyGenesysPayload(payload, applyOptions);
  return applied.ok
    ? { ...applied, diagnostics: [...translated.diagnostics, ...applied.diagnostics] }
    : { ok: false, diagnostics: [...translated.diagnostics, ...applied.diagnostics] };
}
