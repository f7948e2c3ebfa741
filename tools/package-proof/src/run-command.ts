import { execFile } from 'node:child_process';

/** Where and how to run a command. */
export interface RunOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Kill the command after this many ms. Default 90,000. */
  readonly timeoutMs?: number;
}

/** What a finished command printed. */
export interface RunOutput {
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a command without a shell and resolves with its output; rejects with an error that carries the
 * command line, exit code, stdout and stderr, so a failing proof says exactly what went wrong.
 */
export function runCommand(file: string, args: readonly string[], options: RunOptions): Promise<RunOutput> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { cwd: options.cwd, env: options.env ?? process.env, timeout: options.timeoutMs ?? 90_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve({ stdout, stderr });
          return;
        }
        const exit = error.killed ? `killed (${error.signal ?? 'timeout'})` : `exit ${String(error.code)}`;
        reject(new Error(`\`${[file, ...args].join(' ')}\` in ${options.cwd} failed: ${exit}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`));
      },
    );
  });
}
