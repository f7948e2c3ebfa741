import type { CliWritable } from './cli-io.js';

/** What a redacted secret is shown as. */
export const redactedText = '[redacted]';

/**
 * Secrets shorter than this are not redacted: replacing every `a` of the output would make it unreadable, and a
 * value that short is no secret anyway.
 */
const shortestRedactedSecret = 6;

/** `text` with every occurrence of each secret (as written, and as JSON escapes it) replaced by `[redacted]`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  // Also as JSON writes it: a secret with a quote or backslash in it is escaped inside --json output.
  const forms = secrets.filter((secret) => secret.length >= shortestRedactedSecret).flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)]);
  // Longest first, so a secret that contains another is replaced whole.
  return [...new Set(forms)].sort((a, b) => b.length - a.length).reduce((safe, secret) => safe.split(secret).join(redactedText), text);
}

/**
 * Wraps a stream so that no write can carry one of `secrets`. The push command's own messages never contain a
 * secret; this also covers text it does not control (a vendor's error message echoing a credential, an adapter
 * bug), since each line is written in one piece.
 */
export function redactingWriter(target: CliWritable, secrets: readonly string[]): CliWritable {
  return { write: (text: string) => target.write(redactSecrets(text, secrets)) };
}
