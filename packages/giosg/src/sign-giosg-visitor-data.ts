import { CompactSign, type CompactJWSHeaderParameters } from 'jose';
import { Diagnostics, describeError, neverReject, type JsonObject, type Result, type VisitorContext } from '@visitor-context/core';
import { GiosgJwtAlgorithmSchema, type GiosgJwtAlgorithm, type GiosgVisitorSubmission } from './giosg-api.js';
import { giosgAdapter } from './giosg-adapter.js';
import { tokenClaimKeys } from './giosg-keys.js';
import type { GiosgToVendorOptions } from './giosg-options.js';
import { defaultJwtAlgorithm, readJwtKey, type GiosgSigningKey, type JwtKey } from './jwt-key.js';

/** Default lifetime of a signed submission: long enough for the page to load and giosg to receive it. */
export const defaultExpiresInSeconds = 600;
/** Upper bound of the lifetime: a leaked token must not stay usable for long. */
export const maxExpiresInSeconds = 3600;

/**
 * Options of {@link signGiosgVisitorData}.
 * @public
 */
export interface GiosgSigningOptions extends GiosgToVendorOptions {
  /**
   * The signing key (never sent to browsers): for `HS*`, the giosg account's shared API signing key, at least
   * 32 bytes for HS256, 48 for HS384, 64 for HS512; for `RS*`, an RSA private key of at least 2048 bits as a
   * PKCS#8 PEM string (`-----BEGIN PRIVATE KEY-----`) or a private JWK.
   */
  readonly key: GiosgSigningKey;
  /**
   * The JWT algorithm. Default: `RS256` for an RSA key (PEM or JWK), else `HS256` (giosg's recommendation). It
   * must match the key type: an RSA key never signs `HS*`, a shared secret never signs `RS*`.
   */
  readonly algorithm?: GiosgJwtAlgorithm;
  /** Token lifetime in seconds (`exp` − now); default 600, at most 3600. */
  readonly expiresInSeconds?: number;
  /** A key id for the JWT header (`kid`), if your key management uses one. */
  readonly keyId?: string;
  /** The signing time; default now. For tests and replays. */
  readonly now?: Date;
}

/**
 * Translates a context and signs its visitor data as a compact JWT (`HS*` with the account's shared API signing
 * key, or `RS*` with an RSA private key), giosg's tamper-proof form: the JWT payload
 * is the visitor data plus `exp` only, and the submission passes the JWT string in place of the data object,
 * with the algorithm. Server-only: the key must never reach a browser. Never rejects.
 *
 * @remarks
 * giosg stores every claim but `exp` as a visitor variable that operators see, so the token carries no `iat`,
 * `jti` or other registered claim. `exp` (at most an hour ahead) is what bounds its use.
 * @public
 */
export async function signGiosgVisitorData(context: VisitorContext, options: GiosgSigningOptions): Promise<Result<GiosgVisitorSubmission>> {
  return signSafely(context, options);
}

const signSafely = /* @__PURE__ */ neverReject('signGiosgVisitorData', signVisitorData, { code: 'invalid_option' });

async function signVisitorData(context: VisitorContext, options: GiosgSigningOptions): Promise<Result<GiosgVisitorSubmission>> {
  const diagnostics = new Diagnostics();
  const settings = await readSigningSettings(options, diagnostics);
  if (settings === undefined) return diagnostics.toFailure();
  const translated = giosgAdapter.toVendor(context, translateOptions(options));
  diagnostics.add(translated.diagnostics);
  if (!translated.ok) return diagnostics.toFailure();

  const data = translated.value.visitorData as JsonObject;
  for (const key of Object.keys(data)) {
    if (!tokenClaimKeys.has(key)) continue;
    diagnostics.warning(
      'field_dropped',
      ['vendor', 'giosg', 'extraData', key],
      `"${key}" is a JWT claim the signer sets itself; the value from vendor.giosg.extraData was not signed.`,
    );
    delete data[key];
  }
  const signedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const claims = { ...data, exp: signedAt + settings.expiresInSeconds };
  const header: CompactJWSHeaderParameters = { alg: settings.algorithm, typ: 'JWT', ...(options.keyId === undefined ? {} : { kid: options.keyId }) };
  try {
    const token = await signCompactJws(header, new TextEncoder().encode(JSON.stringify(claims)), settings.key);
    return diagnostics.toResult({ ...translated.value, visitorData: token, signingAlgorithm: settings.algorithm }, options);
  } catch (error) {
    diagnostics.error('signing_failed', [], `Signing failed: ${describeError(error)}.`);
    return diagnostics.toFailure();
  }
}

/** Signs bytes as a compact JWS with jose (no hand-written crypto). Separate so it can be checked against RFC 7520 vectors. */
export async function signCompactJws(header: CompactJWSHeaderParameters, payload: Uint8Array, key: JwtKey): Promise<string> {
  return new CompactSign(payload).setProtectedHeader(header).sign(key);
}

interface SigningSettings {
  readonly algorithm: GiosgJwtAlgorithm;
  readonly key: JwtKey;
  readonly expiresInSeconds: number;
}

async function readSigningSettings(options: GiosgSigningOptions, diagnostics: Diagnostics): Promise<SigningSettings | undefined> {
  if (typeof options !== 'object' || options === null) {
    diagnostics.error('invalid_option', [], 'Pass signing options with at least { key }.');
    return undefined;
  }
  const algorithm = options.algorithm ?? defaultJwtAlgorithm(options.key);
  if (!GiosgJwtAlgorithmSchema.options.includes(algorithm)) {
    diagnostics.error('invalid_option', ['algorithm'], `algorithm must be HS256, HS384, HS512, RS256, RS384 or RS512; got ${JSON.stringify(algorithm)}.`);
    return undefined;
  }
  const expiresInSeconds = options.expiresInSeconds ?? defaultExpiresInSeconds;
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > maxExpiresInSeconds) {
    diagnostics.error('invalid_option', ['expiresInSeconds'], `expiresInSeconds must be a whole number from 1 to ${maxExpiresInSeconds}.`);
    return undefined;
  }
  if (options.now !== undefined && (!(options.now instanceof Date) || Number.isNaN(options.now.getTime()))) {
    diagnostics.error('invalid_option', ['now'], 'now must be a valid Date.');
    return undefined;
  }
  if (options.keyId !== undefined && typeof options.keyId !== 'string') {
    diagnostics.error('invalid_option', ['keyId'], 'keyId must be a string.');
    return undefined;
  }
  const key = await readJwtKey(options.key, algorithm, 'sign');
  diagnostics.add(key.diagnostics);
  return key.ok ? { algorithm, key: key.value, expiresInSeconds } : undefined;
}

/** The `toVendor` options among the signing options. */
export function translateOptions(options: GiosgToVendorOptions): GiosgToVendorOptions {
  return {
    ...(options.strict === undefined ? {} : { strict: options.strict }),
    ...(options.replaceExisting === undefined ? {} : { replaceExisting: options.replaceExisting }),
    ...(options.rooms === undefined ? {} : { rooms: options.rooms }),
  };
}
