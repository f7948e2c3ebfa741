import { resolve } from 'node:path';
import { loadAdapterPackage } from '../adapter-registry.js';
import { callSafely, finishWithResult, type CommandEnvironment, type CommonFlags } from '../command-environment.js';
import { fromStage, type ExitStatus, type ReportedDiagnostic } from '../diagnostic-report.js';
import { parseOptionAssignments, parseOptionsDocument } from '../option-assignments.js';
import { reportForeignVendorBags } from '../foreign-vendor-bags.js';
import { readInput } from '../read-input.js';
import { readVisitorContext } from '../read-visitor-context.js';
import { CliUsageError } from '../cli-usage-error.js';

/** The flags of `snippet`. */
export interface SnippetFlags extends CommonFlags {
  readonly vendor: string;
  readonly option?: readonly string[];
  readonly optionsFile?: string;
}

/**
 * `snippet`: reads a canonical context and prints the vendor's HTML embed for it, rendered by the adapter's
 * own snippet function (which validates the options and encodes every value).
 */
export async function runSnippet(environment: CommandEnvironment, file: string | undefined, flags: SnippetFlags): Promise<ExitStatus> {
  const vendor = await loadAdapterPackage(flags.vendor, environment.importer);
  const base = flags.optionsFile === undefined ? {} : await readOptionsFile(environment, flags.optionsFile, flags.maxInputBytes);
  const options = parseOptionAssignments(flags.option ?? [], '--option', base);
  if (file === '-' && flags.optionsFile === '-') {
    throw new CliUsageError('usage_error', 'Standard input cannot hold both the context and the options file.');
  }
  const collected: ReportedDiagnostic[] = [];
  const context = await readVisitorContext(environment, flags, file, undefined, {}, collected);
  if (context === undefined) return finishWithResult(environment, flags, collected, undefined);
  const rendered = callSafely(vendor.entry.id, vendor.entry.snippetExport, () => vendor.renderSnippet(context, options));
  const snippetDiagnostics = fromStage('snippet', rendered.diagnostics.map(withOptionHint));
  collected.push(...snippetDiagnostics, ...reportForeignVendorBags(context, vendor.entry.id, snippetDiagnostics, 'snippet'));
  return finishWithResult(environment, flags, collected, rendered.ok ? rendered.value : undefined);
}

async function readOptionsFile(environment: CommandEnvironment, file: string, maxBytes: number): Promise<Record<string, unknown>> {
  const input = await readInput({ file, cwd: environment.io.cwd, stdin: environment.io.stdin, stderr: environment.io.stderr, maxBytes });
  const name = file === '-' ? 'The options on standard input' : `The options file ${resolve(environment.io.cwd, file)}`;
  if (!input.ok) throw new CliUsageError('invalid_option', `${name} cannot be used: ${input.diagnostics.map((item) => item.message).join(' ')}`);
  return parseOptionsDocument(input.value, name);
}

/** Option errors come from the adapter's schema; remind the user how to pass a non-text value. */
function withOptionHint<T extends { readonly code: string; readonly message: string }>(item: T): T {
  if (item.code !== 'invalid_option') return item;
  return { ...item, message: `${item.message} (Pass numbers, booleans and objects as --option name:=json.)` };
}
