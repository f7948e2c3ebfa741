import { importJWK, importPKCS8, importSPKI, importX509 } from 'jose';
import { Diagnostics, describeError, type Result } from '@visitor-context/core';
import type { GiosgJwtAlgorithm } from './giosg-api.js';
import { readSigningKey, type GiosgSharedSecret } from './signing-key.js';

/**
 * An RSA key as a JSON Web Key (RFC 7517 §4, RFC 7518 §6.3): the private key (with `d`, `p`, `q`, `dp`, `dq`,
 * `qi`) signs, the public key (`n` and `e` only) verifies.
 * @public
 */
export interface GiosgRsaJwk {
  /** Always `RSA`. */
  readonly kty: 'RSA';
  /** The modulus, base64url. At least 2048 bits. */
  readonly n: string;
  /** The public exponent, base64url. */
  readonly e: string;
  /** The private exponent (private keys only). */
  readonly d?: string;
  /** First prime factor (private keys only). */
  readonly p?: string;
  /** Second prime factor (private keys only). */
  readonly q?: string;
  /** First factor CRT exponent (private keys only). */
  readonly dp?: string;
  /** Second factor CRT exponent (private keys only). */
  readonly dq?: string;
  /** First CRT coefficient (private keys only). */
  readonly qi?: string;
  /** The one algorithm the key is for; when set it must be the algorithm used. */
  readonly alg?: string;
  /** A key id. */
  readonly kid?: string;
  /** `sig` for a signing key. */
  readonly use?: string;
}

/**
 * What signs or verifies giosg visitor data:
 * - for `HS256`/`HS384`/`HS512`, the account's shared API signing key, as text (its UTF-8 bytes) or bytes;
 * - for `RS256`/`RS384`/`RS512`, an RSA key of at least 2048 bits: a PEM string (PKCS#8
 *   `-----BEGIN PRIVATE KEY-----` to sign; SPKI `-----BEGIN PUBLIC KEY-----` or an X.509 certificate to verify)
 *   or a {@link GiosgRsaJwk}.
 * @public
 */
export type GiosgSigningKey = GiosgSharedSecret | GiosgRsaJwk;

/** RFC 7518 §3.3 and NIST SP 800-131A: RSA signatures need a modulus of at least 2048 bits. */
export const minimumRsaModulusBits = 2048;

type KeyUse = 'sign' | 'verify';

/** The key jose signs or verifies with: HMAC bytes, or an imported RSA `CryptoKey` bound to one algorithm. */
export type JwtKey = Uint8Array | CryptoKey;

const pemLabel = /^-----BEGIN ([A-Z0-9 ]+)-----/;

/** A PEM's label (`PRIVATE KEY`, `PUBLIC KEY`, …), or undefined for anything that is not a PEM. */
function readPemLabel(key: unknown): string | undefined {
  return typeof key === 'string' ? pemLabel.exec(key.trimStart())?.[1] : undefined;
}

/**
 * A PEM as it often arrives from an environment variable or a CLI flag: on one line with literal `\n`
 * escapes, or with Windows line ends. jose needs real line breaks; the key itself is unchanged.
 */
export function normalizePem(pem: string): string {
  const text = pem.trim().replace(/\r\n?/g, '\n');
  return text.includes('\n') ? text : text.replace(/\\n/g, '\n');
}

function isJwk(key: unknown): key is Record<string, unknown> {
  return typeof key === 'object' && key !== null && !(key instanceof Uint8Array) && 'kty' in key;
}

/** True for an asymmetric key (a PEM or a JWK), which must never be used as an HMAC secret. */
export function isAsymmetricKey(key: unknown): boolean {
  return readPemLabel(key) !== undefined || isJwk(key);
}

/** The algorithm a key implies when none is given: RS256 for an RSA key (PEM or JWK), HS256 for a shared secret. */
export function defaultJwtAlgorithm(key: unknown): GiosgJwtAlgorithm {
  return isAsymmetricKey(key) ? 'RS256' : 'HS256';
}

/**
 * Reads a key for one algorithm and one use. The key type decides what it may sign: a PEM or JWK is never an
 * HMAC secret (that is the RS/HS algorithm-confusion attack, where a public key becomes a shared secret), and a
 * shared secret never stands in for an RSA key. RSA keys are imported for exactly `algorithm` and must have a
 * modulus of at least 2048 bits.
 */
export async function readJwtKey(key: unknown, algorithm: GiosgJwtAlgorithm, use: KeyUse): Promise<Result<JwtKey>> {
  const diagnostics = new Diagnostics();
  if (algorithm.startsWith('HS')) {
    if (isAsymmetricKey(key)) {
      diagnostics.error(
        'key_type_mismatch',
        ['key'],
        `${algorithm} needs the giosg account's shared API signing key, but this is an RSA key (PEM or JWK). Use RS256, RS384 or RS512 with an RSA key; an RSA key is never used as an HMAC secret.`,
      );
      return diagnostics.toFailure();
    }
    return readSigningKey(key, algorithm);
  }
  const label = readPemLabel(key);
  if (label !== undefined) return importPem(normalizePem(key as string), label, algorithm, use);
  if (isJwk(key)) return importRsaJwk(key, algorithm, use);
  diagnostics.error(
    'key_type_mismatch',
    ['key'],
    `${algorithm} needs an RSA key: a PEM string (${use === 'sign' ? 'PKCS#8 "-----BEGIN PRIVATE KEY-----"' : 'SPKI "-----BEGIN PUBLIC KEY-----"'}) or a JWK with kty "RSA". A shared secret only works with HS256, HS384 or HS512.`,
  );
  return diagnostics.toFailure();
}

