import type { ScriptLoader } from './mount-snippet.js';

/** Options of {@link installGenesysStandIn}. @public */
export interface GenesysStandInOptions {
  /** Milliseconds between the bootstrap script running and the real `Genesys` function replacing the queue stub. Default 30. */
  readonly loadDelayMs?: number;
  /** Milliseconds between the bootstrap loading and the Database plugin publishing `Database.ready`. Default 30. */
  readonly readyDelayMs?: number;
  /** Make every Database command fail through `onRejected`, as a broken deployment would. */
  readonly rejectCommands?: boolean;
}

/** One message the visitor sent, as Genesys received it: the text and the custom attributes that travelled with it. @public */
export interface GenesysStandInMessage {
  /** The message text. */
  readonly text: string;
  /** A copy of `messaging.customAttributes` at the moment the message was sent. */
  readonly customAttributes: Record<string, unknown>;
}

/** One call the page made on `Genesys`, and what came of it. @public */
export interface GenesysStandInCall {
  /** `command`, `subscribe`, or anything else the page passed first. */
  readonly action: string;
  /** The command or event name. */
  readonly name: string;
  /** The command options, as given. */
  readonly options?: unknown;
  /** `fulfilled`, `rejected` (through `onRejected`), `subscribed` or `ignored`. Calls queued before the bootstrap loaded appear when it replays them. */
  readonly effect: 'fulfilled' | 'rejected' | 'subscribed' | 'ignored';
}

/** Control and "agent panel" view of an installed Messenger stand-in. @public */
export interface GenesysStandIn {
  /** Load the bootstrap now, as its script would (used by {@link GenesysStandIn.loader}); idempotent. */
  load(): void;
  /** A `ScriptLoader` for `mountSnippet`, for the Messenger bootstrap URL. */
  readonly loader: ScriptLoader;
  /** The participant attributes the agent sees: everything that travelled with the visitor's messages so far. */
  received(): Record<string, unknown>;
  /** The Messenger database now (`{ messaging: { customAttributes } }`); not yet sent to Genesys. */
  database(): Record<string, unknown>;
  /** The deployment config the page gave the bootstrap (`Genesys.c`), once loaded. */
  config(): Record<string, unknown> | undefined;
  /** Every call the page made, in order. */
  calls(): readonly GenesysStandInCall[];
  /** Every message the visitor sent, with the attributes that travelled with it. */
  messages(): readonly GenesysStandInMessage[];
  /** Simulates the visitor sending a message: the current custom attributes travel with it. */
  sendMessage(text: string): GenesysStandInMessage;
  /** Removes the global and cancels pending timers. */
  uninstall(): void;
}

interface MessengerWindow {
  _genesysJs?: string;
  [name: string]: unknown;
  setTimeout(handler: () => void, timeout?: number): number;
  clearTimeout(id: number | undefined): void;
}

type QueueFunction = ((...args: unknown[]) => void) & { q?: ArrayLike<unknown>[]; c?: unknown; t?: number };
type Callback = (...args: unknown[]) => void;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function deepMerge(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const current = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isRecord(value) && isRecord(current)) deepMerge(current, value);
    else target[key] = isRecord(value) ? copy(value) : value;
  }
}

/**
 * Installs a stand-in of the Genesys Cloud Messenger (Web Messaging) global, behaving as the documented
 * Messenger JavaScript SDK and its Database plugin do: the deployment snippet's queue stub collects calls in
 * `Genesys.q` until the bootstrap loads (late), which replays them; Database commands work only after
 * `Database.ready` (earlier ones are rejected); `Database.ready` is re-published to late subscribers;
 * `Database.set` merges shallowly into `messaging.customAttributes` (a nested value is replaced),
 * `Database.update` merges deeply; both publish `Database.updated`; custom attributes reach Genesys only with
 * the visitor's next message, and nothing is kept across page loads.
 * @public
 */
