import type { ModuleImporter } from './adapter-registry.js';
import type { CliIo } from './cli-io.js';
import { applyStrict, exitStatusOf, formatHuman, formatJsonReport, type ExitStatus, type ReportedDiagnostic } from './diagnostic-report.js';
import { Diagnostics, type Result } from '@visitor-context/core';

/** What every command action receives. */
export interface CommandEnvironment {
  readonly io: CliIo;
  readonly importer: ModuleImporter | undefined;
}

/** The flags every data command accepts. */
export interface CommonFlags {
  readonly strict?: boolean;
  readonly json?: boolean;
  readonly maxInputBytes: number;
}

/**
 * Ends a command that produces a result (a payload, HTML, code): the result goes to stdout only when the
 * command succeeded; the diagnostics always go to stderr, as text or as the `--json` document.
 */
export function finishWithResult(
  environment: CommandEnvironment,
  flags: CommonFlags,
  collected: readonly ReportedDiagnostic[],
  result: string | undefined,
): ExitStatus {
  const items = applyStrict(collected, flags.strict === true);
  const status = exitStatusOf(items);
  if (status === 0 && result !== undefined) environment.io.stdout.write(result.endsWith('\n') ? result : `${result}\n`);
  if (flags.json === true) environment.io.stderr.write(formatJsonReport(items, status));
  else environment.io.stderr.write(formatHuman(items));
  return status;
}

/**
 * Calls an adapter function that is documented never to throw; should it throw anyway (a bug in the adapter
 * or a version mismatch), the failure is reported as `adapter_failed` instead of crashing the command.
 */
export function callSafely<T>(vendor: string, operation: string, run: () => Result<T>): Result<T> {
  try {
    return run();
  } catch (error) {
    const diagnostics = new Diagnostics();
    const reason = error instanceof Error ? error.message : String(error);
    diagnostics.error('adapter_failed', [], `The ${vendor} adapter threw in ${operation}: ${reason}. Please report this as a bug.`);
    return diagnostics.toFailure();
  }
}
