import { Diagnostics, parseJson, type Diagnostic, type Result, type VisitorContext } from '@visitor-context/core';
import { comm100Adapter, type Comm100Adapter } from './comm100-adapter.js';
import type { Comm100FromVendorOptions } from './comm100-options.js';
import type { Comm100WebhookEvent } from './comm100-api.js';
import type { VisitorContextFieldName } from '@visitor-context/core';
import {
  comm100WebhookMaxDepth,
  defaultComm100WebhookMaxBytes,
  normalizeComm100Webhook,
  validateComm100Webhook,
} from './parse-comm100-webhook.js';

/** Options of {@link handleComm100Webhook}. @public */
export interface HandleComm100WebhookOptions {
  /** Largest body accepted, in bytes; default 1 MiB (a `chat_ended` event carries the whole transcript). */
  readonly maxBodyBytes?: number;
  /** The adapter that builds the context, e.g. one from `createComm100Adapter` with your defaults; default `comm100Adapter`. */
  readonly adapter?: Comm100Adapter;
  /** Custom variables to read into canonical fields instead of attributes, e.g. `{ 'visitor.id': 'user_id' }`. */
  readonly fieldVariables?: Readonly<Partial<Record<VisitorContextFieldName, string>>>;
  /** Turn every warning of the context translation into an error. */
  readonly strict?: boolean;
}

/**
 * A received webhook: the typed, normalized event (with the full chat transcript) and its canonical context.
 * @public
 */
export interface Comm100Webhook {
  /** The event, validated and normalized (ISO dates, named statuses, transcript lines). */
  readonly event: Comm100WebhookEvent;
  /** The visitor context the event describes; Comm100-only data is in `vendor.comm100`. */
  readonly context: VisitorContext;
}

/**
 * Reads a Comm100 webhook from a web-standard `Request` (Node 18+, edge runtimes, Hono, Next.js route
 * handlers…). Never throws: the result is the typed event with its context, or an error saying why.
 *
 * @remarks
 * Checks, in order: the method is POST (`method_not_allowed`), the content type is JSON
 * (`unsupported_content_type`), the body is within `maxBodyBytes` (`too_large`, checked on the declared length
 * and again while reading, so an oversize body is never buffered), the body is UTF-8 JSON without prototype
 * keys (`invalid_json`, `forbidden_key`, `too_deep`), and the event matches its schema (`unknown_event`,
 * `invalid_type`). Unusable options (`maxBodyBytes` that is no positive whole number, an `adapter` that is no
 * adapter) are `invalid_option`; anything that is no readable `Request` is `body_unreadable`. Comm100 does not
 * sign webhooks: keep the URL secret (e.g. a random path segment) and use HTTPS. Use {@link comm100WebhookStatus} for the HTTP status to answer with.
 * @public
 */
export async function handleComm100Webhook(request: Request, options: HandleComm100WebhookOptions = {}): Promise<Result<Comm100Webhook>> {
  const diagnostics = new Diagnostics();
  try {
    const settings = readOptions(options, diagnostics);
    if (settings === undefined) return diagnostics.toFailure();
    const { maxBytes, adapter, fromVendorOptions } = settings;
    if (typeof request !== 'object' || request === null) {
      diagnostics.error('body_unreadable', [], 'handleComm100Webhook needs the web-standard Request of the webhook call.');
      return diagnostics.toFailure();
    }
    const method = request.method;
    if (method !== 'POST') {
      diagnostics.error('method_not_allowed', [], `Comm100 posts webhooks; got a ${typeof method === 'string' ? method.slice(0, 20) : 'missing'} method.`);
      return diagnostics.toFailure();
    }
    const contentType = checkContentType(request.headers.get('content-type'));
    if (contentType !== undefined) {
      diagnostics.error('unsupported_content_type', [], contentType);
      return diagnostics.toFailure();
    }
    const body = await readBody(request, maxBytes);
    if (typeof body !== 'string') {
      diagnostics.add([body]);
      return diagnostics.toFailure();
    }
    const payload = parseJson(body, { maxBytes, maxDepth: comm100WebhookMaxDepth });
    if (!payload.ok) return payload;
    const event = validateComm100Webhook(normalizeComm100Webhook(payload.value), diagnostics);
    if (event === undefined) return diagnostics.toFailure();
    const context = adapter.fromVendor(payload.value, fromVendorOptions);
    if (!context.ok) return context;
    return { ok: true, value: { event, context: context.value }, diagnostics: context.diagnostics };
  } catch (error) {
    diagnostics.error('body_unreadable', [], `The webhook request could not be read (${describeError(error)}).`);
    return diagnostics.toFailure();
  }
}

