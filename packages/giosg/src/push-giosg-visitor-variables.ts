import { Diagnostics, neverReject, type JsonValue, type Result, type VisitorContext } from '@visitor-context/core';
import { sendVendorRequest, type VendorHttpOptions } from '@visitor-context/core/server';
import { giosgAdapter } from './giosg-adapter.js';
import { giosgIdPattern, readClientSettings, type GiosgClientSettings, type GiosgServerClient } from './giosg-server-client.js';

/**
 * Which visitor, in which room, receives the variables. Both ids come from giosg: the room's id (a UUID, as in
 * the REST API, not the legacy room id of the JS API), and the visitor's id (from the page,
 * `giosg.unpackedVisitorCid`, or from webhooks and chat memberships).
 * @public
 */
export interface GiosgVisitorRef {
  /** The room's id (UUID) in the REST API. */
  readonly roomId: string;
  /** The visitor's id. */
  readonly visitorId: string;
}

/**
 * Options of {@link pushGiosgVisitorVariables}.
 * @public
 */
export interface GiosgPushOptions {
  /** Turn every warning (anything dropped or coerced) into an error, and send nothing. */
  readonly strict?: boolean;
  /** Cancels the push (and the client's own signal, if any, still applies). */
  readonly signal?: AbortSignal;
}

/**
 * One variable giosg accepted.
 * @public
 */
export interface GiosgWrittenVariable {
  /** The variable's key. */
  readonly key: string;
  /** giosg's HTTP status (201 when created). */
  readonly status: number;
  /** giosg's request id for the write, when its response carried one. */
  readonly requestId?: string;
  /** How many attempts the write took (retries after 429/502/503/504 or a network error count). */
  readonly attempts: number;
}

/**
 * What {@link pushGiosgVisitorVariables} wrote.
 * @public
 */
export interface GiosgPushReceipt {
  /** The organization written to. */
  readonly organizationId: string;
  /** The room written to. */
  readonly roomId: string;
  /** The visitor written to. */
  readonly visitorId: string;
  /** Every variable written, in the order sent. */
  readonly variables: readonly GiosgWrittenVariable[];
}

/**
 * Writes a visitor's variables through giosg's REST API from your server, with the client's API token:
 * the context is translated exactly as `giosgAdapter.toVendor` translates it (same keys, same diagnostics), then
 * each variable is sent as `POST /api/v5/orgs/<organization_id>/rooms/<room_id>/visitors/<visitor_id>/variables`
 * with `{ "key": …, "value": … }`. Never rejects.
 *
 * @remarks
 * Variables are sent one by one, in order, each retried by core's `sendVendorRequest` (429, 502, 503, 504 and
 * network errors, honouring `Retry-After`); the client's `totalTimeoutMs` bounds the whole push. When a write
 * fails, the push stops: the failure carries the HTTP diagnostic (`unauthorized`, `not_found`, `rate_limited`,
 * `vendor_rejected`, `timeout`, `network_error`, with giosg's status and request id) and a `not_applied` error
 * for every variable not written. Values are sent as text (`value_coerced` for numbers and booleans), as giosg
 * reports variables. The REST API has no `replace_existing` and writes to the room in the path, so
 * `vendor.giosg.replaceExisting` and `vendor.giosg.rooms` are reported (`field_dropped`), not used.
 * @public
 */
export async function pushGiosgVisitorVariables(
  client: GiosgServerClient,
  visitor: GiosgVisitorRef,
  context: VisitorContext,
  options?: GiosgPushOptions,
): Promise<Result<GiosgPushReceipt>> {
  return pushSafely(client, visitor, context, options);
}

const pushSafely = /* @__PURE__ */ neverReject('pushGiosgVisitorVariables', push, { code: 'invalid_option' });

interface PushPlan {
  readonly settings: GiosgClientSettings;
  readonly roomId: string;
  readonly visitorId: string;
  readonly variables: readonly (readonly [string, string])[];
  readonly http: VendorHttpOptions;
}

async function push(client: GiosgServerClient, visitor: GiosgVisitorRef, context: VisitorContext, options: GiosgPushOptions = {}): Promise<Result<GiosgPushReceipt>> {
  const diagnostics = new Diagnostics();
  const plan = planPush(client, visitor, context, options, diagnostics);
  if (plan === undefined) return diagnostics.toFailure();
  const preflight = diagnostics.toResult(undefined, { strict: options.strict === true });
  if (!preflight.ok) return preflight;

  const { settings, roomId, visitorId } = plan;
  const url = `${settings.apiBaseUrl}/api/v5/orgs/${encodeURIComponent(settings.organizationId)}/rooms/${encodeURIComponent(roomId)}/visitors/${encodeURIComponent(visitorId)}/variables`;
  const written: GiosgWrittenVariable[] = [];
  const deadline = Date.now() + (plan.http.totalTimeoutMs ?? defaultTotalTimeoutMs);
  for (const [index, [key, value]] of plan.variables.entries()) {
    const remainingMs = Math.max(1, deadline - Date.now());
    const sent = await sendVendorRequest(
      {
        vendor: 'giosg',
        operation: `write visitor variable "${key}"`,
        method: 'POST',
        url,
        headers: { authorization: `Token ${settings.apiToken}`, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ key, value }),
        secrets: [settings.apiToken],
        // Setting a key to a value twice leaves giosg as setting it once (giosg overwrites a key sent again).
        idempotent: true,
      },
      { ...plan.http, totalTimeoutMs: remainingMs },
    );
    if (!sent.ok) {
      diagnostics.add(sent.diagnostics);
      const writtenKeys = written.map((item) => JSON.stringify(item.key)).join(', ');
      for (const [unwrittenKey] of plan.variables.slice(index)) {
        diagnostics.error(
          'not_applied',
          [unwrittenKey],
          `giosg variable ${JSON.stringify(unwrittenKey)} was not written: the push stopped at ${JSON.stringify(key)}. ${writtenKeys === '' ? 'Nothing was written.' : `Already written: ${writtenKeys}.`} Fix the cause and push again (writing a variable again is harmless).`,
        );
      }
      return diagnostics.toFailure();
    }
    const { status, requestId, attempts } = sent.value;
    written.push({ key, status, attempts, ...(requestId === undefined ? {} : { requestId }) });
  }
  return diagnostics.toResult({ organizationId: settings.organizationId, roomId, visitorId, variables: written });
}

