/*
 * Genesys Cloud conversation and participant ids are UUIDs (`GET /api/v2/conversations/{conversationId}`
 * returns them as such). They go into URL paths, so anything else is refused before a request is built:
 * an id such as `../../users` must never reach another endpoint.
 */
import type { Diagnostic } from '@visitor-context/core';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value is a UUID, the form of every Genesys conversation and participant id. */
export function isGenesysId(value: unknown): value is string {
  return typeof value === 'string' && uuidPattern.test(value);
}

/** What a refused id was, without echoing more than a short, printable part of it. */
function describeId(value: unknown): string {
  if (typeof value !== 'string') return value === undefined ? 'nothing' : `a ${value === null ? 'null' : typeof value}`;
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return `the string ${JSON.stringify(shown)}`;
}

/** An `invalid_option` error for an id that is not a UUID. */
export function invalidIdDiagnostic(name: 'conversationId' | 'participantId', value: unknown): Diagnostic {
  return {
    code: 'invalid_option',
    severity: 'error',
    path: [name],
    message: `${name} must be a Genesys Cloud ${name === 'conversationId' ? 'conversation' : 'participant'} id, a UUID such as "c5b2a3f0-8c7e-4a57-9f4e-2d7c1e6b9a10"; got ${describeId(value)}.`,
  };
}

/** An id as a URL path segment. Ids are checked UUIDs already; encoding is the second line, not the first. */
export function idSegment(id: string): string {
  return encodeURIComponent(id);
}
