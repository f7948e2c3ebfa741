import { Diagnostics, type Result, type VisitorContext } from '@visitor-context/core';
import { loadAdapterModule } from '../adapter-registry.js';
import { CliUsageError } from '../cli-usage-error.js';
import { finishWithResult, type CommandEnvironment, type CommonFlags } from '../command-environment.js';
import { fromStage, type ExitStatus, type ReportedDiagnostic } from '../diagnostic-report.js';
import { reportForeignVendorBags } from '../foreign-vendor-bags.js';
import { findPushVendor, type PushVendorEntry } from '../push-vendors.js';
import { readVisitorContext } from '../read-visitor-context.js';
import { redactingWriter, redactSecrets } from '../redacting-writer.js';
import { escapeJsonControls } from '../terminal-text.js';

/** The flags of `push <vendor>`: the common ones, the vendor's target ids and base URLs (by their commander keys). */
export interface PushFlags extends CommonFlags {
  /** The context file (`-` for standard input), as an alternative to the positional argument. */
  readonly input?: string;
  readonly compact?: boolean;
  readonly timeoutMs?: number;
  readonly retries?: number;
  readonly [flagKey: string]: unknown;
}

type ServerClientFactory = (options: Readonly<Record<string, unknown>>) => unknown;
type PushFunction = (
  client: unknown,
  target: Readonly<Record<string, string>>,
  context: VisitorContext,
  options?: { readonly strict: boolean },
) => Promise<Result<unknown>>;

/**
 * `push <vendor>`: reads a canonical context (file or standard input) and writes it to the vendor's REST API with
 * the adapter's `./server` client. Credentials come only from environment variables; no line the command prints
 * can carry one of them. The vendor's receipt goes to stdout, every diagnostic (translation and HTTP) to stderr.
 */
export async function runPush(environment: CommandEnvironment, vendorId: string, file: string | undefined, flags: PushFlags): Promise<ExitStatus> {
  const vendor = findPushVendor(vendorId);
  if (vendor === undefined) throw new CliUsageError('unknown_vendor', `push does not support "${vendorId}".`);
  const input = chooseInput(file, flags.input);
  const baseUrls = readBaseUrls(environment, vendor, flags);
  const credentials = readCredentials(environment, vendor, Object.keys(baseUrls).length === vendor.baseUrls.length);
  const target = readTarget(vendor, flags);
  const { createClient, push } = await loadServerEntry(environment, vendor);

  const secrets = vendor.credentials.filter((credential) => credential.secret).map((credential) => String(credentials[credential.option]));
  const io = { ...environment.io, stdout: redactingWriter(environment.io.stdout, secrets), stderr: redactingWriter(environment.io.stderr, secrets) };
  const safeEnvironment: CommandEnvironment = { ...environment, io };

  const collected: ReportedDiagnostic[] = [];
  const context = await readVisitorContext(safeEnvironment, flags, input, undefined, {}, collected);
  if (context === undefined) return finishWithResult(safeEnvironment, flags, collected, undefined);

  const httpOptions = {
    ...(flags.timeoutMs === undefined ? {} : { timeoutMs: flags.timeoutMs }),
    ...(flags.retries === undefined ? {} : { retries: flags.retries }),
  };
  let client: unknown;
  try {
    client = createClient({ ...credentials, ...baseUrls, ...httpOptions });
  } catch (error) {
    // Option errors at construction (core's VisitorContextError), e.g. an unknown region: the command line is wrong.
    throw new CliUsageError('invalid_option', redactSecrets(`The ${vendor.label} client refused its settings: ${messageOf(error)}`, secrets));
  }
  // Under --strict the adapter stops before sending when the translation would lose or change anything.
  const pushed = await pushSafely(vendor, () => (flags.strict === true ? push(client, target, context, { strict: true }) : push(client, target, context)));
  const pushDiagnostics = fromStage('push', pushed.diagnostics);
  collected.push(...pushDiagnostics, ...reportForeignVendorBags(context, vendor.id, pushDiagnostics, 'push'));
  const receipt = pushed.ok ? escapeJsonControls(JSON.stringify(pushed.value, null, flags.compact === true ? undefined : 2)) : undefined;
  return finishWithResult(safeEnvironment, flags, collected, receipt);
}