/** The handler's options, checked; `undefined` with an `invalid_option` error when one is unusable. */
function readOptions(
  options: unknown,
  diagnostics: Diagnostics,
): { maxBytes: number; adapter: Comm100Adapter; fromVendorOptions: Comm100FromVendorOptions } | undefined {
  if (options === undefined) options = {};
  if (typeof options !== 'object' || options === null) {
    diagnostics.error('invalid_option', [], 'The options must be an object like { maxBodyBytes: 1048576 }.');
    return undefined;
  }
  const read = (name: keyof HandleComm100WebhookOptions): unknown =>
    Object.hasOwn(options, name) ? (options as Record<string, unknown>)[name] : undefined;
  const maxBytes = read('maxBodyBytes') ?? defaultComm100WebhookMaxBytes;
  if (typeof maxBytes !== 'number' || !Number.isSafeInteger(maxBytes) || maxBytes <= 0) {
    diagnostics.error('invalid_option', ['maxBodyBytes'], 'maxBodyBytes must be a positive whole number of bytes.');
    return undefined;
  }
  const adapter = read('adapter') ?? comm100Adapter;
  if (typeof adapter !== 'object' || adapter === null || typeof (adapter as Partial<Comm100Adapter>).fromVendor !== 'function') {
    diagnostics.error('invalid_option', ['adapter'], 'adapter must be a Comm100 adapter, e.g. one made by createComm100Adapter.');
    return undefined;
  }
  // fieldVariables and strict are checked by the adapter's own options schema.
  const fieldVariables = read('fieldVariables');
  const strict = read('strict');
  const fromVendorOptions = {
    transcriptDelivered: true,
    ...(fieldVariables === undefined ? {} : { fieldVariables }),
    ...(strict === undefined ? {} : { strict }),
  } as Comm100FromVendorOptions;
  return { maxBytes, adapter: adapter as Comm100Adapter, fromVendorOptions };
}

/** An error's message for a diagnostic, whatever was thrown (even a value whose `toString` throws). */
function describeError(error: unknown): string {
  try {
    return (error instanceof Error ? error.message : String(error)).slice(0, 200);
  } catch {
    return 'an unreadable error';
  }
}

/** A reason the content type is refused, or `undefined` when it is JSON in UTF-8. */
function checkContentType(header: unknown): string | undefined {
  if (typeof header !== 'string') return 'The request has no Content-Type; Comm100 sends application/json.';
  const [mediaType = '', ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (mediaType !== 'application/json') return `The Content-Type is ${header.slice(0, 100)}; Comm100 sends application/json.`;
  const charset = parameters.find((parameter) => parameter.startsWith('charset='));
  if (charset !== undefined && !/^charset="?utf-8"?$/.test(charset)) return `The body must be UTF-8; got ${charset.slice(0, 40)}.`;
  return undefined;
}

/** The body as text, or the diagnostic saying why it cannot be used; stops reading past `maxBytes`. */
async function readBody(request: Request, maxBytes: number): Promise<string | Diagnostic> {
  const tooLarge: Diagnostic = {
    code: 'too_large',
    severity: 'error',
    path: [],
    message: `The webhook body is larger than ${maxBytes} bytes. Raise maxBodyBytes if your chats are that long.`,
  };
  const declared: unknown = request.headers.get('content-length');
  if (typeof declared === 'string' && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) return tooLarge;
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!(value instanceof Uint8Array)) {
      await reader.cancel().catch(() => undefined);
      return { code: 'body_unreadable', severity: 'error', path: [], message: 'The webhook body stream gave something other than bytes.' };
    }
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return tooLarge;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { code: 'invalid_json', severity: 'error', path: [], message: 'The webhook body is not valid UTF-8 text.' };
  }
}

/**
 * The HTTP status to answer a webhook with: 200 when it was handled, 405 / 413 / 415 for a wrong method, an
 * oversize body or a wrong content type, 400 for anything else. Comm100 retries failed deliveries.
 * @public
 */
export function comm100WebhookStatus(result: Result<unknown>): number {
  if (result.ok) return 200;
  const codes = new Set(result.diagnostics.filter((item) => item.severity === 'error').map((item) => item.code));
  if (codes.has('method_not_allowed')) return 405;
  if (codes.has('unsupported_content_type')) return 415;
  if (codes.has('too_large')) return 413;
  return 400;
}
