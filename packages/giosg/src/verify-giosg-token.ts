import { errors, jwtVerify, type JWTVerifyOptions } from 'jose';
import { Diagnostics, checkJsonValue, describeError, type JsonObject, type Result, type VisitorContext } from '@visitor-context/core';
import { GiosgJwtAlgorithmSchema, type GiosgJwtAlgorithm } from './giosg-api.js';
import { giosgAdapter } from './giosg-adapter.js';
import { defaultJwtAlgorithm, readJwtKey, type GiosgSigningKey } from './jwt-key.js';

/** The most clock skew a verifier tolerates: more would quietly extend every token's life. */
const maxClockToleranceSeconds = 60;
/**
 * How far in the future an `iat` may be (or `clockToleranceSeconds`, if larger): servers' clocks differ by a
 * second or two, but a token issued later than that is forged or made on a broken clock.
 */
const issuedAtLeewaySeconds = 5;

/**
 * Options of {@link verifyGiosgToken}.
 * @public
 */
export interface GiosgVerifyOptions {
  /**
   * The one algorithm accepted (pinned, never read from the token). Default: `RS256` for an RSA key (PEM or
   * JWK), else `HS256`. It must match the key type, so an RSA public key is never tried as an HMAC secret.
   */
  readonly algorithm?: GiosgJwtAlgorithm;
  /** Accepted clock skew in seconds for `exp`/`nbf`/`iat`; default 0, at most 60. */
  readonly clockToleranceSeconds?: number;
  /**
   * The oldest token accepted, in seconds since its `iat` (jose's `maxTokenAge`, as a number). It requires an
   * `iat` claim, which tokens from {@link signGiosgVisitorData} do not carry (giosg would show it to operators
   * as a visitor variable): use it for tokens other systems sign; ours are bounded by `exp` (at most an hour).
   */
  readonly maxTokenAge?: number;
  /** Required `aud` claim: the token must name this audience (or one of these). */
  readonly audience?: string | readonly string[];
  /** Required `iss` claim: the token must come from this issuer (or one of these). */
  readonly issuer?: string | readonly string[];
  /** The verification time; default now. */
  readonly now?: Date;
  /** Turn warnings into errors when translating (see {@link fromGiosgToken}). */
  readonly strict?: boolean;
}

/**
 * Verifies a giosg visitor-data JWT and returns its claims (the visitor data plus `exp`, and whatever else the
 * signer put in). The key is the account's shared API signing key for `HS*`, or the RSA public key (SPKI PEM,
 * X.509 certificate or public JWK, at least 2048 bits) for `RS*`. The algorithm is pinned and must match the key type, `alg: none` and
 * header-supplied keys are never accepted, `exp` is required and checked, an `iat` more than
 * 5 seconds (or `clockToleranceSeconds`, if larger) in the future is refused, and `maxTokenAge`,
 * `audience` and `issuer` are checked when given. Never rejects.
 * @public
 */
export async function verifyGiosgToken(token: string, key: GiosgSigningKey, options: GiosgVerifyOptions = {}): Promise<Result<JsonObject>> {
  const diagnostics = new Diagnostics();
  let algorithm = 'HS256';
  try {
    const settings = readVerifyOptions(options, defaultJwtAlgorithm(key), diagnostics);
    if (settings === undefined) return diagnostics.toFailure();
    algorithm = settings.algorithm;
    if (typeof token !== 'string') {
      diagnostics.error('invalid_token', [], 'Expected a compact JWT string.');
      return diagnostics.toFailure();
    }
    const verifyKey = await readJwtKey(key, settings.algorithm, 'verify');
    if (!verifyKey.ok) return verifyKey;
    const { payload } = await jwtVerify(token, verifyKey.value, settings.jose);
    const problem = checkIssuedAt(payload.iat, settings);
    if (problem !== undefined) {
      diagnostics.error(...problem);
      return diagnostics.toFailure();
    }
    const claims = checkJsonValue(payload);
    return claims.ok ? diagnostics.toResult(claims.value as JsonObject) : claims;
  } catch (error) {
    diagnostics.error(...describeFailure(error, algorithm));
    return diagnostics.toFailure();
  }
}

interface VerifySettings {
  readonly algorithm: GiosgJwtAlgorithm;
  readonly nowSeconds: number;
  readonly toleranceSeconds: number;
  readonly maxTokenAge: number | undefined;
  readonly jose: JWTVerifyOptions;
}

function readVerifyOptions(options: GiosgVerifyOptions, keyAlgorithm: GiosgJwtAlgorithm, diagnostics: Diagnostics): VerifySettings | undefined {
  try {
    return readVerifySettings(options, keyAlgorithm, diagnostics);
  } catch (error) {
    diagnostics.error('invalid_option', [], `The verification options could not be read: ${describeError(error)}.`);
    return undefined;
  }
}