export function installGenesysStandIn(window: Window, options: GenesysStandInOptions = {}): GenesysStandIn {
  const host = window as unknown as MessengerWindow;
  const { loadDelayMs = 30, readyDelayMs = 30 } = options;
  const timers = new Set<number>();
  const calls: GenesysStandInCall[] = [];
  const sent: GenesysStandInMessage[] = [];
  const subscribers = new Map<string, Callback[]>();
  const database: { messaging?: { customAttributes?: Record<string, unknown> } } & Record<string, unknown> = {
    messaging: { customAttributes: {} },
  };
  /** The custom attributes, recreated after a `Database.remove` as Messenger does on the next set. */
  const customAttributes = (): Record<string, unknown> => {
    const messaging = (database.messaging ??= {});
    return (messaging.customAttributes ??= {});
  };
  let loaded = false;
  let ready = false;
  let deploymentConfig: Record<string, unknown> | undefined;
  let globalName = 'Genesys';

  const later = (delay: number, run: () => void): void => {
    const id = host.setTimeout(() => {
      timers.delete(id);
      run();
    }, delay);
    timers.add(id);
  };
  const publish = (event: string, data: unknown): void => {
    for (const callback of subscribers.get(event) ?? []) later(0, () => callback({ event, data }));
  };

  const runCommand = (name: string, commandOptions: unknown, onFulfilled?: Callback, onRejected?: Callback): GenesysStandInCall['effect'] => {
    const reject = (message: string): GenesysStandInCall['effect'] => {
      later(0, () => onRejected?.(new Error(message)));
      return 'rejected';
    };
    if (name.startsWith('Database.')) {
      if (!ready) return reject(`[Genesys] ${name}: the Database plugin is not ready. Subscribe to Database.ready first.`);
      if (options.rejectCommands === true) return reject(`[Genesys] ${name} failed.`);
    }
    switch (name) {
      case 'Database.set':
      case 'Database.update': {
        if (!isRecord(commandOptions)) return reject(`[Genesys] ${name} needs an object like { messaging: { customAttributes } }.`);
        if (name === 'Database.update') deepMerge(database, commandOptions);
        else {
          for (const [key, value] of Object.entries(commandOptions)) {
            const messaging = key === 'messaging' && isRecord(value) ? value : undefined;
            if (messaging !== undefined && isRecord(messaging['customAttributes'])) {
              Object.assign(customAttributes(), copy(messaging['customAttributes']));
            } else if (key !== '__proto__' && key !== 'messaging') database[key] = copy(value);
          }
        }
        const snapshot = copy(database);
        later(0, () => onFulfilled?.(snapshot));
        publish('Database.updated', snapshot);
        return 'fulfilled';
      }
      case 'Database.get': {
        const path = isRecord(commandOptions) && typeof commandOptions['name'] === 'string' ? commandOptions['name'].split('.') : [];
        let value: unknown = database;
        // Own properties only: a name such as "toString" must find nothing, as in Genesys's own store.
        for (const segment of path) value = isRecord(value) && Object.hasOwn(value, segment) ? value[segment] : undefined;
        const result = value === undefined ? undefined : copy(value);
        later(0, () => onFulfilled?.(result));
        return 'fulfilled';
      }
      case 'Database.remove': {
        const path = isRecord(commandOptions) && typeof commandOptions['name'] === 'string' ? commandOptions['name'].split('.') : [];
        const last = path.pop();
        let parent: unknown = database;
        for (const segment of path) parent = isRecord(parent) && Object.hasOwn(parent, segment) ? parent[segment] : undefined;
        if (isRecord(parent) && last !== undefined) delete parent[last];
        later(0, () => onFulfilled?.(copy(database)));
        return 'fulfilled';
      }
      case 'Messenger.open':
      case 'Messenger.close':
        later(0, () => onFulfilled?.());
        return 'fulfilled';
      default:
        return reject(`[Genesys] Command ${name} was not found.`);
    }
  };

  const genesys = (...args: unknown[]): void => {
    const [action, name, third, fourth, fifth] = args;
    const label = typeof name === 'string' ? name : String(name);
    if (action === 'subscribe' && typeof third === 'function') {
      const list = subscribers.get(label) ?? [];
      list.push(third as Callback);
      subscribers.set(label, list);
      calls.push({ action: 'subscribe', name: label, effect: 'subscribed' });
      if (label === 'Database.ready' && ready) later(0, () => (third as Callback)({ event: label }));
      return;
    }
    if (action === 'command') {
      const effect = runCommand(label, third, fourth as Callback | undefined, fifth as Callback | undefined);
      calls.push({ action: 'command', name: label, options: third === undefined ? undefined : copy(third), effect });
      return;
    }
    calls.push({ action: String(action), name: label, effect: 'ignored' });
  };

  const load = (): void => {
    if (loaded) return;
    loaded = true;
    globalName = typeof host._genesysJs === 'string' ? host._genesysJs : 'Genesys';
    const stub = host[globalName] as QueueFunction | undefined;
    deploymentConfig = isRecord(stub?.c) ? copy(stub.c) : undefined;
    const queued = Array.from(stub?.q ?? [], (entry) => Array.from(entry));
    host[globalName] = genesys;
    for (const entry of queued) genesys(...entry);
    later(readyDelayMs, () => {
      ready = true;
      publish('Database.ready', undefined);
    });
  };

  return {
    load,
    loader: () => later(loadDelayMs, load),
    received: () => {
      const attributes: Record<string, unknown> = {};
      for (const message of sent) Object.assign(attributes, message.customAttributes);
      return attributes;
    },
    database: () => copy(database),
    config: () => (deploymentConfig === undefined ? undefined : copy(deploymentConfig)),
    calls: () => [...calls],
    messages: () => [...sent],
    sendMessage: (text) => {
      const message = { text, customAttributes: copy(database.messaging?.customAttributes ?? {}) };
      sent.push(message);
      return message;
    },
    uninstall: () => {
      for (const id of timers) host.clearTimeout(id);
      timers.clear();
      delete host[globalName];
      delete host._genesysJs;
    },
  };
}

