import * as z from 'zod/mini';
import { Diagnostics, VisitorContextError, parseAdapterOptions } from '@visitor-context/core';
import { VendorHttpOptionsSchema, type VendorHttpOptions } from '@visitor-context/core/server';
import { giosgServiceHost } from './giosg-options.js';

/**
 * Options of {@link createGiosgServerClient}: the API token and organization, plus how requests are sent
 * (core's `VendorHttpOptions`: `fetch`, `timeoutMs`, `retries`, `maxRetryDelayMs`, `totalTimeoutMs`, `signal`).
 * @public
 */
export interface GiosgServerClientOptions extends VendorHttpOptions {
  /**
   * A giosg API token (giosg › Settings › Company › API tokens), sent as `Authorization: Token <apiToken>`. It
   * acts as the user who created it, with that user's permissions, and dies with that user. Never logged, never
   * in a diagnostic, error or `JSON.stringify` of the client.
   */
  readonly apiToken: string;
  /** Your giosg organization (company) id, the UUID in the account settings. */
  readonly organizationId: string;
  /**
   * giosg's API base URL; default `https://service.giosg.com`. A path prefix (a proxy in front of giosg) is kept.
   * `https:` only (`http:` for localhost stand-ins), without credentials, query or fragment.
   */
  readonly apiBaseUrl?: string;
}

/**
 * A configured giosg REST API client, made by {@link createGiosgServerClient}. It holds no readable secret: the
 * token is kept out of the object, so logging or serializing the client cannot leak it.
 * @public
 */
export interface GiosgServerClient {
  /** Always `giosg`. */
  readonly vendor: 'giosg';
  /** The organization the client writes to. */
  readonly organizationId: string;
  /** The API base URL requests go to, without a trailing slash. */
  readonly apiBaseUrl: string;
}

/** What a client knows but does not show. */
export interface GiosgClientSettings {
  readonly apiToken: string;
  readonly organizationId: string;
  readonly apiBaseUrl: string;
  readonly http: VendorHttpOptions;
}

const settingsByClient = new WeakMap<GiosgServerClient, GiosgClientSettings>();

/** The settings of a client made by {@link createGiosgServerClient}, or undefined for anything else. */
export function readClientSettings(client: unknown): GiosgClientSettings | undefined {
  return typeof client === 'object' && client !== null ? settingsByClient.get(client as GiosgServerClient) : undefined;
}

/**
 * What a giosg id (organization, room, visitor) may look like: giosg's are UUIDs or 32 hex digits. Letters,
 * digits, `-` and `_` only, so an id is always exactly one path segment (no `/`, `.`, `%`, `?` or `#`).
 */
export const giosgIdPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https: anywhere; http: only to this machine (tests, local stand-ins), so the token never crosses a network in clear. */
function isAllowedBaseUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname));
}

const GiosgServerClientOptionsSchema = z.strictObject({
  // Checked on its own (see readApiToken) so that its value can never be quoted in a message.
  apiToken: z.optional(z.unknown()),
  organizationId: z.string().check(z.regex(giosgIdPattern, 'must be your giosg organization id (the UUID in the account settings)')),
  apiBaseUrl: z.optional(
    z.string().check(z.refine(isAllowedBaseUrl, 'must be an https: URL such as "https://service.giosg.com" (http: only for localhost), without credentials, query or fragment')),
  ),
  ...VendorHttpOptionsSchema.shape,
});

/** The token's checks, worded without ever quoting it. */
function readApiToken(token: unknown, diagnostics: Diagnostics): string | undefined {
  if (typeof token !== 'string' || token.length === 0) {
    diagnostics.error('invalid_option', ['apiToken'], 'apiToken is required: a giosg API token (giosg › Settings › Company › API tokens), e.g. from process.env.GIOSG_API_TOKEN.');
    return undefined;
  }
  if (token.length > 4096 || !/^[\x21-\x7e]+$/.test(token)) {
    diagnostics.error('invalid_option', ['apiToken'], 'apiToken must be the token exactly as giosg shows it: printable characters, no spaces or line breaks (check for a trailing newline from a file or an env var).');
    return undefined;
  }
  return token;
}

/**
 * Creates a client for giosg's REST API with an API token, for {@link pushGiosgVisitorVariables}. The options
 * are checked now, so a typo fails at start-up rather than on the first push.
 *
 * @throws {@link @visitor-context/core#VisitorContextError} with one `invalid_option` diagnostic per problem,
 * naming the option and suggesting the closest known name for an unknown one. The token is never quoted.
 * @public
 */
export function createGiosgServerClient(options: GiosgServerClientOptions): GiosgServerClient {
  const diagnostics = new Diagnostics();
  let parsed: z.infer<typeof GiosgServerClientOptionsSchema> | undefined;
  let apiToken: string | undefined;
  try {
    parsed = parseAdapterOptions(GiosgServerClientOptionsSchema, options, diagnostics);
    apiToken = readApiToken(typeof options === 'object' && options !== null ? options.apiToken : undefined, diagnostics);
  } catch {
    // zod reads the options before knowing they are plain: a getter or a proxy trap may throw there.
    diagnostics.error('invalid_option', [], 'The giosg client options could not be read; pass a plain object { apiToken, organizationId }.');
  }
  if (parsed === undefined || apiToken === undefined || diagnostics.hasErrors) throw new VisitorContextError(diagnostics.all);
  const { apiToken: _unused, organizationId, apiBaseUrl = giosgServiceHost, ...http } = parsed;
  void _unused;
  const base = new URL(apiBaseUrl);
  // Keep a path prefix (a proxy in front of giosg), without its trailing slash.
  const root = base.origin + base.pathname.replace(/\/+$/, '');
  const client: GiosgServerClient = Object.freeze({ vendor: 'giosg', organizationId, apiBaseUrl: root });
  settingsByClient.set(client, { apiToken, organizationId, apiBaseUrl: root, http: withoutUndefined(http) });
  return client;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}
