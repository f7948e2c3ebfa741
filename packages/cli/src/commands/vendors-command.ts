import { createRequire } from 'node:module';
import { adapterPackages, probeAdapterPackages } from '../adapter-registry.js';
import type { CommandEnvironment } from '../command-environment.js';
import type { ExitStatus } from '../diagnostic-report.js';
import { escapeJsonControls, escapeTerminalText } from '../terminal-text.js';

/** The flags of `vendors`. */
export interface VendorsFlags {
  readonly json?: boolean;
}

/** `vendors`: which adapters this CLI knows, which are installed (with version), and how to install the others. */
export async function runVendors(environment: CommandEnvironment, flags: VendorsFlags): Promise<ExitStatus> {
  const probed = await probeAdapterPackages(environment.importer);
  const rows = probed.map(({ entry, loaded, problem }) => ({
    vendor: entry.id,
    package: entry.packageName,
    installed: loaded !== undefined,
    version: loaded === undefined ? null : readVersion(entry.packageName),
    snippetOptions: loaded?.snippetOptionNames ?? [],
    problem: problem === undefined ? null : { code: problem.code, message: problem.message },
  }));
  if (flags.json === true) {
    environment.io.stdout.write(`${escapeJsonControls(JSON.stringify({ vendors: rows }))}\n`);
    return 0;
  }
  const lines = rows.map((row) => {
    if (!row.installed) return `${row.vendor.padEnd(13)} not installed: ${row.problem?.message ?? ''}`;
    const options = row.snippetOptions.length === 0 ? '' : `; snippet options: ${row.snippetOptions.join(', ')}`;
    return `${row.vendor.padEnd(13)} ${row.package}@${row.version ?? '?'}${options}`;
  });
  const examples = adapterPackages
    .filter((entry) => rows.some((row) => row.vendor === entry.id && row.installed))
    .map((entry) => `  visitor-context snippet --vendor ${entry.id} ${entry.snippetExample} context.json`);
  environment.io.stdout.write(`${lines.map(escapeTerminalText).join('\n')}\n${examples.length > 0 ? `\nSnippet examples:\n${examples.join('\n')}\n` : ''}`);
  return 0;
}

function readVersion(packageName: string): string | null {
  try {
    const manifest: unknown = createRequire(import.meta.url)(`${packageName}/package.json`);
    const version = (manifest as { version?: unknown }).version;
    return typeof version === 'string' ? version : null;
  } catch {
    return null;
  }
}
