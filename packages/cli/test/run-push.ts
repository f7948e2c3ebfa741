import type { HttpStandIn, RecordedRequest } from '@visitor-context/testkit/http-stand-in';
import { parseReport, runBinary, type ProcessOutcome } from './run-binary.js';
import { runInProcess } from './run-in-process.js';

/** How a push test runs the command. */
export interface PushRun {
  /** Standard input's content. */
  readonly stdin?: string;
  /** Variables on top of the vendor's credentials (to replace one, or add a base URL). */
  readonly env?: Record<string, string>;
  /**
   * Run `runCli` in this process instead of the built binary: the same command, without a process start. The
   * main path of each vendor runs the binary; the many failure modes run in process to keep the suite fast.
   */
  readonly inProcess?: boolean;
}

/** What a push run printed and what the stand-in received during it. */
export interface PushOutcome extends ProcessOutcome {
  readonly sent: RecordedRequest[];
}

/**
 * Runs `visitor-context push <vendor> …args` against a stand-in with exactly the given environment, and checks
 * that none of `secrets` appears in what it printed, whatever happened.
 */
export async function runPush(
  vendor: 'genesys' | 'giosg',
  args: readonly string[],
  setup: { readonly standIn: HttpStandIn; readonly env: Record<string, string>; readonly secrets: () => readonly string[] },
  run: PushRun = {},
): Promise<PushOutcome> {
  const from = setup.standIn.requests.length;
  const env = { ...setup.env, ...run.env };
  const argv = ['push', vendor, ...args];
  const command = run.inProcess === true ? runInProcess : runBinary;
  const outcome = await command(argv, { env, ...(run.stdin === undefined ? {} : { stdin: run.stdin }) });
  const printed = outcome.stdout + outcome.stderr;
  for (const secret of setup.secrets()) {
    if (printed.includes(secret)) throw new Error(`push ${vendor} printed a secret (${secret.slice(0, 4)}…):\n${printed}`);
  }
  return { ...outcome, sent: setup.standIn.requests.slice(from) };
}

/** The errors of a `--json` report (the translation's warnings come before them). */
export function errorsOf(stderr: string): ReturnType<typeof parseReport>['diagnostics'] {
  return parseReport(stderr).diagnostics.filter((item) => item.severity === 'error');
}