/** Options of {@link installGenesysWebChatStandIn}. @public */
export interface GenesysWebChatStandInOptions {
  /** Milliseconds between `jsapi-v1.js` running and `window.ININ.webchat` existing. Default 30. */
  readonly loadDelayMs?: number;
  /** Make `create` fail through its callback, as a wrong `orgId`/`queueName` does. */
  readonly failCreate?: boolean;
}

/** Control and "agent panel" view of an installed Web Chat v2 stand-in. @public */
export interface GenesysWebChatStandIn {
  /** Define `ININ.webchat` now, as `jsapi-v1.js` would; idempotent. */
  load(): void;
  /** A `ScriptLoader` for `mountSnippet`, for the `jsapi-v1.js` URL. */
  readonly loader: ScriptLoader;
  /** The chat configs passed to `create`, in order (copies, `data` included). */
  configs(): readonly Record<string, unknown>[];
  /** How the chat was shown: `popup`, `frame` (with its container id), or undefined before the chat starts. */
  rendered(): { readonly mode: 'popup' | 'frame'; readonly containerEl?: unknown } | undefined;
  /** The customer participant's attributes once the chat started: every `data` field as `context.<key>`. */
  received(): Record<string, string> | undefined;
  /** Removes the global and cancels pending timers. */
  uninstall(): void;
}

/**
 * Installs a stand-in of the legacy Genesys Cloud Web Chat v2 API (`ININ.webchat` from `jsapi-v1.js`):
 * `create(chatConfig, callback)` calls back `(error, webchat)` and also returns a Promise; the chat starts on
 * `renderPopup`/`renderFrame`, and only then is `data` sent (as `context.`-prefixed participant attributes,
 * all values strings); `getConfig().setConfigProperty("data.x", …)` changes data only before that.
 * @public
 */
