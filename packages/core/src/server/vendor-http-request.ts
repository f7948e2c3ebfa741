import * as z from 'zod/mini';
import type { Diagnostic, Diagnostics } from '../diagnostics.js';
import { describeOptionIssues, describeReceived } from '../option-issues.js';
import { SecretScrubber } from './scrub-secrets.js';

/** The HTTP methods a vendor push uses. @public */
export type VendorHttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * One request to a vendor's REST API, as an adapter's server code builds it.
 * @public
 */
export interface VendorHttpRequest {
  /** The vendor, e.g. `genesys`; named in every message. */
  readonly vendor: string;
  /**
   * What the request does, as a verb phrase that follows "to", e.g. `update participant attributes` or
   * `get an access token`; named in every message ("genesys refused to update participant attributes …").
   */
  readonly operation: string;
  /** The HTTP method. */
  readonly method: VendorHttpMethod;
  /** The absolute `https:` (or, for local stand-ins, `http:`) URL. */
  readonly url: string;
  /** Request headers. They never reach a diagnostic. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** JSON text (set `content-type` yourself) or a form body (sent as `application/x-www-form-urlencoded`). */
  readonly body?: string | URLSearchParams | undefined;
  /**
   * Every secret in this request: tokens, client secrets, API keys. They, and their URL-encoded, form-encoded,
   * JSON-escaped and base64 forms, are replaced by `[redacted]` in anything that reaches a diagnostic. The
   * credentials of `authorization`-like headers are scrubbed too, even when not listed here.
   */
  readonly secrets: readonly string[];
  /** Response headers that carry the vendor's request or correlation id, e.g. `inin-correlation-id`. `x-request-id` and `x-correlation-id` are always read. */
  readonly requestIdHeaders?: readonly string[] | undefined;
  /**
   * Whether sending the request twice has the same effect as sending it once. Default true (a PATCH of
   * attributes, a PUT, an OAuth token request all are). False turns retries off for this request.
   */
  readonly idempotent?: boolean | undefined;
}

/** A header name: an RFC 9110 token. */
const headerName = z.string().check(z.regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'must be an HTTP header name'));
/** A header value: bytes `Headers` accepts, without line breaks or NUL (which could split a header). */
const headerValue = z.string().check(z.regex(/^[\t\x20-\x7e\x80-\xff]*$/, 'must be text without line breaks or control characters'));

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const protocol = new URL(value).protocol;
  return protocol === 'https:' || protocol === 'http:';
}

function isUrlSearchParams(value: unknown): value is URLSearchParams {
  return value instanceof URLSearchParams;
}

const name = z.string().check(z.minLength(1), z.maxLength(100));

/** The schema a request is checked with before anything is sent. */
export const VendorHttpRequestSchema = z.strictObject({
  vendor: name,
  operation: name,
  method: z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']),
  url: z.string().check(z.maxLength(8192), z.refine(isHttpUrl, 'must be an absolute http: or https: URL')),
  headers: z.optional(z.record(headerName, headerValue)),
  body: z.optional(z.union([z.string(), z.custom<URLSearchParams>(isUrlSearchParams, { message: 'must be a string or URLSearchParams' })])),
  secrets: z.array(z.string()),
  requestIdHeaders: z.optional(z.array(headerName)),
  idempotent: z.optional(z.boolean()),
});

/** A checked request: a fresh copy, so nothing the caller holds can change (or throw) while it is sent. */
export type CheckedVendorHttpRequest = z.infer<typeof VendorHttpRequestSchema>;

/** Checks a request; every problem becomes an `invalid_option` error at `request.<field>`. */
export function checkVendorHttpRequest(request: unknown, diagnostics: Diagnostics): CheckedVendorHttpRequest | undefined {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    diagnostics.error('invalid_option', ['request'], `The request must be an object with vendor, operation, method, url and secrets; got ${describeReceived(request)}.`);
    return undefined;
  }
  const parsed = z.safeParse(VendorHttpRequestSchema, request);
  if (parsed.success) return parsed.data;
  for (const problem of describeOptionIssues(VendorHttpRequestSchema, parsed.error.issues, request, ['request'])) {
    diagnostics.error('invalid_option', problem.path, problem.message);
  }
  return undefined;
}

/** The strings of a value that should be an array of strings, read defensively (it failed its check). */
function stringsIn(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * Problems with a request, with nothing secret in them: the option messages quote received values, so header
 * values are never quoted, and every string listed in `secrets` (and every header value) is scrubbed.
 */
export function scrubRequestProblems(problems: readonly Diagnostic[], request: unknown): Diagnostic[] {
  let scrubber: SecretScrubber;
  try {
    const record = typeof request === 'object' && request !== null ? (request as Record<string, unknown>) : {};
    const headers = typeof record['headers'] === 'object' && record['headers'] !== null ? (record['headers'] as Record<string, unknown>) : {};
    const headerValues = Object.values(headers).filter((value): value is string => typeof value === 'string');
    scrubber = new SecretScrubber([...stringsIn(record['secrets']), ...headerValues]);
  } catch {
    scrubber = new SecretScrubber([]);
  }
  return problems.map((problem) => {
    const inHeaders = problem.path[0] === 'request' && problem.path[1] === 'headers';
    const message = inHeaders ? problem.message.replace(/; got the string ".*"\.$/s, '; its value is not shown.') : problem.message;
    return { ...problem, message: scrubber.scrub(message) };
  });
}
