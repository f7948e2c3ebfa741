/*
 * The `./browser` entry, in three sizes, plus logout:
 * - `applyGenesysPayload` delivers an already translated payload to the live Messenger (`window.Genesys`) or
 *   legacy Web Chat v2 (`window.ININ.webchat`) in the page, `applyGenesysWidgetsPayload` to legacy Widgets v2
 *   (`window.CXBus`);
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

/** An Error's or error-like object's message (Genesys rejects with either), else the value as text. */
function reason(error: unknown): string {
  const message = (error as { message?: unknown } | null | undefined)?.message;
  return typeof message === 'string' ? message : String(error);
}


/** The browser options, read once, with their defaults. */
interface Settings extends ApplyGenesysOptions {
  readonly timeoutMs: number;
  readonly intervalMs: number;
  readonly target: GenesysGlobals;
}

/**
 * Reads the options once, so that an option whose getter throws is an `invalid_option` failure, not an
 * exception. Odd delays (NaN, negative, infinite) are core `waitFor`'s to clamp, one mechanism for every adapter.
 */
function readSettings(options: ApplyGenesysOptions | undefined): Settings | Failure {
  try {
    const { timeoutMs = 10_000, intervalMs = 100, target = globalThis as GenesysGlobals, ...rest } = options ?? {};
    return { ...rest, timeoutMs, intervalMs, target };
  } catch {
    return failure('invalid_option', 'Options must be a plain object.');
  }
}

/** A key Genesys may read as a dotted path (`data.<key>`): no segment may reach a prototype. */
const prototypeSegment = /(^|\.)(__proto__|constructor|prototype)(\.|$)/;

const isFailure = (value: object): value is Failure => (value as Failure).ok === false;

function copyStrings(map: unknown): Record<string, string> {
  if (typeof map !== 'object' || Array.isArray(map)) throw map;
  const copy: Record<string, string> = {};
  for (const key of Object.keys(map as object)) {
    const value = (map as Record<string, unknown>)[key];
    if (prototypeSegment.test(key)) throw failure('forbidden_key', `Key ${key} could reach a prototype.`);
    if (typeof value !== 'string') throw value;
    copy[key] = value;
  }
  return copy;
}

/**
 * Checks a payload, then runs `deliver` with fresh copies of its string maps. Payloads may come from the
 * network, so nothing about them is trusted: `read` names the maps (or false for a payload of another kind),
 * only own string entries are copied (so that nothing else reaches Genesys), and no key may have a segment
 * that reaches a prototype (`forbidden_key`). Shared by every apply function, so all check and fail alike.
 */
async function deliverChecked<Value>(
  options: ApplyGenesysOptions | undefined,
  expected: string,
  read: () => unknown[] | false,
  deliver: (maps: Record<string, string>[], settings: Settings) => Promise<Result<Value>>,
): Promise<Result<Value>> {
  const settings = readSettings(options);
  if (isFailure(settings)) return settings;
  let maps: Record<string, string>[];
  try {
    const given = read();
    if (!given) throw given;
    maps = given.map(copyStrings);
  } catch (error) {
    return error !== null && typeof error === 'object' && isFailure(error) ? error : failure('invalid_payload', `Not ${expected} payload of strings.`);
  }
  try {
    return await deliver(maps, settings);
  } catch (error) {
    return threw(error);
  }
}

/**
 * Delivers a `messenger` or `web-chat` payload to the widget in the page.
 *
 * @remarks
 * Messenger: waits for `window.Genesys`, then for `Database.ready`, then issues the payload's
 * `Database.set`/`Database.update` (no other command) and resolves when Genesys fulfils or rejects it.
 * Custom attributes travel with the visitor's next message, so call this on every page load, before the
 * first message.
 * Web Chat v2: waits for `ININ.webchat` and creates the chat with `data`, or updates `webChat` if given.
 * The payload is checked first (a payload from the network is data, not code): only those commands, only
 * string values, and no key with a `__proto__`, `constructor` or `prototype` segment (`invalid_payload`,
 * `forbidden_key`). Resolves with those, `timeout` or `vendor_error` failures instead of throwing.
 * Widgets v2 payloads go to {@link applyGenesysWidgetsPayload}, which keeps this function small.
 * @public
 */
