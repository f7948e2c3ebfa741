import type { ScriptLoader } from './mount-snippet.js';

/** A pre-chat form field as `Comm100API.get('livechat.prechat.fields')` returns it. @public */
export interface Comm100StandInPrechatField {
  /** The field id. */
  readonly id: string;
  /** The field type: name, email, phone, company, product, department, text, … */
  readonly type: string;
  /** The label the visitor and the agent see. */
  readonly label: string;
  /** Whether the form cannot be submitted (or skipped) without a valid value. */
  readonly isRequired: boolean;
  /** A value the form starts with. */
  readonly value?: string;
}

/** Options of {@link installComm100StandIn}. @public */
export interface Comm100StandInOptions {
  /** Milliseconds between the loader script running and the widget being ready (`onReady` called). Default 20. */
  readonly readyDelayMs?: number;
  /** Custom variable names defined in the Control Panel; others are silently ignored. Default none. */
  readonly customVariables?: readonly string[];
  /** The campaign's pre-chat form. Default: name and email (required), phone and company. */
  readonly prechatFields?: readonly Comm100StandInPrechatField[];
  /** The campaign id; `get`/`set` of pre-chat fields for another campaign find no form. Default: any campaign. */
  readonly campaignId?: string | number;
}

/** One call the page made on the stand-in `Comm100API`, as its console would log it. @public */
export interface Comm100StandInCall {
  /** The API primitive. */
  readonly method: 'get' | 'set' | 'on' | 'do' | 'render';
  /** The first argument, e.g. `livechat.customVariables`. */
  readonly type: string;
  /** The other arguments, as given. */
  readonly args: readonly unknown[];
  /** What happened: `applied`, `ignored` (an unknown type, or `isSkip` while a required field is invalid), `read`. */
  readonly effect: 'applied' | 'ignored' | 'read';
}

/** What an agent sees of the visitor in the stand-in's agent console. @public */
export interface Comm100StandInView {
  /** Custom variables with a value, by name (defined names only). */
  readonly customVariables: Readonly<Record<string, string>>;
  /** Pre-chat field values by field type, for fields with a non-empty value. */
  readonly prechat: Readonly<Record<string, string>>;
  /** Whether the pre-chat form was skipped. */
  readonly prechatSkipped: boolean;
}

/** Control and "agent panel" view of an installed Comm100 stand-in. @public */
export interface Comm100StandIn {
  /** A `ScriptLoader` for `mountSnippet`, for the `livechat.ashx` loader URL. */
  readonly loader: ScriptLoader;
  /** Loads the widget as its loader script would: ready after `readyDelayMs`. Idempotent. */
  load(): void;
  /** Whether the widget is ready (its methods exist and `onReady` was called). */
  isReady(): boolean;
  /** What the agent sees now. */
  received(): Comm100StandInView;
  /** Custom variable names the page set that the Control Panel does not define (silently ignored). */
  ignoredVariables(): readonly string[];
  /** Every call the page made, in order. */
  calls(): readonly Comm100StandInCall[];
  /** Removes the global and cancels a pending load. */
  uninstall(): void;
}

interface Comm100Api {
  [key: string]: unknown;
  onReady?: unknown;
  loaded?: boolean;
}

interface StandInWindow {
  Comm100API?: Comm100Api;
  setTimeout(handler: () => void, timeout?: number): number;
  clearTimeout(id: number | undefined): void;
}

const defaultForm: readonly Comm100StandInPrechatField[] = [
  { id: 'f-name', type: 'name', label: 'Name', isRequired: true },
  { id: 'f-email', type: 'email', label: 'Email', isRequired: true },
  { id: 'f-phone', type: 'phone', label: 'Phone', isRequired: false },
  { id: 'f-company', type: 'company', label: 'Company', isRequired: false },
];

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Installs a stand-in of Comm100 Live Chat's visitor-side global, `Comm100API`, behaving as Comm100 documents
 * it: the installation code's `Comm100API` object is filled in only when the loader script has run and the
 * widget is ready, which is when `onReady` is called, once (an `onReady` assigned later is never called);
 * before that, `get`/`set` do not exist. `set('livechat.customVariables', [{ name, value }])` silently ignores
 * names not defined in the Control Panel and `undefined` values, and stores other values with `toString()`;
 * `get('livechat.prechat.fields')` returns copies of the form's fields, which `set('livechat.prechat.fields', fields)`
 * writes back by id; `set('livechat.prechat.isSkip', true)` only skips the form when every required
 * field is valid; unknown types are ignored.
 * @public
 */