/** The positional file or `--input`, not both. */
function chooseInput(file: string | undefined, input: string | undefined): string | undefined {
  if (file !== undefined && input !== undefined && file !== input) {
    throw new CliUsageError('usage_error', `Give the context either as a file argument or with --input, not both (got "${file}" and "${input}").`);
  }
  return input ?? file;
}

/** Every credential from its environment variable; all the missing ones are named in one error. */
function readCredentials(environment: CommandEnvironment, vendor: PushVendorEntry, allBaseUrls: boolean): Record<string, string> {
  const values: Record<string, string> = {};
  const missing: string[] = [];
  for (const credential of vendor.credentials) {
    const value = readVariable(environment, credential.variable);
    if (value === undefined && !(allBaseUrls && credential.optionalWithAllBaseUrls === true)) missing.push(`${credential.variable} (${credential.description})`);
    else if (value !== undefined) values[credential.option] = value;
  }
  if (missing.length > 0) {
    throw new CliUsageError(
      'missing_credentials',
      `push ${vendor.id} reads its credentials from environment variables only, and ${missing.length === 1 ? 'this one is' : 'these are'} not set: ${missing.join(', ')}.`,
    );
  }
  return values;
}

/** The base-URL overrides, from the flag or else the environment; plain http only to this machine. */
function readBaseUrls(environment: CommandEnvironment, vendor: PushVendorEntry, flags: PushFlags): Record<string, string> {
  const values: Record<string, string> = {};
  for (const baseUrl of vendor.baseUrls) {
    const flagValue = flags[baseUrl.flagKey];
    const value = typeof flagValue === 'string' ? flagValue : readVariable(environment, baseUrl.variable);
    if (value === undefined) continue;
    const source = typeof flagValue === 'string' ? baseUrl.flag : baseUrl.variable;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new CliUsageError('invalid_option', `${source} must be an absolute URL such as https://api.example.com, got "${value}".`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new CliUsageError('invalid_option', `${source} must be an http(s) URL, got "${value}".`);
    }
    if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
      // The credentials travel to this URL: plain http is allowed only to a stand-in on this machine.
      throw new CliUsageError('invalid_option', `${source} must use https (credentials are sent to it); plain http is only allowed to localhost, got "${value}".`);
    }
    values[baseUrl.option] = value;
  }
  return values;
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** The target ids from their flags; an empty id is refused rather than sent. */
function readTarget(vendor: PushVendorEntry, flags: PushFlags): Record<string, string> {
  const target: Record<string, string> = {};
  for (const id of vendor.targetIds) {
    const value = flags[id.key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.trim() === '') throw new CliUsageError('usage_error', `${id.flag} needs a value: ${id.description}.`);
    target[id.key] = value.trim();
  }
  return target;
}

/** A variable's value, or undefined when it is unset or blank. */
function readVariable(environment: CommandEnvironment, name: string): string | undefined {
  const value = Object.hasOwn(environment.io.env, name) ? environment.io.env[name] : undefined;
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

async function loadServerEntry(environment: CommandEnvironment, vendor: PushVendorEntry): Promise<{ createClient: ServerClientFactory; push: PushFunction }> {
  const server = await loadAdapterModule(vendor.id, vendor.serverModule, environment.importer);
  const createClient = server[vendor.createClientExport];
  const push = server[vendor.pushExport];
  if (typeof createClient !== 'function' || typeof push !== 'function') {
    throw new CliUsageError(
      'adapter_not_loadable',
      `${vendor.serverModule} does not export ${vendor.createClientExport} and ${vendor.pushExport}; install a version that matches this CLI.`,
    );
  }
  return { createClient: createClient as ServerClientFactory, push: push as PushFunction };
}

/** The push function is documented never to throw (nor reject); if it does anyway, that is a bug, reported as such. */
async function pushSafely(vendor: PushVendorEntry, run: () => Promise<Result<unknown>>): Promise<Result<unknown>> {
  try {
    return await run();
  } catch (error) {
    const diagnostics = new Diagnostics();
    diagnostics.error('adapter_failed', [], `The ${vendor.id} adapter threw in ${vendor.pushExport}: ${messageOf(error)}. Please report this as a bug.`);
    return diagnostics.toFailure();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