async function importPem(pem: string, label: string, algorithm: GiosgJwtAlgorithm, use: KeyUse): Promise<Result<JwtKey>> {
  const diagnostics = new Diagnostics();
  const refuse = (message: string): Result<JwtKey> => {
    diagnostics.error('invalid_key', ['key'], message);
    return diagnostics.toFailure();
  };
  if (label === 'RSA PRIVATE KEY') {
    return refuse('This is a PKCS#1 RSA private key; pass it as PKCS#8 ("-----BEGIN PRIVATE KEY-----"), e.g. `openssl pkcs8 -topk8 -nocrypt -in key.pem`.');
  }
  if (label === 'ENCRYPTED PRIVATE KEY') return refuse('This private key is encrypted; decrypt it (PKCS#8, "-----BEGIN PRIVATE KEY-----") before passing it.');
  if (use === 'sign' && label !== 'PRIVATE KEY') {
    return refuse(`Signing needs the private key as PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"); this PEM is a ${label}. Keep the public key for verifying.`);
  }
  if (use === 'verify' && label !== 'PUBLIC KEY' && label !== 'CERTIFICATE') {
    return refuse(`Verifying needs the public key as SPKI PEM ("-----BEGIN PUBLIC KEY-----") or an X.509 certificate; this PEM is a ${label}. Keep the private key on the signing server only.`);
  }
  try {
    const imported = use === 'sign' ? await importPKCS8(pem, algorithm) : label === 'CERTIFICATE' ? await importX509(pem, algorithm) : await importSPKI(pem, algorithm);
    return checkModulus(imported, algorithm);
  } catch (error) {
    return refuse(`The ${label} PEM could not be read as an RSA key for ${algorithm}: ${describeError(error)}.`);
  }
}

async function importRsaJwk(jwk: Record<string, unknown>, algorithm: GiosgJwtAlgorithm, use: KeyUse): Promise<Result<JwtKey>> {
  const diagnostics = new Diagnostics();
  const refuse = (code: string, message: string): Result<JwtKey> => {
    diagnostics.error(code, ['key'], message);
    return diagnostics.toFailure();
  };
  if (jwk.kty !== 'RSA') {
    return refuse('key_type_mismatch', `${algorithm} needs a JWK with kty "RSA"; got kty ${JSON.stringify(String(jwk.kty))}. A shared (oct) secret is passed as a string or bytes with HS256, HS384 or HS512.`);
  }
  if (jwk.alg !== undefined && jwk.alg !== algorithm) {
    return refuse('key_type_mismatch', `The JWK is for ${JSON.stringify(String(jwk.alg))}, not ${algorithm}: sign and verify with the algorithm the key was made for.`);
  }
  const isPrivate = jwk.d !== undefined;
  if (use === 'sign' && !isPrivate) return refuse('invalid_key', 'Signing needs the private JWK (with "d", "p", "q", "dp", "dq", "qi"); this is a public key.');
  if (use === 'verify' && isPrivate) {
    return refuse('invalid_key', 'Verifying needs the public JWK (only "kty", "n", "e"); this JWK holds the private key, which belongs on the signing server only.');
  }
  try {
    const imported = await importJWK({ ...jwk, ext: false } as Parameters<typeof importJWK>[0], algorithm);
    return imported instanceof Uint8Array ? refuse('key_type_mismatch', 'The JWK is not an RSA key.') : checkModulus(imported, algorithm);
  } catch (error) {
    return refuse('invalid_key', `The JWK could not be read as an RSA key for ${algorithm}: ${describeError(error)}.`);
  }
}

/** jose refuses short moduli only when signing, with a TypeError; check at read time with a diagnostic instead. */
function checkModulus(key: CryptoKey, algorithm: GiosgJwtAlgorithm): Result<JwtKey> {
  const diagnostics = new Diagnostics();
  const bits = (key.algorithm as { modulusLength?: unknown }).modulusLength;
  if (typeof bits !== 'number' || bits < minimumRsaModulusBits) {
    diagnostics.error(
      'weak_key',
      ['key'],
      `The RSA key is ${typeof bits === 'number' ? `${bits} bits` : 'of unknown size'}; ${algorithm} needs at least ${minimumRsaModulusBits} bits (RFC 7518 §3.3). Generate a new key pair, e.g. \`openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072\`.`,
    );
    return diagnostics.toFailure();
  }
  return diagnostics.toResult(key);
}
