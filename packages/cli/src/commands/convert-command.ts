import { canonicalId, loadAdapterPackage, type LoadedAdapterPackage } from '../adapter-registry.js';
import { CliUsageError } from '../cli-usage-error.js';
import { callSafely, finishWithResult, type CommandEnvironment, type CommonFlags } from '../command-environment.js';
import { fromStage, type ExitStatus, type ReportedDiagnostic } from '../diagnostic-report.js';
import { reportForeignVendorBags } from '../foreign-vendor-bags.js';
import { parseOptionAssignments } from '../option-assignments.js';
import { readVisitorContext } from '../read-visitor-context.js';
import { escapeJsonControls } from '../terminal-text.js';

/** The flags of `convert`. */
export interface ConvertFlags extends CommonFlags {
  readonly from: string;
  readonly to: string;
  readonly fromOption?: readonly string[];
  readonly toOption?: readonly string[];
  readonly compact?: boolean;
}

/**
 * `convert`: input → canonical context (core's parser, or the `--from` adapter's `fromVendor`) → output
 * (the context, or the `--to` adapter's `toVendor` payload) as JSON on stdout. Every diagnostic of both
 * steps goes to stderr, tagged with its step.
 */
export async function runConvert(environment: CommandEnvironment, file: string | undefined, flags: ConvertFlags): Promise<ExitStatus> {
  const source = await loadSide(environment, flags.from, flags.fromOption ?? [], '--from-option');
  const target = await loadSide(environment, flags.to, flags.toOption ?? [], '--to-option');
  const fromOptions = parseOptionAssignments(flags.fromOption ?? [], '--from-option');
  const toOptions = parseOptionAssignments(flags.toOption ?? [], '--to-option');
  const collected: ReportedDiagnostic[] = [];
  const context = await readVisitorContext(environment, flags, file, source, fromOptions, collected);
  if (context === undefined) return finishWithResult(environment, flags, collected, undefined);
  let output: unknown = context;
  if (target !== undefined) {
    const translated = callSafely(target.entry.id, 'toVendor', () => target.adapter.toVendor(context, toOptions));
    const toVendorDiagnostics = fromStage('toVendor', translated.diagnostics);
    collected.push(...toVendorDiagnostics, ...reportForeignVendorBags(context, target.entry.id, toVendorDiagnostics, 'toVendor'));
    if (!translated.ok) return finishWithResult(environment, flags, collected, undefined);
    output = translated.value;
  }
  return finishWithResult(environment, flags, collected, escapeJsonControls(JSON.stringify(output, null, flags.compact === true ? undefined : 2)));
}

/** Loads the adapter for one side, or undefined for `canonical` (which takes no options). */
async function loadSide(
  environment: CommandEnvironment,
  id: string,
  assignments: readonly string[],
  flag: string,
): Promise<LoadedAdapterPackage | undefined> {
  if (id === canonicalId) {
    if (assignments.length > 0) throw new CliUsageError('invalid_option', `${flag} has no effect with "${canonicalId}": it takes no options.`);
    return undefined;
  }
  return loadAdapterPackage(id, environment.importer);
}
