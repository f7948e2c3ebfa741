import { loadAdapterPackage } from '../adapter-registry.js';
import type { CommandEnvironment, CommonFlags } from '../command-environment.js';
import { applyStrict, countText, exitStatusOf, formatHuman, formatJsonReport, type ExitStatus, type ReportedDiagnostic } from '../diagnostic-report.js';
import { parseOptionAssignments } from '../option-assignments.js';
import { readVisitorContext } from '../read-visitor-context.js';

/** The flags of `validate`. */
export interface ValidateFlags extends CommonFlags {
  readonly vendor?: string;
  readonly option?: readonly string[];
}

/**
 * `validate`: reads a canonical context (or, with `--vendor`, that vendor's payload) and lists every
 * diagnostic with its path and code on stdout, then a summary line; `--json` prints the report document instead.
 */
export async function runValidate(environment: CommandEnvironment, file: string | undefined, flags: ValidateFlags): Promise<ExitStatus> {
  const source = flags.vendor === undefined ? undefined : await loadAdapterPackage(flags.vendor, environment.importer);
  const options = parseOptionAssignments(flags.option ?? [], '--option');
  const collected: ReportedDiagnostic[] = [];
  await readVisitorContext(environment, flags, file, source, options, collected);
  const items = applyStrict(collected, flags.strict === true);
  const status = exitStatusOf(items);
  if (flags.json === true) {
    environment.io.stdout.write(formatJsonReport(items, status));
  } else {
    const what = source === undefined ? 'canonical visitor context' : `${source.entry.id} payload`;
    environment.io.stdout.write(`${formatHuman(items)}${status === 0 ? 'valid' : 'invalid'} ${what}: ${countText(items)}\n`);
  }
  return status;
}
