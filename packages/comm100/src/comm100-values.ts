/*
 * Comm100's value encodings: Microsoft JSON dates, numeric visitor statuses and the chat transcript (lines
 * separated by `⊙`, or by line breaks in older generations).
 */

/** The Microsoft JSON date form, `/Date(1580361387156)/`, optionally with a `+hhmm` offset after the ms. */
const microsoftDate = /^\/Date\((-?\d{1,15})(?:[+-]\d{4})?\)\/$/;

/** Text that claims to be a Microsoft JSON date, readable or not. */
const microsoftDateLike = /^\s*\/Date\(/i;

/**
 * Converts a Comm100 `/Date(ms)/` string to ISO 8601 (UTC); `undefined` when the text is not that form.
 * The milliseconds are already UTC, so an offset suffix only tells the sender's zone and is ignored.
 * Surrounding white space is allowed. Never throws (anything but a string gives `undefined`).
 * @public
 */
export function parseComm100Date(text: string): string | undefined {
  if (typeof text !== 'string') return undefined;
  const match = microsoftDate.exec(text.trim());
  if (match === null) return undefined;
  const date = new Date(Number(match[1]));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * Whether the text starts like a Microsoft JSON date (`/Date(`), so that one {@link parseComm100Date} cannot
 * read is worth a warning rather than being taken for ordinary text.
 */
export function looksLikeComm100Date(text: string): boolean {
  return microsoftDateLike.test(text);
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

/** The separator of older-generation transcripts: a line break. */
const lineBreak = /\r\n|\r|\n/;

/**
 * Splits a `chat_transcript` string into its lines: at `⊙` when the transcript has one (current
 * generation; a message may then hold line breaks of its own), else at line breaks (`\n`, `\r\n` or `\r`,
 * as older generations send it). A trailing separator does not make an empty last line. Never throws (anything
 * but a string gives no lines).
 * @public
 */
export function splitComm100Transcript(transcript: string): string[] {
  if (typeof transcript !== 'string' || transcript === '') return [];
  const lines = transcript.split(transcript.includes(transcriptSeparator) ? transcriptSeparator : lineBreak);
  if (lines.length > 1 && lines[lines.length - 1]?.trim() === '') lines.pop();
  return lines;
}
