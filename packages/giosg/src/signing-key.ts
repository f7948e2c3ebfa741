import { Diagnostics, type Result } from '@visitor-context/core';

/** The giosg account's shared API signing key, as text (used as its UTF-8 bytes) or raw bytes: the HMAC and checksum key. @public */
export type GiosgSharedSecret = string | Uint8Array;

/**
 * RFC 7518 §3.2: an HMAC key must be at least as long as the hash output. jose does not enforce it, so we do.
 * The legacy checksums get the HS256 floor: the key is the same account secret.
 */
const minimumKeyBytes: Readonly<Record<string, number>> = { HS256: 32, HS384: 48, HS512: 64, md5: 32, sha1: 32 };

/** Returns the key's bytes, or an error when it is missing or shorter than the algorithm needs. */
export function readSigningKey(key: unknown, algorithm: string): Result<Uint8Array> {
  const diagnostics = new Diagnostics();
  const bytes = typeof key === 'string' ? new TextEncoder().encode(key) : isBytes(key) ? key : undefined;
  if (bytes === undefined) {
    diagnostics.error('invalid_option', ['key'], "The signing key must be the giosg account's API signing key, as a string or a Uint8Array.");
    return diagnostics.toFailure();
  }
  const minimum = Object.hasOwn(minimumKeyBytes, algorithm) ? (minimumKeyBytes[algorithm] as number) : 32;
  if (bytes.length < minimum) {
    diagnostics.error(
      'weak_key',
      ['key'],
      `The signing key is ${bytes.length} bytes; ${algorithm} needs at least ${minimum} (RFC 7518 §3.2). Use the API signing key from your giosg account settings, never a password.`,
    );
    return diagnostics.toFailure();
  }
  return diagnostics.toResult(bytes);
}

/** `instanceof` asks a proxy for its prototype, which may throw: a key that cannot be inspected is no key. */
function isBytes(value: unknown): value is Uint8Array {
  try {
    return value instanceof Uint8Array;
  } catch {
    return false;
  }
}
