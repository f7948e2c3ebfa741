/**
 * The `visitor-context` command, as a function: run it in-process with your own streams, e.g. from a build
 * script or a test. The installed binary calls the same function with the process's streams.
 *
 * @packageDocumentation
 */
import { runCommandLine } from './run-cli.js';
import type { CliIo } from './cli-io.js';

export type { CliIo, CliWritable } from './cli-io.js';

/**
 * The exit status of {@link runCli}: `0` success, `1` invalid input (or warnings under `--strict`), `2` a
 * usage error (unknown command, option or vendor, an adapter that is not installed, an unreadable file).
 * @public
 */
export type CliExitStatus = 0 | 1 | 2;

/**
 * Runs the `visitor-context` command with `argv` (the arguments after the command name, e.g.
 * `['convert', '--from', 'comm100', '--to', 'genesys', 'webhook.json']`) and resolves with its exit status.
 *
 * @remarks
 * Results are written to `io.stdout`, diagnostics to `io.stderr` (see the README for the formats). It never
 * calls `process.exit` and never throws on bad input or bad arguments: those end in status 1 or 2.
 * @param argv - The command-line arguments, without `node` and the script name.
 * @param io - The streams and working directory; each defaults to the current process's.
 * @public
 */
export function runCli(argv: readonly string[], io: Partial<CliIo> = {}): Promise<CliExitStatus> {
  return runCommandLine(
    argv,
    {
      stdin: io.stdin ?? process.stdin,
      stdout: io.stdout ?? process.stdout,
      stderr: io.stderr ?? process.stderr,
      cwd: io.cwd ?? process.cwd(),
      env: io.env ?? process.env,
    },
    undefined,
  );
}
