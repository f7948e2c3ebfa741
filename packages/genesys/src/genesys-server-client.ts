import type { VendorHttpOptions } from '@visitor-context/core/server';
import { createGenesysAccessTokenSource, type GenesysAccessTokenSource } from './genesys-access-token.js';
import { resolveGenesysServerClientOptions, type GenesysServerClientOptions } from './genesys-server-options.js';

/**
 * A Genesys Cloud API client for one OAuth client (client-credentials grant), made by
 * {@link createGenesysServerClient} and passed to `pushGenesysParticipantAttributes`.
 *
 * @remarks
 * It shows where it sends and nothing else: the client id, the secret and the access tokens are held outside the
 * object, so `String(client)`, `JSON.stringify(client)` and `util.inspect(client)` never contain them.
 * @public
 */
export interface GenesysServerClient {
  /** The region's domain (e.g. `mypurecloud.ie`), or `undefined` when both base URLs were given instead. */
  readonly region: string | undefined;
  /** Where API requests go, e.g. `https://api.mypurecloud.ie`. */
  readonly apiBaseUrl: string;
  /** Where token requests go, e.g. `https://login.mypurecloud.ie`. */
  readonly loginBaseUrl: string;
  /** `GenesysServerClient(https://api.mypurecloud.ie)`: no credentials. */
  toString(): string;
  /** `{ region, apiBaseUrl, loginBaseUrl }`: no credentials. */
  toJSON(): { readonly region: string | undefined; readonly apiBaseUrl: string; readonly loginBaseUrl: string };
}

/** What a client needs to send, kept out of the object the caller holds. */
export interface GenesysClientState {
  readonly apiBaseUrl: string;
  readonly http: VendorHttpOptions;
  readonly tokens: GenesysAccessTokenSource;
  /** Scrubbed from every diagnostic of every request, in case a vendor or proxy echoes it. */
  readonly secrets: readonly string[];
}

const states = new WeakMap<object, GenesysClientState>();

/**
 * Creates a Genesys Cloud API client for pushing visitor context from the server. Create it once (at start-up)
 * and share it: it caches the access token until shortly before it expires, and concurrent pushes share one token
 * request.
 *
 * @example
 * ```ts
 * const genesys = createGenesysServerClient({
 *   region: 'mypurecloud.ie', // or 'eu-west-1'
 *   clientId: process.env.GENESYS_CLIENT_ID!,
 *   clientSecret: process.env.GENESYS_CLIENT_SECRET!,
 * });
 * ```
 * @throws `VisitorContextError` (`invalid_option`) when an option is wrong: an unknown option (with the closest
 * known name), an unknown region (with the closest region and the list), a base URL that is not https (plain http
 * is accepted for loopback addresses only), a missing or empty client id or secret (whose values are never shown).
 * @public
 */
export function createGenesysServerClient(options: GenesysServerClientOptions): GenesysServerClient {
  const resolved = resolveGenesysServerClientOptions(options);
  const { regionDomain, apiBaseUrl, loginBaseUrl, http } = resolved;
  const tokens = createGenesysAccessTokenSource({ loginBaseUrl, clientId: resolved.clientId, clientSecret: resolved.clientSecret, http });
  const description = { region: regionDomain, apiBaseUrl, loginBaseUrl };
  const client: GenesysServerClient = Object.freeze({
    ...description,
    toString: () => `GenesysServerClient(${apiBaseUrl})`,
    toJSON: () => ({ ...description }),
  });
  states.set(client, { apiBaseUrl, http, tokens, secrets: [resolved.clientSecret] });
  return client;
}

/** The state of a client made by {@link createGenesysServerClient}, or `undefined` for anything else. */
export function genesysClientState(client: unknown): GenesysClientState | undefined {
  return typeof client === 'object' && client !== null ? states.get(client) : undefined;
}
