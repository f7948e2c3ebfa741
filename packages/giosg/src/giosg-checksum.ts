import { Diagnostics, neverReject, type DiagnosticPath, type JsonObject, type JsonValue, type Result, type VisitorContext } from '@visitor-context/core';
import { GiosgChecksumAlgorithmSchema, type GiosgChecksumAlgorithm, type GiosgVisitorSubmission } from './giosg-api.js';
import { giosgAdapter } from './giosg-adapter.js';
import { attributeKeyPrefix, checksumKeys, visitorFieldByKey } from './giosg-keys.js';
import type { GiosgToVendorOptions } from './giosg-options.js';
import { defaultExpiresInSeconds, maxExpiresInSeconds, translateOptions } from './sign-giosg-visitor-data.js';
import { readSigningKey, type GiosgSharedSecret } from './signing-key.js';

/**
 * Options of {@link signGiosgVisitorDataWithChecksum}.
 * @public
 */
export interface GiosgChecksumOptions extends GiosgToVendorOptions {
  /** The giosg account's API signing key. */
  readonly key: GiosgSharedSecret;
  /** `md5` or `sha1`, as the giosg account is configured. */
  readonly algorithm: GiosgChecksumAlgorithm;
  /** Must be `true`: the legacy checksum is weak (MD5/SHA-1 of key:value pairs and the secret). Prefer the JWT form. */
  readonly allowWeakChecksum: boolean;
  /** Lifetime in seconds written to `_exp`; default 600, at most 3600. */
  readonly expiresInSeconds?: number;
  /** The signing time; default now. */
  readonly now?: Date;
}

/**
 * giosg's legacy checksum input: keys sorted case-insensitively, each written as `key:value&`, booleans in
 * lower case. The checksum is the hex digest of this text followed by the secret.
 *
 * @remarks
 * giosg's format has no escaping; this function reproduces it as is. {@link signGiosgVisitorDataWithChecksum}
 * refuses keys with `&` or `:` and values with `&` (`unsignable_value`), which would make the text ambiguous.
 * @public
 */
export function giosgChecksumInput(data: Readonly<Record<string, string | number | boolean>>): string {
  const keys = Object.keys(data).sort((left, right) => compareCodePoints(left.toLowerCase(), right.toLowerCase()));
  return keys.map((key) => `${key}:${String(data[key])}&`).join('');
}

/** Python's `sorted(…, key=str.lower)` compares code points, not UTF-16 units; the digest must match giosg's. */
function compareCodePoints(left: string, right: string): number {
  const a = Array.from(left, (character) => character.codePointAt(0) as number);
  const b = Array.from(right, (character) => character.codePointAt(0) as number);
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    if (a[index] !== b[index]) return (a[index] as number) - (b[index] as number);
  }
  return a.length - b.length;
}

/**
 * Translates a context and signs it with giosg's legacy `md5`/`sha1` checksum (`_checksum` and `_exp` in the
 * data). Only for old accounts that cannot use JWT: it needs `allowWeakChecksum: true` and always carries a
 * `weak_signature` warning. Node only (MD5 is not in Web Crypto). Never rejects.
 * @public
 */
export async function signGiosgVisitorDataWithChecksum(
  context: VisitorContext,
  options: GiosgChecksumOptions,
): Promise<Result<GiosgVisitorSubmission>> {
  return signWithChecksumSafely(context, options);
}

const signWithChecksumSafely = /* @__PURE__ */ neverReject('signGiosgVisitorDataWithChecksum', signWithChecksum, { code: 'invalid_option' });

