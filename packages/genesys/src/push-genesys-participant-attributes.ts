/*
 * Server-side delivery to Genesys Cloud: the context becomes participant attributes through
 * `PATCH /api/v2/conversations/{conversationId}/participants/{participantId}/attributes` with
 * `{ "attributes": { name: "string value" } }` (Platform API, ConversationsApi
 * `patchConversationParticipantAttributes`), after `GET /api/v2/conversations/{conversationId}` when the
 * participant must be found first.
 */
import { Diagnostics, parseAdapterOptions, type Diagnostic, type Failure, type Result, type VisitorContext } from '@visitor-context/core';
import { VendorHttpOptionsSchema, type VendorHttpResult } from '@visitor-context/core/server';
import * as z from 'zod/mini';
import { findCustomerParticipant } from './find-customer-participant.js';
import { genesysAdapter } from './genesys-adapter.js';
import type { GenesysAccessToken } from './genesys-access-token.js';
import { idSegment, invalidIdDiagnostic, isGenesysId } from './genesys-ids.js';
import { genesysClientState, type GenesysClientState, type GenesysServerClient } from './genesys-server-client.js';
import { httpDiagnostics, sendGenesysRequest, type GenesysRequest } from './send-genesys-request.js';

/**
 * Which participant to update: the conversation, and the participant when known. Without `participantId` the
 * conversation is read and its `customer` participant (else its one `external` participant) is used.
 * @public
 */
export interface GenesysPushTarget {
  /** The conversation's id (a UUID), e.g. from the Messenger's or a webhook's conversation events. */
  readonly conversationId: string;
  /** The visitor's participant id (a UUID); found from the conversation when left out. */
  readonly participantId?: string | undefined;
}

/**
 * The zod (mini) schema of {@link GenesysPushOptions}.
 * @public
 */
export const GenesysPushOptionsSchema = z.strictObject({
  /** Turn every warning (a translation loss, a guessed participant) into an error: nothing is sent then. */
  strict: z.optional(z.boolean()),
  /** The purpose of the visitor's participant, when looking it up; default `customer`, then `external`. */
  participantPurpose: z.optional(z.string().check(z.minLength(1))),
  /** Cancels this push (the client's own timeouts still apply). */
  signal: VendorHttpOptionsSchema.shape.signal,
});

/**
 * Options of {@link pushGenesysParticipantAttributes}.
 * @public
 */
export interface GenesysPushOptions {
  /** Turn every warning (a translation loss, a guessed participant) into an error: nothing is sent then. */
  readonly strict?: boolean | undefined;
  /**
   * The `purpose` of the visitor's participant, used when `participantId` is not given. Default: the `customer`
   * participant, else the one `external` participant (with a `value_guessed` warning).
   */
  readonly participantPurpose?: string | undefined;
  /** Cancels this push; it then ends with an `aborted` error. The client's timeouts still apply. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * What a successful push did.
 * @public
 */
export interface GenesysPushReceipt {
  /** The conversation updated. */
  readonly conversationId: string;
  /** The participant updated. */
  readonly participantId: string;
  /** `given` when the caller named the participant, `looked-up` when it was found from the conversation. */
  readonly participantSource: 'given' | 'looked-up';
  /** Exactly the attributes sent: the same names and string values as `genesysAdapter.toVendor(context, { channel: 'attributes' })`. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Genesys' HTTP status for the update (2xx). */
  readonly status: number;
  /** Genesys' `inin-correlation-id` for the update: quote it to Genesys support. */
  readonly requestId: string | undefined;
}

/**
 * Translates a visitor context and writes it to a Genesys Cloud conversation participant's attributes, from the
 * server. Never throws: every problem, local or remote, comes back as a diagnostic with a stable code.
 *
 * @remarks
 * The translation is `genesysAdapter.toVendor(context, { channel: 'attributes' })`: the same names (no dots in
 * canonical ones), string values and warnings. Genesys updates only the attributes sent; others on the participant
 * stay as they are, so a field missing from the context is not removed from Genesys.
 *
 * Codes: `invalid_option` (a bad client, id or option: nothing sent), the translation's codes, `nothing_to_send`
 * (the context has no field Genesys can carry), `participant_not_found` / `participant_ambiguous` (no single
 * visitor participant in the conversation: pass `participantId`), `vendor_error` (Genesys answered in a shape that
 * cannot be read), and core's HTTP codes with the vendor's `status` and `requestId`: `unauthorized` (after one token
 * renewal on 401; also a refused token request), `not_found`, `rate_limited`, `vendor_rejected`, `timeout`,
 * `network_error`, `aborted`.
 * @public
 */
export async function pushGenesysParticipantAttributes(
  client: GenesysServerClient,
  target: GenesysPushTarget,
  context: VisitorContext,
  options?: GenesysPushOptions,
): Promise<Result<GenesysPushReceipt>> {
  try {
    return await push(client, target, context, options);
  } catch (error) {
    // Reading the caller's arguments can throw (a proxy, a getter); the promise to never throw holds anyway.
    return {
      ok: false,
      diagnostics: [
        {
          code: 'not_plain_data',
          severity: 'error',
          path: [],
          message: `pushGenesysParticipantAttributes could not read its input (${error instanceof Error ? error.name : typeof error}). Pass plain data: no proxies, getters or class instances.`,
        },
      ],
    };
  }
}

async function push(
  client: GenesysServerClient,
  target: GenesysPushTarget,
  context: VisitorContext,
  options: GenesysPushOptions | undefined,
): Promise<Result<GenesysPushReceipt>> {
  const diagnostics = new Diagnostics();
  const state = genesysClientState(client);
  if (state === undefined) {
    diagnostics.error('invalid_option', ['client'], 'The client must come from createGenesysServerClient({ region, clientId, clientSecret }).');
  }
  const pushOptions = parseAdapterOptions(GenesysPushOptionsSchema, options, diagnostics);
  const { conversationId, participantId } = readTarget(target, diagnostics);
  if (state === undefined || pushOptions === undefined || conversationId === undefined || diagnostics.hasErrors) return diagnostics.toFailure();
  const strict = pushOptions.strict === true;

  const translated = genesysAdapter.toVendor(context, { channel: 'attributes', strict });
  diagnostics.add(translated.diagnostics);
  if (!translated.ok) return diagnostics.toFailure();
  if (translated.value.channel !== 'attributes') {
    // Cannot happen (the channel was asked for); the check narrows the payload's type.
    diagnostics.error('adapter_failed', [], 'The Genesys translation returned another channel than "attributes"; nothing was sent.');
    return diagnostics.toFailure();
  }
  const attributes = translated.value.customAttributes;
  if (Object.keys(attributes).length === 0) {
    diagnostics.error('nothing_to_send', [], 'The context has no field Genesys participant attributes can carry, so nothing was sent. Check that the context was filled in.');
    return diagnostics.toFailure();
  }

  const send = authorizedSender(state, pushOptions.signal);
  let participant = participantId;
  if (participant === undefined) {
    const conversation = await send((token) => ({
      operation: 'read the conversation (to find the visitor participant)',
      method: 'GET',
      url: `${state.apiBaseUrl}/api/v2/conversations/${idSegment(conversationId)}`,
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      secrets: [token],
    }));
    if (!conversation.ok) return failWith(diagnostics, conversation.diagnostics);
    const found = findCustomerParticipant(conversation.value.body, conversationId, pushOptions.participantPurpose);
    diagnostics.add(found.diagnostics);
    if (!found.ok) return diagnostics.toFailure();
    participant = found.value.participantId;
  }
  // Under strict, a guessed participant stops the push before anything is written.
  const beforeWrite = diagnostics.toResult(undefined, { strict });
  if (!beforeWrite.ok) return beforeWrite;

  const update = await send((token) => ({
    operation: 'update the participant attributes',
    method: 'PATCH',
    url: `${state.apiBaseUrl}/api/v2/conversations/${idSegment(conversationId)}/participants/${idSegment(participant)}/attributes`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ attributes }),
    secrets: [token],
  }));
  if (!update.ok) return failWith(diagnostics, update.diagnostics);
  return diagnostics.toResult(
    {
      conversationId,
      participantId: participant,
      participantSource: participantId === undefined ? 'looked-up' : 'given',
      attributes,
      status: update.value.status,
      requestId: update.value.requestId,
    },
    { strict },
  );
}

