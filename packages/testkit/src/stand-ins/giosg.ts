import type { ScriptLoader } from './mount-snippet.js';

/** Options of {@link installGiosgStandIn}. @public */
export interface GiosgStandInOptions {
  /** Milliseconds between giosg's script starting and `giosg.api` being ready (the queue is drained then). Default 30. */
  readonly loadDelayMs?: number;
  /** Milliseconds giosg's server takes to answer a submission. Default 5. */
  readonly answerDelayMs?: number;
  /** The account's API signing key: JWT (HS256/384/512) and sha1-checksum submissions are verified with it. */
  readonly signingKey?: string | Uint8Array;
  /** The room setting "Always require signatures for visitor data": unsigned data is rejected with HTTP 400. */
  readonly requireSignatures?: boolean;
  /** The clock for `exp`/`_exp` checks, in milliseconds. Default `Date.now`. */
  readonly now?: () => number;
}

/** One call the page made through `_giosg` or `giosg.api`, as giosg's console would log it. @public */
export interface GiosgStandInCall {
  /** `visitor`, `room`, `chat`, or `function` for the ready-callback form `_giosg(fn)`. */
  readonly module: string;
  /** The method (`submit`, `remove`, `removeAll`, …); empty for the callback form. */
  readonly method: string;
  /** The arguments, as given. */
  readonly args: readonly unknown[];
  /** `queued` (sent, not answered yet), `accepted`, `rejected` (HTTP 400), `ignored` (unknown call, dropped silently), `ran` (callback). */
  readonly effect: 'queued' | 'accepted' | 'rejected' | 'ignored' | 'ran';
  /** Why a submission was rejected. */
  readonly reason?: string;
}

/** What the agent sees for the visitor in one room. @public */
export interface GiosgStandInVisitor {
  /** The visitor's display name: the `username` value, or "Visitor". */
  readonly name: string;
  /** The visitor variables, as stored. */
  readonly data: Readonly<Record<string, unknown>>;
  /** Per key: true when it arrived signed (closed lock), false for plain data (open lock). */
  readonly signed: Readonly<Record<string, boolean>>;
}

/** Control and "agent panel" view of an installed giosg stand-in. @public */
export interface GiosgStandIn {
  /** Loads giosg as its script would (used by {@link GiosgStandIn.loader}); idempotent. */
  load(): void;
  /** A `ScriptLoader` for `mountSnippet`, for giosg's script URL. */
  readonly loader: ScriptLoader;
  /** Whether giosg has finished loading (its API exists and the queue is drained). */
  loaded(): boolean;
  /** The visitor as the agent sees it in a room: `domain` (default), `id:<room id>` or `name:<room name>`. */
  received(room?: string): GiosgStandInVisitor;
  /** Every room that holds data. */
  rooms(): readonly string[];
  /** Every call, in order. */
  calls(): readonly GiosgStandInCall[];
  /** Removes the globals and cancels pending timers. */
  uninstall(): void;
}

interface StandInWindow {
  _giosg?: ((...args: unknown[]) => void) & { _e?: ArrayLike<unknown>[]; _c?: unknown; _h?: unknown };
  giosg?: unknown;
  crypto: Crypto;
  setTimeout(handler: () => void, timeout?: number): number;
  clearTimeout(id: number | undefined): void;
}

interface Rejection {
  readonly status: 400;
  readonly responseText: string;
}

const jwtHashes: Readonly<Record<string, string>> = { HS256: 'SHA-256', HS384: 'SHA-384', HS512: 'SHA-512' };

/**
 * Installs a stand-in of giosg's visitor JavaScript API, behaving as giosg documents it: the page's giosg tag
 * defines `_giosg` as a queue (`_giosg._e`), which giosg's script drains in order once loaded (after
 * `loadDelayMs`); `_giosg(fn)` runs `fn` when giosg is ready; `_giosg('module', 'method', …args)` equals
 * `giosg.api.<module>.<method>(…args)`, and unknown calls are silently ignored. `visitor.submit(data, algorithm = 'plain', replaceExisting = false, rooms)`
 * returns a promise: `plain` data is an object; for
 * HS256/HS384/HS512 the data is a compact JWT string, verified with the signing key (the header's `alg` must
 * equal the argument, `exp` must be in the future), and its payload becomes the data (`exp` excluded); `sha1`
 * checksums are verified (`md5` cannot be, without MD5 in Web Crypto); a room requiring signatures rejects
 * unsigned data; rejections are HTTP 400. `replaceExisting` replaces the room's data, otherwise keys are merged;
 * `username` renames the visitor. `remove(key)` and `removeAll()` clear data in every room. `chat.close(options)`
 * is recorded and answered.
 * @public
 */
