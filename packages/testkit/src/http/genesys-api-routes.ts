/*
 * A stand-in of the Genesys Cloud endpoints a server-side push uses, behaving as Genesys documents them:
 *
 * - `POST /oauth/token` (login host): OAuth client credentials. HTTP Basic `client_id:client_secret`,
 *   `application/x-www-form-urlencoded` body `grant_type=client_credentials`; answers
 *   `{ access_token, token_type: "bearer", expires_in }`. A wrong client is refused with 400 `invalid_client`
 *   (the OAuth error shape Genesys' login service uses), a missing Basic header with 401.
 * - `GET /api/v2/conversations/{conversationId}`: the conversation with its `participants` (`id`, `purpose`,
 *   `attributes`), with a bearer token.
 * - `PATCH /api/v2/conversations/{conversationId}/participants/{participantId}/attributes`: body
 *   `{ "attributes": { name: "string" } }`, merged into the participant's attributes (names not sent stay); answers
 *   202 with no body (the SDKs type the answer as void; the exact 2xx is inferred, clients should accept any).
 *
 * API errors use Genesys' error body `{ message, code, status, contextId, details, errors }` and every answer
 * carries an `inin-correlation-id` header. One host serves both the login and the API paths, so one stand-in can
 * be given as both `loginBaseUrl` and `apiBaseUrl`.
 */
import type { RecordedRequest, StandInResponse } from './start-http-stand-in.js';

/** One participant of a stand-in conversation. @public */
export interface GenesysStandInParticipant {
  /** The participant id (a UUID). */
  readonly id: string;
  /** `customer`, `external`, `agent`, `acd`, `workflow`, … */
  readonly purpose: string;
  /** The participant's attributes; PATCH merges into them. */
  readonly attributes?: Readonly<Record<string, string>> | undefined;
}

/** One stand-in conversation. @public */
export interface GenesysStandInConversation {
  /** The conversation id (a UUID). */
  readonly id: string;
  /** Its participants, in order. */
  readonly participants: readonly GenesysStandInParticipant[];
}

/** Options of {@link createGenesysApiRoutes}. @public */
export interface GenesysApiRoutesOptions {
  /** The OAuth client id the token endpoint accepts. */
  readonly clientId: string;
  /** The OAuth client secret the token endpoint accepts. */
  readonly clientSecret: string;
  /** The conversations the API knows. */
  readonly conversations?: readonly GenesysStandInConversation[] | undefined;
  /** `expires_in` of issued tokens, in seconds; default 86,399 (Genesys' default lifetime is 24 hours). */
  readonly tokenLifetimeSeconds?: number | undefined;
}

/**
 * The Genesys API stand-in: its route for `startHttpStandIn`, and its state for assertions.
 * @public
 */
export interface GenesysApiRoutes {
  /** Serves the token, conversation and attribute endpoints; anything else is a 404. Pass it to `startHttpStandIn`. */
  readonly route: (request: RecordedRequest) => StandInResponse;
  /** Every access token issued so far, oldest first. */
  readonly issuedTokens: readonly string[];
  /** The participant's current attributes (after every PATCH), or undefined for an unknown one. */
  attributesOf(conversationId: string, participantId: string): Readonly<Record<string, string>> | undefined;
  /** Makes every token issued so far invalid, as when Genesys revokes them: the next API call gets a 401. */
  revokeTokens(): void;
}

interface ParticipantState {
  readonly id: string;
  readonly purpose: string;
  attributes: Record<string, string>;
}

const conversationPath = /^\/api\/v2\/conversations\/([^/]+)$/;
const attributesPath = /^\/api\/v2\/conversations\/([^/]+)\/participants\/([^/]+)\/attributes$/;

/**
 * Creates the Genesys API stand-in routes. Use them with `startHttpStandIn`, and give the stand-in's URL as both
 * `apiBaseUrl` and `loginBaseUrl` of `createGenesysServerClient`.
 * @public
 */