export function applyGenesysPayload(payload: GenesysMessengerPayload | GenesysWebChatPayload, options?: ApplyGenesysOptions): Promise<Result<GenesysApplied>> {
  let channel: string;
  let command: GenesysDatabaseCommand;
  return deliverChecked(
    options,
    'a messenger or web-chat',
    () => {
      ({ channel } = payload);
      command = (payload as GenesysMessengerPayload).command;
      return channel === 'messenger'
        ? (command === 'Database.set' || command === 'Database.update') && [(payload as GenesysMessengerPayload).options.messaging.customAttributes]
        : channel === 'web-chat' && [(payload as GenesysWebChatPayload).data];
    },
    ([map = {}], settings) =>
      channel === 'messenger'
        ? issueMessengerCommand(command, { messaging: { customAttributes: map } }, { channel: 'messenger', command, keys: Object.keys(map) }, settings)
        : applyWebChat(map, settings),
  );
}

/**
 * Delivers a legacy Widgets v2 `widgets` payload: waits for `CXBus` and issues `WebChat.open` with the
 * payload's `form` (which prefills the registration form) and `userData`. Call it from your chat button; to
 * give Widgets the data without opening the chat, render the `widgets` snippet before the Widgets loader.
 *
 * @remarks
 * Checked like {@link applyGenesysPayload}; only `WebChat.open` is ever issued. Resolves with
 * `invalid_payload`, `forbidden_key`, `timeout` or `vendor_error` failures instead of throwing.
 * @public
 */
export function applyGenesysWidgetsPayload(payload: GenesysWidgetsPayload, options?: GenesysBrowserOptions): Promise<Result<GenesysApplied>> {
  return deliverChecked(
    options,
    'a widgets',
    () => payload.channel === 'widgets' && [payload.form, payload.userData],
    ([form = {}, userData = {}], settings) => applyWidgets(form, userData, settings),
  );
}

type Settle<Value> = (result: Result<Value>) => void;

/**
 * Waits for a widget global (`name`, loaded by `script`), then runs `start`, which settles once through
 * `settle`; the time left runs out as `timeout`, an exception as `vendor_error`. Shared by every widget, so
 * all wait and fail the same way.
 */
async function whenLoaded<Global, Value>(
  read: () => Global | undefined,
  name: string,
  script: string,
  settings: Settings,
  start: (loaded: Global, settle: Settle<Value>) => void,
): Promise<Result<Value>> {
  const { timeoutMs } = settings;
  const started = Date.now();
  const loaded = await waitFor(read, settings);
  if (loaded === undefined) return failure('timeout', `${name} did not appear within ${timeoutMs} ms: is ${script} on the page?`);
  return new Promise((resolve) => {
    let settled = false;
    const settle: Settle<Value> = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => settle(failure('timeout', `${name} did not answer within ${timeoutMs} ms.`)), timeoutMs - (Date.now() - started)); // a negative delay runs at once
    try {
      start(loaded, settle);
    } catch (error) {
      settle(threw(error));
    }
  });
}

const threw = (error: unknown): Failure => failure('vendor_error', `Genesys threw: ${reason(error)}.`);

/** The `onRejected` of a vendor call: a `vendor_error` naming the call and the vendor's reason. */
const rejection =
  <Value>(call: string, settle: Settle<Value>) =>
  (error: unknown): void =>
    settle(failure('vendor_error', `Genesys rejected ${call}: ${reason(error)}.`));

/**
 * Waits for `window.Genesys`, then for `Database.ready`, then issues one Database command and resolves with
 * `value` when Genesys fulfils it. Shared by applying and removing, so both wait and fail the same way.
 */