/** The target's ids, checked to be UUIDs; each problem is an `invalid_option` error. */
function readTarget(target: GenesysPushTarget, diagnostics: Diagnostics): { conversationId?: string; participantId?: string } {
  if (typeof target !== 'object' || target === null) {
    diagnostics.error('invalid_option', [], 'The target must be an object such as { conversationId, participantId }.');
    return {};
  }
  const conversationId = Object.hasOwn(target, 'conversationId') ? target.conversationId : undefined;
  const participantId = Object.hasOwn(target, 'participantId') ? target.participantId : undefined;
  const checked: { conversationId?: string; participantId?: string } = {};
  if (isGenesysId(conversationId)) checked.conversationId = conversationId;
  else diagnostics.add([invalidIdDiagnostic('conversationId', conversationId)]);
  if (participantId !== undefined) {
    if (isGenesysId(participantId)) checked.participantId = participantId;
    else diagnostics.add([invalidIdDiagnostic('participantId', participantId)]);
  }
  return checked;
}

/**
 * Sends with the client's bearer token. A 401 means the token was revoked or expired early: the token is dropped,
 * a new one fetched, and the request sent once more; a second 401 is the answer (`unauthorized`).
 */
function authorizedSender(state: GenesysClientState, signal: AbortSignal | undefined) {
  const http = { ...state.http, ...(signal === undefined ? {} : { signal: combineSignals(state.http.signal, signal) }) };
  return async (build: (token: string) => GenesysRequest): Promise<VendorHttpResult | Failure> => {
    let refused: GenesysAccessToken | undefined;
    for (;;) {
      const token = await state.tokens.get(signal);
      if (!token.ok) return { ok: false, diagnostics: token.diagnostics };
      const request = build(token.value.value);
      const result = await sendGenesysRequest({ ...request, secrets: [...request.secrets, ...state.secrets] }, http);
      if (result.ok || refused !== undefined || !httpDiagnostics(result).some((item) => item.status === 401)) return result;
      refused = token.value;
      state.tokens.discard(refused);
    }
  };
}

/** The push's own signal and the client's, either of which cancels. */
function combineSignals(clientSignal: AbortSignal | undefined, pushSignal: AbortSignal): AbortSignal {
  return clientSignal === undefined ? pushSignal : AbortSignal.any([clientSignal, pushSignal]);
}

function failWith(diagnostics: Diagnostics, failures: readonly Diagnostic[]): Result<never> {
  diagnostics.add(failures);
  return diagnostics.toFailure();
}
