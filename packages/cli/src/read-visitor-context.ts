import { parseJson, parseVisitorContext, type Result, type VisitorContext } from '@visitor-context/core';
import type { LoadedAdapterPackage } from './adapter-registry.js';
import { callSafely, type CommandEnvironment, type CommonFlags } from './command-environment.js';
import { fromStage, type ReportedDiagnostic } from './diagnostic-report.js';
import { readInput } from './read-input.js';

/**
 * Reads the input and turns it into a validated canonical context: with core's parser when `source` is
 * undefined (the input is a canonical context), else with the adapter's `fromVendor` on the raw text (the
 * adapter parses it safely, with its own limits). Every diagnostic is appended to `collected`.
 */
export async function readVisitorContext(
  environment: CommandEnvironment,
  flags: CommonFlags,
  file: string | undefined,
  source: LoadedAdapterPackage | undefined,
  fromOptions: Record<string, unknown>,
  collected: ReportedDiagnostic[],
): Promise<VisitorContext | undefined> {
  const input = await readInput({ file, cwd: environment.io.cwd, stdin: environment.io.stdin, stderr: environment.io.stderr, maxBytes: flags.maxInputBytes });
  collected.push(...fromStage('read', input.diagnostics));
  if (!input.ok) return undefined;
  if (source === undefined) {
    const parsed = parseCanonical(input.value);
    collected.push(...fromStage('parse', parsed.diagnostics));
    return parsed.ok ? parsed.value : undefined;
  }
  const translated = callSafely(source.entry.id, 'fromVendor', () => source.adapter.fromVendor(input.value, fromOptions));
  collected.push(...fromStage('fromVendor', translated.diagnostics));
  return translated.ok ? translated.value : undefined;
}

function parseCanonical(text: string): Result<VisitorContext> {
  const json = parseJson(text);
  return json.ok ? parseVisitorContext(json.value) : json;
}
