import { errors, jwtVerify } from 'jose';
import { Diagnostics, checkJsonValue, type JsonObject, type Result, type VisitorContext } from '@visitor-context/core';
import { GiosgJwtAlgorithmSchema, type GiosgJwtAlgorithm } from './giosg-api.js';
import { giosgAdapter } from './giosg-adapter.js';
import { readSigningKey, type GiosgSigningKey } from './signing-key.js';

/** The most clock skew a verifier tolerates: more would quietly extend every token's life. */
const maxClockToleranceSeconds = 60;

/**
 * Options of {@link verifyGiosgToken}.
 * @public
 */
export interface GiosgVerifyOptions {
  /** The one algorithm accepted (pinned, never read from the token); default `HS256`. */
  readonly algorithm?: GiosgJwtAlgorithm;
  /** Accepted clock skew in seconds for `exp`/`nbf`/`iat`; default 0, at most 60. */
  readonly clockToleranceSeconds?: number;
  /** The verification time; default now. */
  readonly now?: Date;
  /** Turn warnings into errors when translating (see {@link fromGiosgToken}). */
  readonly strict?: boolean;
}

/**
 * Verifies a giosg visitor-data JWT with the account's API signing key and returns its claims (the visitor
 * data plus `exp`, and `iat`/`jti` when present). The algorithm is pinned, `alg: none` and header-supplied keys
 * are never accepted, `exp` is required and checked. Never rejects.
 * @public
 */
export async function verifyGiosgToken(token: string, key: GiosgSigningKey, options: GiosgVerifyOptions = {}): Promise<Result<JsonObject>> {
  const diagnostics = new Diagnostics();
  const algorithm = options.algorithm ?? 'HS256';
  const tolerance = options.clockToleranceSeconds ?? 0;
  if (!GiosgJwtAlgorithmSchema.options.includes(algorithm)) {
    diagnostics.error('invalid_option', ['algorithm'], 'algorithm must be HS256, HS384 or HS512.');
    return diagnostics.toFailure();
  }
  if (typeof tolerance !== 'number' || !(tolerance >= 0 && tolerance <= maxClockToleranceSeconds)) {
    diagnostics.error('invalid_option', ['clockToleranceSeconds'], `clockToleranceSeconds must be from 0 to ${maxClockToleranceSeconds}.`);
    return diagnostics.toFailure();
  }
  if (typeof token !== 'string') {
    diagnostics.error('invalid_token', [], 'Expected a compact JWT string.');
    return diagnostics.toFailure();
  }
  const keyBytes = readSigningKey(key, algorithm);
  if (!keyBytes.ok) return keyBytes;
  try {
    const { payload } = await jwtVerify(token, keyBytes.value, {
      algorithms: [algorithm],
      clockTolerance: tolerance,
      requiredClaims: ['exp'],
      ...(options.now === undefined ? {} : { currentDate: options.now }),
    });
    const claims = checkJsonValue(payload);
    return claims.ok ? diagnostics.toResult(claims.value as JsonObject) : claims;
  } catch (error) {
    const [code, message] = describeFailure(error, algorithm);
    diagnostics.error(code, [], message);
    return diagnostics.toFailure();
  }
}

function describeFailure(error: unknown, algorithm: string): [string, string] {
  if (error instanceof errors.JWTExpired) return ['token_expired', 'The token has expired (exp is in the past). Sign a fresh one.'];
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return ['algorithm_not_allowed', `The token is not signed with ${algorithm}, the only algorithm accepted.`];
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return ['invalid_signature', 'The signature does not match: the token was altered or signed with another key.'];
  }
  if (error instanceof errors.JWTClaimValidationFailed) return ['invalid_claims', `The token's claims are not valid: ${error.message}.`];
  const reason = error instanceof Error ? error.message : String(error);
  return ['invalid_token', `Not a valid signed JWT: ${reason}.`];
}

/**
 * Verifies a giosg visitor-data JWT, then translates its claims into a context (`username` → `visitor.name`,
 * … ; `exp`/`iat`/`jti` kept in `vendor.giosg.tokenClaims`). Never rejects.
 * @public
 */
export async function fromGiosgToken(token: string, key: GiosgSigningKey, options: GiosgVerifyOptions = {}): Promise<Result<VisitorContext>> {
  const claims = await verifyGiosgToken(token, key, options);
  if (!claims.ok) return claims;
  return giosgAdapter.fromVendor(claims.value, { format: 'visitorData', ...(options.strict === undefined ? {} : { strict: options.strict }) });
}