export function installComm100StandIn(window: Window, options: Comm100StandInOptions = {}): Comm100StandIn {
  const host = window as unknown as StandInWindow;
  const { readyDelayMs = 20 } = options;
  const defined = new Set(options.customVariables ?? []);
  const form = (options.prechatFields ?? defaultForm).map((field) => ({ ...field, value: field.value ?? '' }));
  const variables = new Map<string, string>();
  const ignored: string[] = [];
  const calls: Comm100StandInCall[] = [];
  let skipped = false;
  let ready = false;
  let timer: number | undefined;

  const record = (method: Comm100StandInCall['method'], type: string, args: unknown[], effect: Comm100StandInCall['effect']): void => {
    calls.push({ method, type, args, effect });
  };
  const forCampaign = (campaignId: unknown): boolean =>
    campaignId === undefined || options.campaignId === undefined || String(campaignId) === String(options.campaignId);
  const isValid = (field: (typeof form)[number]): boolean =>
    field.value.trim() !== '' && (field.type !== 'email' || emailPattern.test(field.value));

  const get = (type: string, ...args: unknown[]): unknown => {
    if (type === 'livechat.prechat.fields') {
      record('get', type, args, 'read');
      if (!forCampaign(args[0])) return undefined;
      return form.map((field) => ({
        id: field.id,
        value: field.value,
        label: field.label,
        type: field.type,
        error: '',
        isErrorShowed: false,
        isHidden: false,
        isRequired: field.isRequired,
        isFocused: false,
        options: [],
      }));
    }
    if (type === 'livechat.visitor.guid') {
      record('get', type, args, 'read');
      return '00000000-0000-4000-8000-000000000c00';
    }
    record('get', type, args, 'ignored');
    return undefined;
  };

  const set = (type: string, value: unknown, ...args: unknown[]): void => {
    if (type === 'livechat.customVariables' && Array.isArray(value)) {
      for (const item of value as { name?: unknown; value?: unknown }[]) {
        if (typeof item !== 'object' || item === null || typeof item.name !== 'string') continue;
        if (!defined.has(item.name)) {
          ignored.push(item.name);
          continue;
        }
        if (item.value === undefined) continue;
        variables.set(item.name, String(item.value));
      }
      record('set', type, [value, ...args], 'applied');
      return;
    }
    if (type === 'livechat.prechat.fields' && Array.isArray(value) && forCampaign(args[0])) {
      for (const item of value as { id?: unknown; value?: unknown }[]) {
        const field = form.find((candidate) => typeof item === 'object' && item !== null && candidate.id === item.id);
        if (field !== undefined && item.value !== undefined && item.value !== null) field.value = String(item.value);
      }
      record('set', type, [value, ...args], 'applied');
      return;
    }
    if (type === 'livechat.prechat.isSkip' && value === true && form.every((field) => !field.isRequired || isValid(field))) {
      skipped = true;
      record('set', type, [value, ...args], 'applied');
      return;
    }
    record('set', type, [value, ...args], 'ignored');
  };

  const becomeReady = (): void => {
    timer = undefined;
    const api = (host.Comm100API ??= {});
    api['get'] = get;
    api['set'] = set;
    api['on'] = (type: string, callback: unknown) => {
      record('on', type, [callback], 'applied');
      return () => undefined;
    };
    api['do'] = (type: string, ...args: unknown[]) => {
      record('do', type, args, 'ignored');
      return Promise.resolve();
    };
    api['render'] = (type: string, ...args: unknown[]) => record('render', type, args, 'ignored');
    api.loaded = true;
    ready = true;
    const onReady = api.onReady;
    if (typeof onReady === 'function') onReady.call(api);
  };

  const load = (): void => {
    if (ready || timer !== undefined) return;
    timer = host.setTimeout(becomeReady, readyDelayMs);
  };

  return {
    loader: () => load(),
    load,
    isReady: () => ready,
    received: () => ({
      customVariables: Object.fromEntries(variables),
      prechat: Object.fromEntries(form.filter((field) => field.value !== '').map((field) => [field.type, field.value])),
      prechatSkipped: skipped,
    }),
    ignoredVariables: () => [...ignored],
    calls: () => [...calls],
    uninstall: () => {
      host.clearTimeout(timer);
      timer = undefined;
      delete host.Comm100API;
    },
  };
}
