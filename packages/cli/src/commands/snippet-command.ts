import { resolve } from 'node:path';
import { Diagnostics, type Result, type VisitorContext } from '@visitor-context/core';
import { loadAdapterModule, loadAdapterPackage } from '../adapter-registry.js';
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
  readonly signed?: boolean;
  readonly signingKeyEnv?: string;
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
  const signer = await loadSigner(environment, vendor.entry.id, flags, options);
  const collected: ReportedDiagnostic[] = [];
  const context = await readVisitorContext(environment, flags, file, undefined, {}, collected);
  if (context === undefined) return finishWithResult(environment, flags, collected, undefined);
  const rendered =
    signer === undefined
      ? callSafely(vendor.entry.id, vendor.entry.snippetExport, () => vendor.renderSnippet(context, options))
      : await signer(context, options);
  const snippetDiagnostics = fromStage('snippet', rendered.diagnostics.map(withOptionHint));
  collected.push(...snippetDiagnostics, ...reportForeignVendorBags(context, vendor.entry.id, snippetDiagnostics, 'snippet'));
  return finishWithResult(environment, flags, collected, rendered.ok ? rendered.value : undefined);
}

type SignedSnippetRenderer = (context: VisitorContext, options: Readonly<Record<string, unknown>>) => Promise<Result<string>>;

/** The default environment variable of `--signed`. */
export const defaultSigningKeyVariable = 'GIOSG_SIGNING_KEY';

/**
 * For `--signed`: giosg's `renderSignedGiosgSnippet` from `@visitor-context/giosg/server`, with the key read from
 * the environment. A key in the options is refused: a flag value lands in shell history and process listings.
 */
async function loadSigner(
  environment: CommandEnvironment,
  vendor: string,
  flags: SnippetFlags,
  options: Readonly<Record<string, unknown>>,
): Promise<SignedSnippetRenderer | undefined> {
  const variable = flags.signingKeyEnv ?? defaultSigningKeyVariable;
  if (Object.hasOwn(options, 'key')) {
    throw new CliUsageError('invalid_option', `Never pass the signing key as an option (it lands in shell history); set ${variable} in the environment instead.`);
  }
  if (flags.signed !== true) {
    if (flags.signingKeyEnv !== undefined) throw new CliUsageError('usage_error', '--signing-key-env needs --signed.');
    return undefined;
  }
  if (vendor !== 'giosg') throw new CliUsageError('usage_error', `--signed is for giosg only; ${vendor} snippets are not signed.`);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) {
    throw new CliUsageError('usage_error', `--signing-key-env takes the name of an environment variable (like ${defaultSigningKeyVariable}), not the key itself.`);
  }
  const key = Object.hasOwn(environment.io.env, variable) ? environment.io.env[variable] : undefined;
  if (key === undefined || key === '') {
    throw new CliUsageError('missing_signing_key', `--signed reads the giosg API signing key from the environment variable ${variable}, which is not set.`);
  }
  const server = await loadAdapterModule('giosg', '@visitor-context/giosg/server', environment.importer);
  const render = server['renderSignedGiosgSnippet'];
  if (typeof render !== 'function') {
    throw new CliUsageError('adapter_not_loadable', '@visitor-context/giosg/server does not export renderSignedGiosgSnippet; install a version that matches this CLI.');
  }
  return async (context, snippetOptions) => {
    try {
      return await (render as SignedSnippetRenderer)(context, { ...snippetOptions, key });
    } catch (error) {
      const diagnostics = new Diagnostics();
      const reason = error instanceof Error ? error.message : String(error);
      diagnostics.error('adapter_failed', [], `The giosg adapter threw in renderSignedGiosgSnippet: ${reason}. Please report this as a bug.`);
      return diagnostics.toFailure();
    }
  };
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
