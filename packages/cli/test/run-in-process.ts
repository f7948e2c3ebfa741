import { Readable } from 'node:stream';
import { runCli } from '../src/index.js';
import { capture } from './in-process-streams.js';
import { binaryWorkingDirectory, type ProcessOutcome, type RunBinaryOptions } from './run-binary.js';

/**
 * Runs the same command as {@link runBinary} with the same inputs, but through `runCli` in this process, and
 * returns the same outcome: the exit status `runCli` resolves with (what `bin.js` sets as the process's exit
 * code) and everything written to stdout and stderr.
 *
 * @remarks
 * A process start costs Node's boot plus loading every adapter and zod, about as much as the command itself, so
 * most command tests run here; the `(built binary)` tests keep what only a real process shows: the bin wiring,
 * exit codes, pipes, and that a real process prints no secret. As with the binary, the working directory is the
 * test folder and the environment is the test runner's unless given.
 */
export async function runInProcess(args: readonly string[], options: RunBinaryOptions = {}): Promise<ProcessOutcome> {
  if (options.binary !== undefined) throw new Error('runInProcess runs this package\'s source: use runBinary for another copy of the binary');
  const stdout = capture();
  const stderr = capture();
  const input = options.stdin ?? '';
  const status = await runCli(args, {
    // One chunk of bytes, as a pipe delivers them (not decoded first, so invalid UTF-8 stays invalid).
    stdin: Readable.from([typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input)]),
    stdout,
    stderr,
    cwd: options.cwd ?? binaryWorkingDirectory,
    env: options.env === undefined ? { ...process.env } : { ...options.env },
  });
  return { status, stdout: stdout.text, stderr: stderr.text };
}