function readVerifySettings(options: GiosgVerifyOptions, keyAlgorithm: GiosgJwtAlgorithm, diagnostics: Diagnostics): VerifySettings | undefined {
  if (typeof options !== 'object' || options === null) {
    diagnostics.error('invalid_option', [], 'Verification options must be an object, e.g. { algorithm: "HS256" }.');
    return undefined;
  }
  const { algorithm = keyAlgorithm, clockToleranceSeconds = 0, maxTokenAge, audience, issuer, now } = options;
  const refuse = (name: string, message: string): undefined => void diagnostics.error('invalid_option', [name], message);
  if (!GiosgJwtAlgorithmSchema.options.includes(algorithm)) return refuse('algorithm', 'algorithm must be HS256, HS384, HS512, RS256, RS384 or RS512.');
  if (typeof clockToleranceSeconds !== 'number' || !(clockToleranceSeconds >= 0 && clockToleranceSeconds <= maxClockToleranceSeconds)) {
    return refuse('clockToleranceSeconds', `clockToleranceSeconds must be from 0 to ${maxClockToleranceSeconds}.`);
  }
  if (maxTokenAge !== undefined && !(typeof maxTokenAge === 'number' && Number.isFinite(maxTokenAge) && maxTokenAge > 0)) {
    return refuse('maxTokenAge', 'maxTokenAge must be a positive number of seconds.');
  }
  if (audience !== undefined && !isTextList(audience)) return refuse('audience', 'audience must be a non-empty string or a list of them.');
  if (issuer !== undefined && !isTextList(issuer)) return refuse('issuer', 'issuer must be a non-empty string or a list of them.');
  if (now !== undefined && !(now instanceof Date && Number.isFinite(now.getTime()))) return refuse('now', 'now must be a valid Date.');
  const currentDate = now ?? new Date();
  return {
    algorithm,
    nowSeconds: Math.floor(currentDate.getTime() / 1000),
    toleranceSeconds: clockToleranceSeconds,
    maxTokenAge,
    jose: {
      algorithms: [algorithm],
      clockTolerance: clockToleranceSeconds,
      requiredClaims: maxTokenAge === undefined ? ['exp'] : ['exp', 'iat'],
      currentDate,
      ...(audience === undefined ? {} : { audience: typeof audience === 'string' ? audience : [...audience] }),
      ...(issuer === undefined ? {} : { issuer: typeof issuer === 'string' ? issuer : [...issuer] }),
    },
  };
}

/** jose checks `iat` only with `maxTokenAge`, and then with the bare clock tolerance; one rule for both here. */
function checkIssuedAt(issuedAt: unknown, settings: VerifySettings): [string, [], string] | undefined {
  if (issuedAt === undefined) return undefined;
  if (typeof issuedAt !== 'number' || !Number.isFinite(issuedAt)) return ['invalid_claims', [], 'The token\'s "iat" claim must be a number of seconds.'];
  const leeway = Math.max(settings.toleranceSeconds, issuedAtLeewaySeconds);
  if (issuedAt > settings.nowSeconds + leeway) {
    return ['invalid_claims', [], `The token's "iat" is ${issuedAt - settings.nowSeconds} s in the future (more than the ${leeway} s allowed for clock skew): it is forged or signed on a wrong clock.`];
  }
  if (settings.maxTokenAge !== undefined && settings.nowSeconds - issuedAt - settings.toleranceSeconds > settings.maxTokenAge) {
    return ['token_expired', [], `The token was issued ${settings.nowSeconds - issuedAt} s ago, more than maxTokenAge (${settings.maxTokenAge} s). Sign a fresh one.`];
  }
  return undefined;
}

function isTextList(value: unknown): boolean {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? (value as unknown[]) : [];
  return list.length > 0 && list.every((item) => typeof item === 'string' && item !== '');
}

function describeFailure(error: unknown, algorithm: string): [string, [], string] {
  if (error instanceof errors.JWTExpired) return ['token_expired', [], 'The token has expired (exp is in the past). Sign a fresh one.'];
  if (error instanceof errors.JOSEAlgNotAllowed) return ['algorithm_not_allowed', [], `The token is not signed with ${algorithm}, the only algorithm accepted.`];
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return ['invalid_signature', [], 'The signature does not match: the token was altered or signed with another key.'];
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    const hint = error.claim === 'iat' && error.reason === 'missing' ? ' maxTokenAge needs an "iat" claim, which tokens signed by signGiosgVisitorData do not carry (their exp bounds them).' : '';
    return ['invalid_claims', [], `The token's claims are not valid: ${error.message}.${hint}`];
  }
  const reason = describeError(error);
  return ['invalid_token', [], `Not a valid signed JWT: ${reason}.`];
}

/**
 * Verifies a giosg visitor-data JWT, then translates its claims into a context (`username` → `visitor.name`,
 * … ; `exp` and any other registered claim kept in `vendor.giosg.tokenClaims`). Never rejects.
 * @public
 */
export async function fromGiosgToken(token: string, key: GiosgSigningKey, options: GiosgVerifyOptions = {}): Promise<Result<VisitorContext>> {
  const claims = await verifyGiosgToken(token, key, options);
  if (!claims.ok) return claims;
  let strict: unknown;
  try {
    strict = options.strict;
  } catch {
    strict = undefined;
  }
  return giosgAdapter.fromVendor(claims.value, { format: 'visitorData', ...(typeof strict === 'boolean' ? { strict } : {}) });
}