function issueMessengerCommand<Value>(command: string, commandOptions: unknown, value: Value, settings: Settings): Promise<Result<Value>> {
  const { target } = settings;
  const current = (): GenesysCommandQueue | undefined => (typeof target.Genesys === 'function' ? target.Genesys : undefined);
  let issued = false;
  return whenLoaded(current, 'window.Genesys', 'the Messenger snippet', settings, (genesys, settle: Settle<Value>) => {
    genesys('subscribe', 'Database.ready', () => {
      // Issue at most once: were Database.ready published again, an earlier call (a login's Database.set)
      // must not run a second time after a later one (the logout's Database.remove) and undo it.
      if (issued) return;
      issued = true;
      try {
        // Look the global up again: `genesys` may be the deployment snippet's queue stub, which the bootstrap
        // replaced before publishing Database.ready; calls into the old stub after that are never replayed.
        (current() ?? genesys)('command', command, commandOptions, () => settle({ ok: true, value, diagnostics: [] }), rejection(command, settle));
      } catch (error) {
        settle(threw(error));
      }
    });
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
 * path, and a visitor attribute's own key may contain dots (`order.id`), so one key cannot be named reliably.
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
export function removeGenesysCustomAttributes(options?: GenesysBrowserOptions): Promise<Result<GenesysRemoved>> {
  const name = 'messaging.customAttributes';
  return deliverChecked(
    options,
    '',
    () => [],
    (_maps, settings) => issueMessengerCommand('Database.remove', { name }, { channel: 'messenger', command: 'Database.remove', name }, settings),
  );
}

function applyWebChat(data: Record<string, string>, settings: Settings): Promise<Result<GenesysApplied>> {
  const keys = Object.keys(data);
  const applied = (webChat: GenesysWebChat): Result<GenesysApplied> => ({ ok: true, value: { channel: 'web-chat', webChat, keys }, diagnostics: [] });
  const existing = settings.webChat;
  if (existing !== undefined) {
    const config = existing.getConfig();
    for (const key of keys) config.setConfigProperty(`data.${key}`, data[key]);
    return Promise.resolve(applied(existing));
  }
  return whenLoaded(() => settings.target.ININ?.webchat, 'ININ.webchat', 'jsapi-v1.js', settings, (api, settle: Settle<GenesysApplied>) =>
    api.create({ ...settings.webChatConfig, data }, (error, webChat) => (error ? rejection('ININ.webchat.create', settle)(error) : settle(applied(webChat)))),
  );
}

/**
 * Widgets v2: `WebChat.open` with the form prefill and `userData`. The bus answers with a jQuery deferred
 * (`done`/`fail`); a promise or nothing at all is accepted too.
 */
function applyWidgets(form: Record<string, string>, userData: Record<string, string>, settings: Settings): Promise<Result<GenesysApplied>> {
  const bus = (): GenesysWidgetsBus | undefined => (typeof settings.target.CXBus?.command === 'function' ? settings.target.CXBus : undefined);
  const keys = [...Object.keys(form), ...Object.keys(userData)];
  return whenLoaded(bus, 'CXBus', 'the Widgets loader', settings, (loaded, settle: Settle<GenesysApplied>) => {
    const done = (): void => settle({ ok: true, value: { channel: 'widgets', command: 'WebChat.open', keys }, diagnostics: [] });
    const fail = rejection('WebChat.open', settle);
    const answer = loaded.command('WebChat.open', { form, userData }) as
      | { done?: (callback: () => void) => { fail(callback: (error: unknown) => void): unknown }; then?: (done: () => void, fail: (error: unknown) => void) => unknown }
      | undefined;
    if (answer?.done) answer.done(done).fail(fail);
    else if (answer?.then) answer.then(done, fail);
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
 * Translates a context with {@link translateGenesysContext}, then delivers it like {@link applyGenesysPayload}
 * (or {@link applyGenesysWidgetsPayload} for `widgets`).
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
    return failure('invalid_option', 'Options must be a plain object.');
  }
  if (!translated.ok) return translated;
  const payload = translated.value;
  if (payload.channel !== 'messenger' && payload.channel !== 'web-chat' && payload.channel !== 'widgets') {
    return failure('not_applied', `The ${payload.channel} channel has no widget in the page; send its payload from your own client.`, translated.diagnostics);
  }
  const applied = await (payload.channel === 'widgets' ? applyGenesysWidgetsPayload(payload, applyOptions) : applyGenesysPayload(payload, applyOptions));
  return applied.ok
    ? { ...applied, diagnostics: [...translated.diagnostics, ...applied.diagnostics] }
    : { ok: false, diagnostics: [...translated.diagnostics, ...applied.diagnostics] };
}