export function installGenesysWebChatStandIn(window: Window, options: GenesysWebChatStandInOptions = {}): GenesysWebChatStandIn {
  const host = window as unknown as MessengerWindow;
  const { loadDelayMs = 30 } = options;
  const timers = new Set<number>();
  const configs: Record<string, unknown>[] = [];
  let rendered: { mode: 'popup' | 'frame'; containerEl?: unknown } | undefined;
  let participant: Record<string, string> | undefined;
  let loaded = false;

  const later = (delay: number, run: () => void): void => {
    const id = host.setTimeout(() => {
      timers.delete(id);
      run();
    }, delay);
    timers.add(id);
  };

  const create = (chatConfig: unknown, callback?: Callback): Promise<unknown> => {
    const config = isRecord(chatConfig) ? copy(chatConfig) : {};
    configs.push(copy(config));
    const data: Record<string, unknown> = isRecord(config['data']) ? config['data'] : {};
    const start = (mode: 'popup' | 'frame', containerEl?: unknown): void => {
      if (rendered !== undefined) return;
      rendered = mode === 'frame' ? { mode, containerEl } : { mode };
      participant = {};
      for (const [key, value] of Object.entries(data)) {
        if (value !== undefined && value !== null) participant[`context.${key}`] = String(value);
      }
    };
    const webchat = {
      renderPopup: () => start('popup'),
      renderFrame: (frameOptions?: unknown) => start('frame', isRecord(frameOptions) ? frameOptions['containerEl'] : undefined),
      isAutoJoined: () => false,
      getConfig: () => ({
        setConfigProperty: (name: string, value: unknown) => {
          if (rendered !== undefined) return;
          const key = name.startsWith('data.') ? name.slice('data.'.length) : name;
          // defineProperty, so a "__proto__" name sets a property instead of the object's prototype.
          Object.defineProperty(name.startsWith('data.') ? data : config, key, { value, enumerable: true, writable: true, configurable: true });
        },
      }),
    };
    return new Promise((resolve, reject) => {
      later(0, () => {
        if (options.failCreate === true) {
          const error = new Error('Invalid organization or queue.');
          callback?.(error);
          reject(error);
          return;
        }
        callback?.(null, webchat);
        resolve(webchat);
      });
    }).catch((error: unknown) => {
      if (callback === undefined) throw error;
    });
  };

  const load = (): void => {
    if (loaded) return;
    loaded = true;
    host['ININ'] = { webchat: { create } };
  };

  return {
    load,
    loader: () => later(loadDelayMs, load),
    configs: () => configs.map(copy),
    rendered: () => rendered,
    received: () => (participant === undefined ? undefined : { ...participant }),
    uninstall: () => {
      for (const id of timers) host.clearTimeout(id);
      timers.clear();
      delete host['ININ'];
    },
  };
}

/** Options of {@link installGenesysWidgetsStandIn}. @public */
export interface GenesysWidgetsStandInOptions {
  /** Milliseconds between the Widgets loader running and `window.CXBus` existing. Default 30. */
  readonly loadDelayMs?: number;
  /** Make `WebChat.open` fail (its deferred is rejected), as a broken transport configuration does. */
  readonly rejectOpen?: boolean;
}

/** One `CXBus.command` call the page made, and what came of it. @public */
export interface GenesysWidgetsStandInCall {
  /** The command name, e.g. `WebChat.open`. */
  readonly name: string;
  /** The command options, copied. */
  readonly options?: unknown;
  /** `resolved` or `rejected` (the deferred's outcome). */
  readonly effect: 'resolved' | 'rejected';
}

/** Control and "agent panel" view of an installed Widgets v2 stand-in. @public */
export interface GenesysWidgetsStandIn {
  /** Define `CXBus` now, as the Widgets loader would (reading `window._genesys.widgets` then); idempotent. */
  load(): void;
  /** A `ScriptLoader` for `mountSnippet`, for the Widgets loader URL. */
  readonly loader: ScriptLoader;
  /** Every `CXBus.command` call, in order. */
  calls(): readonly GenesysWidgetsStandInCall[];
  /** The registration form as shown after `WebChat.open` (the prefilled values), or undefined while closed. */
  form(): Record<string, string> | undefined;
  /** Simulates the visitor submitting the form (with any edits): the chat starts and Genesys records the data. */
  submit(edits?: Record<string, string>): void;
  /** The customer participant's attributes once the chat started: config `userData`, `WebChat.open` `userData` and the form, as `context.<key>`. */
  received(): Record<string, string> | undefined;
  /** Removes the globals and cancels pending timers. */
  uninstall(): void;
}

