import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built command, as npm links it: run `pnpm build` first (turbo's test task depends on build). */
export const binaryPath = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

/** What a finished process left behind. */
export interface ProcessOutcome {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runBinary}. */
export interface RunBinaryOptions {
  /** Bytes or text written to the process's stdin, which is then closed. Default: stdin is closed at once. */
  readonly stdin?: string | Uint8Array;
  readonly cwd?: string;
  /** Another copy of the binary, e.g. one installed in a temporary directory. */
  readonly binary?: string;
  /** The process's whole environment. Default: the test runner's. */
  readonly env?: Readonly<Record<string, string>>;
}

/** Runs the built `visitor-context` binary as a real process with `node`. */
export function runBinary(args: readonly string[], options: RunBinaryOptions = {}): Promise<ProcessOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [options.binary ?? binaryPath, ...args], {
      cwd: options.cwd ?? binaryWorkingDirectory,
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(options.env === undefined ? {} : { env: { ...options.env } }),
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    // The command may stop reading early (input too large): that is expected, not a test failure.
    child.stdin.on('error', () => undefined);
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({ status, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }),
    );
    child.stdin.end(options.stdin ?? '');
  });
}

/** Parses the single `--json` document a command printed. */
export function parseReport(text: string): {
  ok: boolean;
  exitStatus: number;
  diagnostics: { severity: string; code: string; path: (string | number)[]; pathText: string; stage: string; message: string }[];
} {
  const lines = text.trim().split('\n');
  if (lines.length !== 1) throw new Error(`Expected one JSON line, got ${lines.length}: ${text}`);
  return JSON.parse(lines[0] as string);
}

/** Where {@link runBinary} runs by default: this folder, so fixture paths are `fixtures/…`. */
export const binaryWorkingDirectory = fileURLToPath(new URL('.', import.meta.url));
