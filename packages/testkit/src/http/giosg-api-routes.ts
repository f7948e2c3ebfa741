import type { RecordedRequest, StandInResponse } from './start-http-stand-in.js';

/**
 * One visitor variable the giosg stand-in holds: what `POST …/variables` created.
 * @public
 */
export interface GiosgStandInVariable {
  /** The stand-in's id for the variable. */
  readonly id: string;
  /** The variable's key, as sent. */
  readonly key: string;
  /** The variable's value, as sent. */
  readonly value: unknown;
  /** When the stand-in stored it (ISO 8601). */
  readonly created_at: string;
}

/**
 * Options of {@link createGiosgApiRoute}.
 * @public
 */
export interface GiosgApiRouteOptions {
  /** The API token the stand-in accepts in `Authorization: Token <apiToken>`; anything else is answered 401. */
  readonly apiToken: string;
  /** The organization the token belongs to; another organization in the path is answered 403. */
  readonly organizationId: string;
  /** Rooms that exist; a variable for another room is answered 404. Default: every room exists. */
  readonly roomIds?: readonly string[];
  /** Visitors that exist; a variable for another visitor is answered 404. Default: every visitor exists. */
  readonly visitorIds?: readonly string[];
}

/**
 * The giosg REST API stand-in's route, and what it stored.
 * @public
 */
export interface GiosgApiRoute {
  /** Pass to `startHttpStandIn`. */
  readonly route: (request: RecordedRequest) => StandInResponse;
  /** The variables stored for a visitor in a room, in the order they were created (a key sent again is updated in place). */
  variables(roomId: string, visitorId: string): readonly GiosgStandInVariable[];
}

/** `/api/v5/orgs/<organization_id>/rooms/<room_id>/visitors/<visitor_id>/variables`, each id one path segment. */
const variablesPath = /^\/api\/v5\/orgs\/([^/]+)\/rooms\/([^/]+)\/visitors\/([^/]+)\/variables$/;

/** giosg's API is Django REST framework: errors carry `detail`, field errors a list of messages per field. */
const detail = (status: number, message: string, headers?: Record<string, string>): StandInResponse => ({ status, body: { detail: message }, ...(headers === undefined ? {} : { headers }) });

/**
 * The giosg answers tests script with `respondNext`: the error shapes of giosg's REST API in one place.
 * @public
 */
export const giosgApiResponses = {
  /** 401: the token is missing, wrong or revoked (giosg revokes a token when its user is deleted). */
  unauthorized: (): StandInResponse => detail(401, 'Invalid token.'),
  /** 403: the token's user may not write to this organization or room. */
  forbidden: (): StandInResponse => detail(403, 'You do not have permission to perform this action.'),
  /** 404: no such organization, room or visitor. */
  notFound: (): StandInResponse => detail(404, 'Not found.'),
  /** 400: a field error, as giosg reports a missing or invalid attribute. */
  badRequest: (field: string, message = 'This field is required.'): StandInResponse => ({ status: 400, body: { [field]: [message] } }),
  /** 429 with `Retry-After` in seconds. */
  rateLimited: (retryAfterSeconds: number): StandInResponse =>
    detail(429, `Request was throttled. Expected available in ${retryAfterSeconds} seconds.`, { 'retry-after': String(retryAfterSeconds) }),
  /** A 5xx, e.g. 503 while giosg is being deployed. */
  serverError: (status = 503): StandInResponse => detail(status, 'Service temporarily unavailable, try again later.'),
  /** Any answer, sent only after `delayMs` (to trip a client's timeout). */
  slow: (delayMs: number, answer: StandInResponse = { status: 201, body: {} }): StandInResponse => ({ ...answer, delayMs }),
} as const;

function decodePathSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A stand-in of the part of giosg's REST API that writes a visitor's variables, for `startHttpStandIn`:
 * `POST /api/v5/orgs/<organization_id>/rooms/<room_id>/visitors/<visitor_id>/variables` with
 * `Authorization: Token <api token>` and a JSON body `{ "key": …, "value": … }`, answered 201 with the created
 * variable; `GET` on the same path lists them as giosg's paginated collection (`{ next, previous, results }`).
 *
 * @remarks
 * Documented by giosg (docs.giosg.com tutorial "Sending visitor variables (HTTP API)"): the path, `POST`, the
 * `Token` authorization, 201 on success and 400 when a required attribute is missing. Inferred from public
 * integration code that calls the endpoint, not from a reference page: the `{ key, value }` body (one variable
 * per request). The created variable in the answer and the listing's fields are the stand-in's own guess. The error bodies follow giosg's Django REST framework conventions (`{ "detail": … }`).
 * Script 401/403/404/429/5xx and slow answers with `respondNext(giosgApiResponses.…)`.
 * @public
 */
export function createGiosgApiRoute(options: GiosgApiRouteOptions): GiosgApiRoute {
  const stored = new Map<string, GiosgStandInVariable[]>();
  let nextId = 1;
  const storeKey = (roomId: string, visitorId: string): string => JSON.stringify([roomId, visitorId]);

  const route = (request: RecordedRequest): StandInResponse => {
    if (request.headers.authorization !== `Token ${options.apiToken}`) return giosgApiResponses.unauthorized();
    const match = variablesPath.exec(request.path);
    if (match === null) return giosgApiResponses.notFound();
    const ids = match.slice(1).map(decodePathSegment);
    if (ids.some((id) => id === undefined)) return detail(400, 'Malformed percent-encoding in the path.');
    const [organizationId, roomId, visitorId] = ids as [string, string, string];
    if (organizationId !== options.organizationId) return giosgApiResponses.forbidden();
    if (options.roomIds !== undefined && !options.roomIds.includes(roomId)) return giosgApiResponses.notFound();
    if (options.visitorIds !== undefined && !options.visitorIds.includes(visitorId)) return giosgApiResponses.notFound();
    const variables = stored.get(storeKey(roomId, visitorId)) ?? [];
    if (request.method === 'GET') return { status: 200, body: { next: null, previous: null, results: variables } };
    if (request.method !== 'POST') return { status: 405, headers: { allow: 'GET, POST' }, body: { detail: `Method "${request.method}" not allowed.` } };
    if (!(request.headers['content-type'] ?? '').startsWith('application/json') || !isJsonObject(request.json)) {
      return detail(400, 'JSON parse error: send a JSON object with "key" and "value".');
    }
    const { key, value } = request.json;
    if (typeof key !== 'string' || key === '') return giosgApiResponses.badRequest('key');
    if (value === undefined) return giosgApiResponses.badRequest('value');
    const existing = variables.findIndex((variable) => variable.key === key);
    const variable: GiosgStandInVariable = { id: String(nextId++), key, value, created_at: new Date().toISOString() };
    if (existing === -1) variables.push(variable);
    else variables[existing] = variable;
    stored.set(storeKey(roomId, visitorId), variables);
    return { status: 201, body: variable };
  };

  return { route, variables: (roomId, visitorId) => [...(stored.get(storeKey(roomId, visitorId)) ?? [])] };
}