export function createGenesysApiRoutes(options: GenesysApiRoutesOptions): GenesysApiRoutes {
  const conversations = new Map<string, ParticipantState[]>();
  for (const conversation of options.conversations ?? []) {
    conversations.set(
      conversation.id,
      conversation.participants.map((participant) => ({ id: participant.id, purpose: participant.purpose, attributes: { ...participant.attributes } })),
    );
  }
  const lifetime = options.tokenLifetimeSeconds ?? 86_399;
  const expectedBasic = `Basic ${btoa(`${options.clientId}:${options.clientSecret}`)}`;
  const issuedTokens: string[] = [];
  const validTokens = new Set<string>();
  let requestCount = 0;

  const reply = (status: number, body?: unknown, headers: Record<string, string> = {}): StandInResponse => {
    requestCount++;
    return {
      status,
      headers: {
        'inin-correlation-id': `stand-in-${String(requestCount).padStart(4, '0')}`,
        ...headers,
      },
      ...(body === undefined ? {} : { body }),
    };
  };
  const apiError = (status: number, code: string, message: string): StandInResponse =>
    reply(status, { message, code, status, contextId: `stand-in-context-${requestCount + 1}`, details: [], errors: [] });

  const token = (request: RecordedRequest): StandInResponse => {
    const authorization = header(request, 'authorization');
    if (authorization === undefined || !authorization.startsWith('Basic ')) {
      return reply(401, { error: 'invalid_client', description: 'client authentication required', error_description: 'client authentication required' });
    }
    if (authorization !== expectedBasic) {
      return reply(400, { error: 'invalid_client', description: 'client not found', error_description: 'client not found' });
    }
    if (!(header(request, 'content-type') ?? '').startsWith('application/x-www-form-urlencoded')) {
      return reply(400, { error: 'invalid_request', description: 'form body required', error_description: 'form body required' });
    }
    const grant = new URLSearchParams(request.bodyText).get('grant_type');
    if (grant !== 'client_credentials') {
      return reply(400, { error: 'unsupported_grant_type', description: 'grant type not supported', error_description: 'grant type not supported' });
    }
    const value = `stand-in-token-${issuedTokens.length + 1}-${crypto.randomUUID()}`;
    issuedTokens.push(value);
    validTokens.add(value);
    return reply(200, { access_token: value, token_type: 'bearer', expires_in: lifetime });
  };

  const authorized = (request: RecordedRequest): boolean => {
    const authorization = header(request, 'authorization');
    return authorization !== undefined && authorization.startsWith('Bearer ') && validTokens.has(authorization.slice('Bearer '.length));
  };

  const route = (request: RecordedRequest): StandInResponse => {
    const { path } = request;
    if (path === '/oauth/token') return request.method === 'POST' ? token(request) : apiError(405, 'method.not.allowed', 'Use POST.');
    const conversationMatch = conversationPath.exec(path);
    const attributesMatch = attributesPath.exec(path);
    if (conversationMatch === null && attributesMatch === null) return apiError(404, 'not.found', `No such resource: ${path}`);
    if (!authorized(request)) return apiError(401, 'bad.credentials', 'Invalid login credentials.');
    if (conversationMatch !== null) {
      if (request.method !== 'GET') return apiError(405, 'method.not.allowed', 'Use GET.');
      const id = decodeURIComponent(conversationMatch[1] ?? '');
      const participants = conversations.get(id);
      if (participants === undefined) return apiError(404, 'not.found', `The conversation ${id} was not found.`);
      return reply(200, { id, participants: participants.map((participant) => ({ ...participant, attributes: { ...participant.attributes } })) });
    }
    if (request.method !== 'PATCH') return apiError(405, 'method.not.allowed', 'Use PATCH.');
    const conversationId = decodeURIComponent(attributesMatch?.[1] ?? '');
    const participantId = decodeURIComponent(attributesMatch?.[2] ?? '');
    const participant = conversations.get(conversationId)?.find((candidate) => candidate.id === participantId);
    if (participant === undefined) return apiError(404, 'not.found', `The participant ${participantId} of conversation ${conversationId} was not found.`);
    if (!(header(request, 'content-type') ?? '').startsWith('application/json')) return apiError(415, 'unsupported.media.type', 'Send application/json.');
    const attributes = readAttributes(request.bodyText);
    if (attributes === undefined) return apiError(400, 'bad.request', 'The request body must be {"attributes": {name: string value}}.');
    participant.attributes = { ...participant.attributes, ...attributes };
    return reply(202);
  };

  return {
    route,
    issuedTokens,
    attributesOf(conversationId, participantId) {
      const participant = conversations.get(conversationId)?.find((candidate) => candidate.id === participantId);
      return participant === undefined ? undefined : { ...participant.attributes };
    },
    revokeTokens() {
      validTokens.clear();
    },
  };
}

/** The error codes Genesys puts in its error body for the statuses a push meets. */
const errorCodeByStatus: Readonly<Record<number, string>> = {
  400: 'bad.request',
  401: 'bad.credentials',
  403: 'missing.permissions',
  404: 'not.found',
  429: 'too.many.requests',
  500: 'internal.server.error',
  502: 'bad.gateway',
  503: 'service.unavailable',
  504: 'gateway.timeout',
};

/**
 * A Genesys API error answer for `respondNext`: Genesys' error body (`message`, `code`, `status`, …) and an
 * `inin-correlation-id`; for 429, a `Retry-After` header (seconds, default 1) as Genesys sends it.
 * @public
 */
export function genesysErrorResponse(
  status: number,
  options: { readonly retryAfterSeconds?: number | undefined; readonly delayMs?: number | undefined; readonly correlationId?: string | undefined } = {},
): StandInResponse {
  const code = errorCodeByStatus[status] ?? 'error';
  const retryAfter = status === 429 ? (options.retryAfterSeconds ?? 1) : undefined;
  const message =
    status === 429 ? `Rate limit exceeded the maximum. Retry the request in [${retryAfter}] seconds` : `The request failed with ${code}.`;
  return {
    status,
    headers: {
      'inin-correlation-id': options.correlationId ?? `stand-in-${code}`,
      ...(retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) }),
    },
    body: { message, code, status, contextId: options.correlationId ?? `stand-in-${code}`, details: [], errors: [] },
    ...(options.delayMs === undefined ? {} : { delayMs: options.delayMs }),
  };
}

/** `{ attributes: { name: "string" } }`, or undefined for anything else (Genesys refuses non-string values). */
function readAttributes(body: string): Record<string, string> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !Object.hasOwn(parsed, 'attributes')) return undefined;
  const attributes: unknown = (parsed as Record<string, unknown>)['attributes'];
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) return undefined;
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value !== 'string') return undefined;
    Object.defineProperty(result, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return result;
}

function header(request: RecordedRequest, name: string): string | undefined {
  return Object.hasOwn(request.headers, name) ? request.headers[name] : undefined;
}
