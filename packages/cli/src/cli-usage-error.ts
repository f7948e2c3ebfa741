/**
 * A problem with how the command was called (unknown vendor, missing adapter, bad option, unreadable file):
 * reported with its stable code and exit status 2, never with a stack trace.
 */
export class CliUsageError extends Error {
  /** Stable, machine-readable code, shown in `--json` output. */
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'CliUsageError';
    this.code = code;
  }
}
