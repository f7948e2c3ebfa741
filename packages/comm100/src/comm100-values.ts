/*
 * Comm100's value encodings: Microsoft JSON dates, numeric visitor statuses and the `⊙`-separated chat
 * transcript.
 */

/** The Microsoft JSON date form, `/Date(1580361387156)/`, optionally with a `+hhmm` offset after the ms. */
const microsoftDate = /^\/Date\((-?\d{1,15})(?:[+-]\d{4})?\)\/$/;

/**
 * Converts a Comm100 `/Date(ms)/` string to ISO 8601 (UTC); `undefined` when the text is not that form.
 * The milliseconds are already UTC, so an offset suffix only tells the sender's zone and is ignored.
 * @public
 */
export function parseComm100Date(text: string): string | undefined {
  const match = microsoftDate.exec(text);
  if (match === null) return undefined;
  const date = new Date(Number(match[1]));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * The visitor status codes, by code. Comm100's KB refers to this table but it could not be verified
 * against a current source; examples show 2 for started or wrapped-up chats, 9 for ended ones and 10 for
 * offline messages.
 * @public
 */
export const comm100VisitorStatuses = [
  'waiting_for_chat',
  'voice_chatting',
  'chatting',
  'pre_chat',
  'manually_invited',
  'auto_invited',
  'offline_message',
  'refused_by_agent',
  'refused_by_visitor',
  'chat_ended',
  'in_site',
  'out_of_site',
] as const;

/** A named visitor status. @public */
export type Comm100VisitorStatus = (typeof comm100VisitorStatuses)[number];

/**
 * Names a visitor status code (0–11); `undefined` for a code outside the table.
 * @public
 */
export function comm100VisitorStatusName(code: number): Comm100VisitorStatus | undefined {
  return Number.isInteger(code) ? comm100VisitorStatuses[code] : undefined;
}

/** The separator Comm100 puts between transcript lines. */
const transcriptSeparator = '⊙';

/**
 * Splits a `chat_transcript` string into its lines. A trailing separator does not make an empty last line.
 * @public
 */
export function splitComm100Transcript(transcript: string): string[] {
  if (transcript === '') return [];
  const lines = transcript.split(transcriptSeparator);
  if (lines.length > 1 && lines[lines.length - 1]?.trim() === '') lines.pop();
  return lines;
}
