/*
 * OAuth client-credentials tokens for one Genesys Cloud OAuth client
 * (`POST https://login.<region domain>/oauth/token`, HTTP Basic client id and secret,
 * `grant_type=client_credentials`; the answer is `{ access_token, token_type: "bearer", expires_in }`).
 *
 * A token is reused until shortly before it expires (Genesys issues them for 24 hours unless the OAuth client
 * says otherwise, 5 minutes at the least), and concurrent pushes share one token request instead of each
 * asking for its own.
 */
import type { Diagnostic, Result } from '@visitor-context/core';
import type { VendorHttpOptions } from '@visitor-context/core/server';
import { asCredentialFailure, sendGenesysRequest } from './send-genesys-request.js';

/** A bearer token and when to stop using it (epoch milliseconds). */
export interface GenesysAccessToken {
  readonly value: string;
  readonly renewAt: number;
}

/** Hands out a valid token, asking the token endpoint only when the cached one is missing, old or refused. */
export interface GenesysAccessTokenSource {
  /** A valid token: the cached one, the one being fetched for another push, or a new one. */
  get(signal?: AbortSignal): Promise<Result<GenesysAccessToken>>;
  /** Forgets a token the API refused (401), unless a newer one has replaced it meanwhile. */
  discard(token: GenesysAccessToken): void;
}

/** Stop using a token this long before it expires, so that a push never starts with a token about to lapse. */
const renewalMarginMs = 60_000;

export interface GenesysAccessTokenSourceOptions {
  readonly loginBaseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly http: VendorHttpOptions;
}

/** The token source of one client. The credentials stay in this closure; nothing returned holds them. */
export function createGenesysAccessTokenSource(options: GenesysAccessTokenSourceOptions): GenesysAccessTokenSource {
  const { loginBaseUrl, http, clientSecret } = options;
  const authorization = `Basic ${basicCredentials(options.clientId, clientSecret)}`;
  let cached: GenesysAccessToken | undefined;
  let pending: Promise<Result<GenesysAccessToken>> | undefined;

  const request = async (): Promise<Result<GenesysAccessToken>> => {
    const response = asCredentialFailure(
      await sendGenesysRequest(
        {
          operation: 'issue an OAuth access token (client credentials)',
          method: 'POST',
          url: `${loginBaseUrl}/oauth/token`,
          headers: { authorization, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: 'grant_type=client_credentials',
          secrets: [clientSecret],
        },
        // Shared by every push waiting for it: only the client's own options apply, never one push's signal (each
        // push stops waiting on its own signal instead, in raceAbort).
        http,
      ),
    );
    if (!response.ok) return response;
    const token = readTokenResponse(response.value.body, Date.now());
    return token.ok ? { ok: true, value: token.value, diagnostics: [] } : token;
  };

  return {
    async get(signal) {
      if (signal?.aborted === true) return abortedWhileWaiting();
      if (cached !== undefined && Date.now() < cached.renewAt) return { ok: true, value: cached, diagnostics: [] };
      if (pending === undefined) {
        pending = request()
          .catch((): Result<GenesysAccessToken> => failure('The Genesys token request failed unexpectedly; try again.'))
          .then((result) => {
            pending = undefined;
            if (result.ok) cached = result.value;
            return result;
          });
      }
      return signal === undefined ? pending : raceAbort(pending, signal);
    },
    discard(token) {
      if (cached === token) cached = undefined;
    },
  };
}

/** `id:secret` in base64, as HTTP Basic wants it (RFC 7617, UTF-8). */
function basicCredentials(clientId: string, clientSecret: string): string {
  const bytes = new TextEncoder().encode(`${clientId}:${clientSecret}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Reads `{ access_token, expires_in }`; anything else is a `vendor_error` that shows no token. */
export function readTokenResponse(body: unknown, now: number): Result<GenesysAccessToken> {
  // core has parsed the JSON with its limits; a non-object (text, nothing) has no token.
  const record = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  const accessToken = record !== undefined && Object.hasOwn(record, 'access_token') ? record['access_token'] : undefined;
  const expiresIn = record !== undefined && Object.hasOwn(record, 'expires_in') ? record['expires_in'] : undefined;
  if (typeof accessToken !== 'string' || accessToken === '' || /\s/.test(accessToken)) {
    return failure('The Genesys token endpoint answered without a usable access_token. Check loginBaseUrl: it must be the org\'s login host (https://login.<region domain>).');
  }
  if (typeof expiresIn !== 'number' || !Number.isFinite(expiresIn) || expiresIn <= 0) {
    return failure('The Genesys token endpoint answered without a positive expires_in, so the token\'s lifetime is unknown. Check loginBaseUrl.');
  }
  const lifetimeMs = expiresIn * 1000;
  // Short-lived tokens (tests, stand-ins) are renewed at half their life rather than never used at all.
  return { ok: true, value: { value: accessToken, renewAt: now + lifetimeMs - Math.min(renewalMarginMs, lifetimeMs / 2) }, diagnostics: [] };
}

function abortedWhileWaiting(): Result<never> {
  return {
    ok: false,
    diagnostics: [{ code: 'aborted', severity: 'error', path: [], message: 'The push was aborted (its signal fired) before it had a Genesys access token; nothing was sent.' }],
  };
}

function failure(message: string): Result<never> {
  const diagnostic: Diagnostic = { code: 'vendor_error', severity: 'error', path: [], message };
  return { ok: false, diagnostics: [diagnostic] };
}

/** Waits for a shared promise, but lets one caller stop waiting when its own signal aborts. */
function raceAbort<T>(promise: Promise<Result<T>>, signal: AbortSignal): Promise<Result<T>> {
  const aborted = abortedWhileWaiting();
  if (signal.aborted) return Promise.resolve(aborted);
  return new Promise((resolve) => {
    const onAbort = (): void => resolve(aborted);
    signal.addEventListener('abort', onAbort, { once: true });
    void promise.then((result) => {
      signal.removeEventListener('abort', onAbort);
      resolve(result);
    });
  });
}