/**
 * Installs a stand-in of legacy Genesys Widgets v2 (`window.CXBus`, configured by `window._genesys.widgets`):
 * the loader reads `_genesys.widgets.webchat` when it loads; `CXBus.command("WebChat.open", { form, userData })`
 * answers with a jQuery-style deferred (`done`/`fail`) and shows the registration form prefilled with `form`;
 * when the visitor submits it, the chat starts and Genesys records the config's `userData`, the command's
 * `userData` and the form fields as `context.<key>` participant attributes (strings). Unknown commands are
 * rejected.
 * @public
 */
export function installGenesysWidgetsStandIn(window: Window, options: GenesysWidgetsStandInOptions = {}): GenesysWidgetsStandIn {
  const host = window as unknown as MessengerWindow;
  const { loadDelayMs = 30 } = options;
  const timers = new Set<number>();
  const calls: GenesysWidgetsStandInCall[] = [];
  let loaded = false;
  let configUserData: Record<string, unknown> = {};
  let openUserData: Record<string, unknown> = {};
  let shownForm: Record<string, string> | undefined;
  let participant: Record<string, string> | undefined;

  const later = (delay: number, run: () => void): void => {
    const id = host.setTimeout(() => {
      timers.delete(id);
      run();
    }, delay);
    timers.add(id);
  };

  /** A jQuery-style deferred: `done` and `fail` register callbacks and return the deferred. */
  const deferred = (outcome: 'resolved' | 'rejected', value: unknown): unknown => {
    const done: Callback[] = [];
    const fail: Callback[] = [];
    const promise = {
      done: (callback: Callback) => (done.push(callback), promise),
      fail: (callback: Callback) => (fail.push(callback), promise),
    };
    later(0, () => {
      for (const callback of outcome === 'resolved' ? done : fail) callback(value);
    });
    return promise;
  };

  const command = (name: unknown, commandOptions?: unknown): unknown => {
    const label = String(name);
    const record = (effect: GenesysWidgetsStandInCall['effect']): void => {
      calls.push({ name: label, ...(commandOptions === undefined ? {} : { options: copy(commandOptions) }), effect });
    };
    if (label !== 'WebChat.open' || options.rejectOpen === true) {
      record('rejected');
      return deferred('rejected', new Error(label === 'WebChat.open' ? 'WebChat transport failed.' : `Command ${label} is not registered.`));
    }
    const given = isRecord(commandOptions) ? commandOptions : {};
    const form = isRecord(given['form']) ? given['form'] : {};
    openUserData = isRecord(given['userData']) ? copy(given['userData']) : {};
    shownForm = {};
    for (const [key, value] of Object.entries(form)) if (typeof value === 'string') shownForm[key] = value;
    record('resolved');
    return deferred('resolved', undefined);
  };

  const load = (): void => {
    if (loaded) return;
    loaded = true;
    const genesys = host['_genesys'];
    const widgets = isRecord(genesys) ? genesys['widgets'] : undefined;
    const webchat = isRecord(widgets) ? widgets['webchat'] : undefined;
    configUserData = isRecord(webchat) && isRecord(webchat['userData']) ? copy(webchat['userData']) : {};
    host['CXBus'] = { command };
  };

  return {
    load,
    loader: () => later(loadDelayMs, load),
    calls: () => [...calls],
    form: () => (shownForm === undefined ? undefined : { ...shownForm }),
    submit: (edits = {}) => {
      if (participant !== undefined) return;
      participant = {};
      for (const [key, value] of Object.entries({ ...configUserData, ...openUserData, ...shownForm, ...edits })) {
        if (value !== undefined && value !== null) participant[`context.${key}`] = String(value);
      }
    },
    received: () => (participant === undefined ? undefined : { ...participant }),
    uninstall: () => {
      for (const id of timers) host.clearTimeout(id);
      timers.clear();
      delete host['CXBus'];
      delete host['_genesys'];
    },
  };
}
