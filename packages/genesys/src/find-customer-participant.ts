/*
 * Which participant of a conversation is the visitor. `GET /api/v2/conversations/{conversationId}` lists every
 * participant with its `purpose`: `customer` for the visitor of a web chat, message or inbound call, `external`
 * for the outside party of a call the org placed; `agent`, `acd`, `workflow`, `ivr`, … are the org's side.
 */
import type { Diagnostic, Result } from '@visitor-context/core';
import { isGenesysId } from './genesys-ids.js';

/** The purposes tried, in order, when the caller names none. */
export const defaultParticipantPurposes = ['customer', 'external'] as const;

/** The participant chosen, and how: `warnings` says when it was not the `customer` one. */
export interface FoundParticipant {
  readonly participantId: string;
  readonly purpose: string;
}

/**
 * Picks the visitor's participant from a conversation (the JSON core's HTTP layer parsed): the one participant with the wanted purpose
 * (`participantPurpose`, or `customer`, then `external`). None, several, or a conversation that cannot be read
 * are errors that say how to pass `participantId` instead.
 */
export function findCustomerParticipant(conversation: unknown, conversationId: string, participantPurpose: string | undefined): Result<FoundParticipant> {
  const participants = ownArray(conversation, 'participants');
  if (participants === undefined) {
    return failure(
      'vendor_error',
      `Genesys answered GET /api/v2/conversations/${conversationId} without a readable participants list (a conversation larger than core's 256 KiB response limit is not read). Pass participantId to skip the look-up.`,
    );
  }
  const purposes = participantPurpose === undefined ? defaultParticipantPurposes : [participantPurpose];
  const diagnostics: Diagnostic[] = [];
  for (const purpose of purposes) {
    const matches = participants.filter((participant) => ownString(participant, 'purpose') === purpose);
    if (matches.length === 0) continue;
    const ids = matches.map((participant) => ownString(participant, 'id'));
    if (matches.length > 1) {
      return failure(
        'participant_ambiguous',
        `Conversation ${conversationId} has ${matches.length} participants with purpose "${purpose}" (${ids.map(shortId).join(', ')}), so which one is the visitor is unclear. Pass participantId.`,
      );
    }
    const id = ids[0];
    if (!isGenesysId(id)) {
      return failure('vendor_error', `The "${purpose}" participant of conversation ${conversationId} has no usable id in Genesys' answer. Pass participantId.`);
    }
    if (purpose !== purposes[0]) {
      diagnostics.push({
        code: 'value_guessed',
        severity: 'warning',
        path: ['participantId'],
        message: `Conversation ${conversationId} has no "${purposes[0]}" participant; the one "${purpose}" participant (${id}) was taken as the visitor. Pass participantId or participantPurpose to choose.`,
      });
    }
    return { ok: true, value: { participantId: id, purpose }, diagnostics };
  }
  const present = [...new Set(participants.map((participant) => ownString(participant, 'purpose')).filter((purpose) => purpose !== undefined))];
  return failure(
    'participant_not_found',
    `Conversation ${conversationId} has no participant with purpose ${purposes.map((purpose) => `"${purpose}"`).join(' or ')}` +
      `${present.length === 0 ? '' : ` (its participants are: ${present.join(', ')})`}. Pass participantId, or participantPurpose to look for another purpose.`,
  );
}

/** A vendor-given id, shortened: it is echoed in a message, and came from the network. */
function shortId(id: string | undefined): string {
  if (id === undefined) return '(no id)';
  return id.length > 40 ? `${id.slice(0, 40)}…` : id;
}

function failure(code: string, message: string): Result<never> {
  return { ok: false, diagnostics: [{ code, severity: 'error', path: ['participantId'], message }] };
}

/** An own array property of a JSON object; the JSON came from the network, so no prototype is consulted. */
function ownArray(value: unknown, key: string): readonly unknown[] | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, key)) return undefined;
  const entry: unknown = (value as Record<string, unknown>)[key];
  return Array.isArray(entry) ? entry : undefined;
}

function ownString(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, key)) return undefined;
  const entry: unknown = (value as Record<string, unknown>)[key];
  return typeof entry === 'string' ? entry : undefined;
}