/** core's default `totalTimeoutMs`; one budget for the whole push. */
const defaultTotalTimeoutMs = 30_000;

function planPush(client: GiosgServerClient, visitor: GiosgVisitorRef, context: VisitorContext, options: GiosgPushOptions, diagnostics: Diagnostics): PushPlan | undefined {
  const settings = readClientSettings(client);
  if (settings === undefined) diagnostics.error('invalid_option', ['client'], 'Pass a client made by createGiosgServerClient({ apiToken, organizationId }).');
  const roomId = readId(visitor, 'roomId', diagnostics);
  const visitorId = readId(visitor, 'visitorId', diagnostics);
  const http = readPushOptions(options, settings, diagnostics);
  if (settings === undefined || roomId === undefined || visitorId === undefined || http === undefined) return undefined;

  const translated = giosgAdapter.toVendor(context, options.strict === undefined ? {} : { strict: options.strict });
  diagnostics.add(translated.diagnostics);
  if (!translated.ok) return undefined;
  const { visitorData, replaceExisting, rooms } = translated.value;
  if (replaceExisting) {
    diagnostics.warning('field_dropped', ['vendor', 'giosg', 'replaceExisting'], "giosg's REST API has no replace_existing: the variables sent are set and the visitor's other variables are kept.");
  }
  if (rooms !== undefined) {
    diagnostics.warning('field_dropped', ['vendor', 'giosg', 'rooms'], `The REST API writes to the room in the path (${JSON.stringify(roomId)}); vendor.giosg.rooms is for the JavaScript API and was not used.`);
  }
  // toVendor without a key always gives the data object; only the signer replaces it with a token.
  const variables = Object.entries(visitorData as Record<string, JsonValue>).map(([key, value]) => [key, asText(key, value, diagnostics)] as const);
  if (variables.length === 0) diagnostics.warning('not_applied', [], 'The context has nothing giosg keeps as a visitor variable; nothing was sent.');
  return { settings, roomId, visitorId, variables, http };
}

/** giosg reports visitor variables as text (the chats listing's `api_data`); anything else is sent as its text, with a warning. */
function asText(key: string, value: JsonValue, diagnostics: Diagnostics): string {
  if (typeof value === 'string') return value;
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  diagnostics.warning('value_coerced', [key], `giosg variable ${JSON.stringify(key)}: the ${value === null ? 'null' : typeof value} ${text} is sent as the text ${JSON.stringify(text)} (giosg stores variable values as text).`);
  return text;
}

function readId(visitor: GiosgVisitorRef, name: 'roomId' | 'visitorId', diagnostics: Diagnostics): string | undefined {
  const value: unknown = typeof visitor === 'object' && visitor !== null ? visitor[name] : undefined;
  if (typeof value === 'string' && giosgIdPattern.test(value)) return value;
  const what = name === 'roomId' ? "the room's id (a UUID from the REST API, not the legacy room id)" : "the visitor's id (giosg.unpackedVisitorCid on the page, or from a webhook)";
  const got = typeof value === 'string' ? `got ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)}` : `got ${value === undefined ? 'nothing' : typeof value}`;
  diagnostics.error('invalid_option', [name], `${name} must be ${what}: letters, digits, "-" and "_" only; ${got}.`);
  return undefined;
}

function readPushOptions(options: GiosgPushOptions, settings: GiosgClientSettings | undefined, diagnostics: Diagnostics): VendorHttpOptions | undefined {
  if (typeof options !== 'object' || options === null) {
    diagnostics.error('invalid_option', [], 'Push options must be an object, e.g. { strict: true }.');
    return undefined;
  }
  const { strict, signal, ...unknown } = options;
  for (const name of Object.keys(unknown)) {
    diagnostics.error('invalid_option', [name], `Unknown push option ${JSON.stringify(name)}; pushGiosgVisitorVariables takes strict and signal (set timeouts and retries on the client).`);
  }
  if (strict !== undefined && typeof strict !== 'boolean') diagnostics.error('invalid_option', ['strict'], 'strict must be true or false.');
  if (signal !== undefined && !isAbortSignal(signal)) diagnostics.error('invalid_option', ['signal'], 'signal must be an AbortSignal.');
  if (diagnostics.hasErrors || settings === undefined) return undefined;
  const signals = [settings.http.signal, signal].filter((item): item is AbortSignal => item !== undefined);
  const combined = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
  return { ...settings.http, ...(combined === undefined ? {} : { signal: combined }) };
}

function isAbortSignal(value: unknown): value is AbortSignal {
  return typeof value === 'object' && value !== null && typeof (value as AbortSignal).aborted === 'boolean' && typeof (value as AbortSignal).addEventListener === 'function';
}