export function installGiosgStandIn(window: Window, options: GiosgStandInOptions = {}): GiosgStandIn {
  const host = window as unknown as StandInWindow;
  const { loadDelayMs = 30, answerDelayMs = 5, requireSignatures = false, now = () => Date.now() } = options;
  const rooms = new Map<string, { data: Record<string, unknown>; signed: Record<string, boolean> }>();
  const calls: GiosgStandInCall[] = [];
  const timers = new Set<number>();
  let loading = false;
  let ready = false;

  const later = (handler: () => void, delay: number): void => {
    const id = host.setTimeout(() => {
      timers.delete(id);
      handler();
    }, delay);
    timers.add(id);
  };

  const answer = <T>(work: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => later(() => void work().then(resolve, reject), answerDelayMs));

  const reject = (call: { effect: GiosgStandInCall['effect']; reason?: string }, reason: string): never => {
    call.effect = 'rejected';
    call.reason = reason;
    throw { status: 400, responseText: reason } satisfies Rejection;
  };

  const submit = (call: { effect: GiosgStandInCall['effect']; reason?: string }, args: unknown[]): Promise<void> =>
    answer(async () => {
      const [visitorData, algorithm = 'plain', replaceExisting = false, roomInformation] = args;
      const roomKeys = readRooms(roomInformation) ?? reject(call, 'room_information must be a list of { id } or { name } objects');
      let data: Record<string, unknown>;
      let signed = false;
      if (algorithm === 'plain') {
        if (requireSignatures) reject(call, 'This room requires signed visitor data');
        if (!isObject(visitorData)) reject(call, 'visitor_data must be an object');
        data = JSON.parse(JSON.stringify(visitorData)) as Record<string, unknown>;
      } else if (typeof algorithm === 'string' && Object.hasOwn(jwtHashes, algorithm)) {
        data = await verifyJwt(visitorData, algorithm, call);
        signed = true;
      } else if (algorithm === 'sha1' || algorithm === 'md5') {
        data = await verifyChecksum(visitorData, algorithm, call);
        signed = true;
      } else {
        return reject(call, `Unknown signing algorithm ${String(algorithm)}`);
      }
      for (const roomKey of roomKeys) {
        const room = rooms.get(roomKey) ?? { data: {}, signed: {} };
        if (replaceExisting === true) {
          room.data = {};
          room.signed = {};
        }
        for (const [key, value] of Object.entries(data)) {
          Object.defineProperty(room.data, key, { value, enumerable: true, writable: true, configurable: true });
          Object.defineProperty(room.signed, key, { value: signed, enumerable: true, writable: true, configurable: true });
        }
        rooms.set(roomKey, room);
      }
      call.effect = 'accepted';
    });

  const verifyJwt = async (token: unknown, algorithm: string, call: { effect: GiosgStandInCall['effect']; reason?: string }): Promise<Record<string, unknown>> => {
    if (typeof token !== 'string') return reject(call, 'A signed submission passes the JWT string in place of the data');
    const parts = token.split('.');
    if (parts.length !== 3) return reject(call, 'Not a compact JWT');
    const [header, payload, signature] = parts as [string, string, string];
    let claims: unknown;
    try {
      const parsedHeader = JSON.parse(decodeText(header)) as { alg?: unknown };
      if (parsedHeader.alg !== algorithm) return reject(call, `The token's alg ${String(parsedHeader.alg)} does not match ${algorithm}`);
      claims = JSON.parse(decodeText(payload));
    } catch (error) {
      if (isRejection(error)) throw error;
      return reject(call, 'The token is not valid base64url JSON');
    }
    if (options.signingKey === undefined) return reject(call, 'No API signing key is configured for this organization');
    const key = await host.crypto.subtle.importKey('raw', bytesOf(options.signingKey), { name: 'HMAC', hash: jwtHashes[algorithm] as string }, false, ['verify']);
    const valid = await host.crypto.subtle.verify('HMAC', key, decodeBytes(signature), new TextEncoder().encode(`${header}.${payload}`));
    if (!valid) return reject(call, 'Invalid signature');
    if (!isObject(claims)) return reject(call, 'The token payload must be an object');
    const { exp, ...data } = claims;
    if (exp !== undefined && !(typeof exp === 'number' && exp * 1000 > now())) return reject(call, 'The token has expired');
    return data;
  };

  const verifyChecksum = async (visitorData: unknown, algorithm: string, call: { effect: GiosgStandInCall['effect']; reason?: string }): Promise<Record<string, unknown>> => {
    if (!isObject(visitorData)) return reject(call, 'visitor_data must be an object');
    const { _checksum: checksum, ...signedData } = visitorData;
    if (algorithm === 'md5') return reject(call, 'The stand-in cannot verify md5 checksums (no MD5 in Web Crypto); use sha1');
    if (options.signingKey === undefined) return reject(call, 'No API signing key is configured for this organization');
    const text = Object.keys(signedData)
      .sort((left, right) => (left.toLowerCase() < right.toLowerCase() ? -1 : left.toLowerCase() > right.toLowerCase() ? 1 : 0))
      .map((key) => `${key}:${String(signedData[key])}&`)
      .join('');
    const input = new Uint8Array([...new TextEncoder().encode(text), ...bytesOf(options.signingKey)]);
    const digest = new Uint8Array(await host.crypto.subtle.digest('SHA-1', input));
    const expected = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
    if (checksum !== expected) return reject(call, 'Invalid checksum');
    const { _exp: expires, ...data } = signedData;
    if (expires !== undefined && !(Number(expires) * 1000 > now())) return reject(call, 'The checksum has expired');
    return data;
  };

  const removeEverywhere = (key?: string): Promise<void> =>
    answer(async () => {
      for (const room of rooms.values()) {
        if (key === undefined) {
          room.data = {};
          room.signed = {};
        } else {
          delete room.data[key];
          delete room.signed[key];
        }
      }
    });

  const record = (module: string, method: string, args: unknown[], effect: GiosgStandInCall['effect']): { effect: GiosgStandInCall['effect']; reason?: string } => {
    const call = { module, method, args, effect } as { module: string; method: string; args: unknown[]; effect: GiosgStandInCall['effect']; reason?: string };
    calls.push(call);
    return call;
  };

  const api = {
    visitor: {
      submit: (...args: unknown[]) => submit(record('visitor', 'submit', args, 'queued'), args),
      remove: (key: unknown) => {
        const call = record('visitor', 'remove', [key], 'accepted');
        return typeof key === 'string' ? removeEverywhere(key) : answer(async () => reject(call, 'key must be a string'));
      },
      removeAll: () => {
        record('visitor', 'removeAll', [], 'accepted');
        return removeEverywhere();
      },
    },
    // Closing (and hiding, clearing) the chat window is page state only; it is recorded and answered.
    chat: {
      close: (...args: unknown[]) => {
        record('chat', 'close', args, 'accepted');
        return answer(async () => undefined);
      },
    },
  } as const;

  const dispatch = (args: ArrayLike<unknown>): void => {
    const list = Array.from(args);
    const [first, method, ...rest] = list;
    if (typeof first === 'function') {
      record('function', '', list, 'ran');
      try {
        (first as () => void)();
      } catch {
        // giosg swallows errors of page callbacks.
      }
      return;
    }
    const target = typeof first === 'string' && Object.hasOwn(api, first) ? (api as Record<string, Record<string, unknown>>)[first] : undefined;
    const action = target !== undefined && typeof method === 'string' && Object.hasOwn(target, method) ? target[method] : undefined;
    if (typeof action !== 'function') {
      record(String(first), String(method ?? ''), rest, 'ignored');
      return;
    }
    // The queue form has no way to report failures: giosg drops them silently.
    void (action as (...parameters: unknown[]) => Promise<void>)(...rest).catch(() => undefined);
  };

  const finishLoading = (): void => {
    const queued = host._giosg?._e ?? [];
    host.giosg = { api };
    host._giosg = Object.assign((...args: unknown[]) => dispatch(args), { _c: host._giosg?._c, _h: host._giosg?._h });
    ready = true;
    for (const args of Array.from(queued)) dispatch(args);
  };

  const load = (): void => {
    if (loading) return;
    loading = true;
    later(finishLoading, loadDelayMs);
  };

  return {
    load,
    loader: () => load(),
    loaded: () => ready,
    received(room = 'domain') {
      const stored = rooms.get(room) ?? { data: {}, signed: {} };
      const username = stored.data['username'];
      return { name: typeof username === 'string' && username !== '' ? username : 'Visitor', data: { ...stored.data }, signed: { ...stored.signed } };
    },
    rooms: () => [...rooms.keys()],
    calls: () => calls.map((call) => ({ ...call })),
    uninstall() {
      for (const id of timers) host.clearTimeout(id);
      timers.clear();
      // The giosg tag declares `var _giosg`, a global that cannot be deleted; clearing it is what a reload does.
      for (const name of ['_giosg', 'giosg'] as const) {
        if (Object.getOwnPropertyDescriptor(host, name)?.configurable === false) (host as unknown as Record<string, unknown>)[name] = undefined;
        else delete host[name];
      }
    },
  };
}

function readRooms(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return ['domain'];
  const list = Array.isArray(value) ? value : [value];
  const keys: string[] = [];
  for (const room of list) {
    if (!isObject(room)) return undefined;
    if (typeof room['id'] === 'string' && room['id'] !== '') keys.push(`id:${room['id']}`);
    else if (typeof room['name'] === 'string' && room['name'] !== '') keys.push(`name:${room['name']}`);
    else return undefined;
  }
  return keys.length === 0 ? undefined : keys;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRejection(value: unknown): value is Rejection {
  return isObject(value) && value['status'] === 400;
}

function bytesOf(key: string | Uint8Array): Uint8Array<ArrayBuffer> {
  return typeof key === 'string' ? new TextEncoder().encode(key) : new Uint8Array(key);
}

function decodeBytes(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw { status: 400, responseText: 'Not base64url' } satisfies Rejection;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '='));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

function decodeText(text: string): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(decodeBytes(text));
}