async function signWithChecksum(context: VisitorContext, options: GiosgChecksumOptions): Promise<Result<GiosgVisitorSubmission>> {
  const diagnostics = new Diagnostics();
  if (options?.allowWeakChecksum !== true) {
    diagnostics.error(
      'weak_signature_not_allowed',
      ['allowWeakChecksum'],
      'The legacy md5/sha1 checksum is weak; pass allowWeakChecksum: true to use it anyway, or sign with signGiosgVisitorData (JWT).',
    );
    return diagnostics.toFailure();
  }
  const algorithm = options.algorithm;
  if (!GiosgChecksumAlgorithmSchema.options.includes(algorithm)) {
    diagnostics.error('invalid_option', ['algorithm'], 'algorithm must be md5 or sha1.');
    return diagnostics.toFailure();
  }
  const expiresInSeconds = options.expiresInSeconds ?? defaultExpiresInSeconds;
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > maxExpiresInSeconds) {
    diagnostics.error('invalid_option', ['expiresInSeconds'], `expiresInSeconds must be a whole number from 1 to ${maxExpiresInSeconds}.`);
    return diagnostics.toFailure();
  }
  if (options.now !== undefined && !(options.now instanceof Date && Number.isFinite(options.now.getTime()))) {
    diagnostics.error('invalid_option', ['now'], 'now must be a valid Date.');
    return diagnostics.toFailure();
  }
  const key = readSigningKey(options.key, algorithm);
  if (!key.ok) return key;
  diagnostics.warning(
    'weak_signature',
    [],
    `The data is signed with giosg's legacy ${algorithm} checksum, which is weak. Switch the account to JWT (HS256) when you can.`,
  );
  const translated = giosgAdapter.toVendor(context, translateOptions(options));
  diagnostics.add(translated.diagnostics);
  if (!translated.ok) return diagnostics.toFailure();

  const data = translated.value.visitorData as JsonObject;
  const signed: Record<string, string | number | boolean> = {};
  const seenKeys = new Map<string, string>();
  for (const [dataKey, value] of Object.entries(data)) {
    if (checksumKeys.has(dataKey)) continue;
    const path = sourcePath(context, dataKey);
    if (!isScalar(value)) {
      diagnostics.error(
        'unsignable_value',
        path,
        `"${dataKey}" holds ${value === null ? 'null' : 'an object or array'}, which the legacy checksum cannot cover. Remove it or sign with JWT.`,
      );
      continue;
    }
    const problem = ambiguity(dataKey, String(value), seenKeys);
    if (problem !== undefined) {
      diagnostics.error('unsignable_value', path, `"${dataKey}" cannot be signed with the legacy checksum: ${problem} Remove it or sign with JWT.`);
      continue;
    }
    signed[dataKey] = value;
  }
  if (diagnostics.hasErrors) return diagnostics.toFailure();
  signed['_exp'] = Math.floor((options.now ?? new Date()).getTime() / 1000) + expiresInSeconds;
  const checksum = await hexDigest(algorithm, concatBytes(new TextEncoder().encode(giosgChecksumInput(signed)), key.value));
  if (checksum === undefined) {
    diagnostics.error('unsupported_runtime', [], 'MD5 needs Node (node:crypto); this runtime has no MD5. Use sha1 or, better, the JWT form.');
    return diagnostics.toFailure();
  }
  return diagnostics.toResult(
    { ...translated.value, visitorData: { ...signed, _checksum: checksum }, signingAlgorithm: algorithm },
    options,
  );
}

/**
 * Why a pair would make the checksum input ambiguous, or `undefined`. The input is `key:value&…` with no
 * escaping, so a `&` in a value, or a `:` or `&` in a key, lets one signed value stand for pairs that were
 * never signed (a display name `Ada&verified:true` signs `verified`). A `:` in a value is unambiguous once keys
 * have none (each pair splits at its first `:`), so URLs stay signable. Keys equal but for case sort in an
 * order giosg may not reproduce.
 */
function ambiguity(key: string, value: string, seenKeys: Map<string, string>): string | undefined {
  if (/[&:]/.test(key)) return 'its key contains "&" or ":", which the checksum input uses as separators.';
  if (value.includes('&')) return 'its value contains "&", which the checksum input uses between pairs, so it could sign keys that were never sent.';
  const folded = key.toLowerCase();
  const other = seenKeys.get(folded);
  if (other !== undefined) return `its key differs from "${other}" only in case, so giosg may sort the two differently.`;
  seenKeys.set(folded, key);
  return undefined;
}

/** Where a giosg key came from in the context, so an error names the field the caller set. */
function sourcePath(context: VisitorContext, key: string): DiagnosticPath {
  const field = visitorFieldByKey.get(key);
  if (field !== undefined && typeof context?.visitor?.[field] === 'string') return ['visitor', field];
  const attribute = key.startsWith(attributeKeyPrefix) ? key.slice(attributeKeyPrefix.length) : key;
  if (context?.attributes !== undefined && Object.hasOwn(context.attributes, attribute)) return ['attributes', attribute];
  return ['vendor', 'giosg', 'extraData', key];
}

/** Minimal view of Node's `node:crypto`, reached without an import so the entry stays runtime-neutral. */
interface NodeCrypto {
  createHash(algorithm: string): { update(data: Uint8Array): { digest(encoding: 'hex'): string } };
}

/** SHA-1 comes from Web Crypto (any runtime); MD5 only exists in Node's crypto. `undefined` when unavailable. */
async function hexDigest(algorithm: GiosgChecksumAlgorithm, bytes: Uint8Array<ArrayBuffer>): Promise<string | undefined> {
  if (algorithm === 'sha1') {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', bytes));
    return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
  }
  const nodeProcess = (globalThis as { process?: { getBuiltinModule?: (name: string) => unknown } }).process;
  const nodeCrypto = nodeProcess?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
  return nodeCrypto?.createHash('md5').update(bytes).digest('hex');
}

function concatBytes(first: Uint8Array, second: Uint8Array): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(first.length + second.length);
  bytes.set(first);
  bytes.set(second, first.length);
  return bytes;
}

function isScalar(value: JsonValue): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
