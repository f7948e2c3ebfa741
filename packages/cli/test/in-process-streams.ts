import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

/** A writable that keeps everything written to it, for asserting on a command's output. */
export interface CapturedText {
  write(text: string): boolean;
  /** Everything written so far. */
  readonly text: string;
}

/** Captures what a command writes to one stream. */
export function capture(): CapturedText {
  let text = '';
  return {
    write(chunk: string) {
      text += chunk;
      return true;
    },
    get text() {
      return text;
    },
  };
}

/** What {@link streams} sets up; everything else has a fixed test value. */
export interface StreamsOptions {
  /** Standard input's whole content (one chunk). Default: empty. */
  readonly stdin?: string;
  /** The command's environment variables. Default: none, so nothing of the test runner's environment leaks in. */
  readonly env?: Readonly<Record<string, string>>;
  /** The working directory. Default: the fixtures folder. */
  readonly cwd?: string;
}

/**
 * The `io` for an in-process `runCli` call: captured stdout and stderr, the fixtures folder (unless told
 * otherwise) as the working directory, and only the given environment variables.
 */
export function streams(options: StreamsOptions = {}) {
  return {
    stdin: Readable.from([Buffer.from(options.stdin ?? '')]),
    stdout: capture(),
    stderr: capture(),
    cwd: options.cwd ?? fileURLToPath(new URL('fixtures/', import.meta.url)),
    env: { ...options.env },
  };
}
