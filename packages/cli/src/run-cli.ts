import { readFileSync } from 'node:fs';
import { closestName } from '@visitor-context/core';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { ModuleImporter } from './adapter-registry.js';
import { adapterPackages, canonicalId } from './adapter-registry.js';
import type { CliIo } from './cli-io.js';
import { CliUsageError } from './cli-usage-error.js';
import type { CommandEnvironment } from './command-environment.js';
import { refuseCredentialFlags } from './credential-flags.js';
import { runConvert, type ConvertFlags } from './commands/convert-command.js';
import { runEvaluateNode, type EvaluateNodeFlags } from './commands/evaluate-node-command.js';
import { runPush, type PushFlags } from './commands/push-command.js';
import { runSnippet, type SnippetFlags } from './commands/snippet-command.js';
import { runValidate, type ValidateFlags } from './commands/validate-command.js';
import { runVendors, type VendorsFlags } from './commands/vendors-command.js';
import { formatJsonReport, fromUsageError, type ExitStatus } from './diagnostic-report.js';
import { pushVendors } from './push-vendors.js';
import { defaultMaxInputBytes } from './read-input.js';
import { escapeTerminalText } from './terminal-text.js';

const vendorList = `${adapterPackages.map((entry) => entry.id).join(', ')}`;

/** Runs the command line with the given arguments and streams; see `runCli` in index.ts. */
export async function runCommandLine(argv: readonly string[], io: CliIo, importer: ModuleImporter | undefined): Promise<ExitStatus> {
  const environment: CommandEnvironment = { io, importer };
  let status: ExitStatus = 0;
  let commanderMessage = '';
  const program = new Command('visitor-context')
    .description('Convert, validate and render visitor contexts for live-chat vendors, and push them to vendor APIs.')
    .version(readPackageVersion(), '-V, --version', 'print the version of @visitor-context/cli')
    .helpOption('-h, --help', 'show help (every command has its own --help with examples)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Parse errors are printed by the catch below, in the requested format (text or --json).
      outputError: (text) => {
        commanderMessage = text.replace(/^error: /, '').trim();
      },
    })
    .addHelpText(
      'after',
      `
Exit status: 0 success, 1 invalid input, warnings under --strict, or a push the vendor refused or that failed; 2 usage error.
Vendors: ${vendorList} (each needs its adapter package installed; see "visitor-context vendors").

Examples:
  visitor-context convert --from comm100 --to genesys webhook.json
  visitor-context validate context.json
  visitor-context snippet --vendor imsupporting --option siteId=abc123 context.json
  visitor-context wxcc evaluate-node --fields fields.json
  visitor-context push genesys --conversation-id <id> context.json   # credentials from GENESYSCLOUD_* variables`,
    );

  program
    .command('convert')
    .description('Translate a payload between vendors and the canonical model; JSON on stdout, diagnostics on stderr.')
    .argument('[file]', 'input JSON file; standard input when omitted or "-"')
    .requiredOption('--from <vendor>', `what the input is: a vendor id or "${canonicalId}"`)
    .requiredOption('--to <vendor>', `what to produce: a vendor id or "${canonicalId}"`)
    .option('--from-option <name=value>', 'an option of the --from adapter\'s fromVendor (repeatable; name:=json for non-text values)', collect)
    .option('--to-option <name=value>', 'an option of the --to adapter\'s toVendor (repeatable; name:=json for non-text values)', collect)
    .option('--compact', 'print the JSON on one line')
    .addOption(strictOption())
    .addOption(jsonOption('print diagnostics on stderr as one JSON document'))
    .addOption(maxInputBytesOption())
    .addHelpText(
      'after',
      `
Examples:
  # A captured Comm100 webhook into the Genesys custom attributes it would become
  visitor-context convert --from comm100 --to genesys webhook.json
  # A canonical context into a giosg submission, failing on anything lost
  cat context.json | visitor-context convert --from canonical --to giosg --strict
  # Genesys Web Chat v2 instead of the default channel
  visitor-context convert --from canonical --to genesys --to-option channel=web-chat context.json
  # Read a stored payload back into the canonical model, diagnostics as JSON
  visitor-context convert --from imsupporting --to canonical --json stored.json 2> diagnostics.json`,
    )
    .action(async (file: string | undefined, flags: ConvertFlags) => {
      status = await runConvert(environment, file, flags);
    });

  program
    .command('validate')
    .description('Check a canonical context, or a vendor payload, and list every diagnostic with its path and code.')
    .argument('[file]', 'input JSON file; standard input when omitted or "-"')
    .option('--vendor <vendor>', 'the input is this vendor\'s payload (read with its adapter) instead of a canonical context')
    .option('--option <name=value>', 'an option of the adapter\'s fromVendor (repeatable; name:=json for non-text values)', collect)
    .addOption(strictOption())
    .addOption(jsonOption('print the report on stdout as one JSON document'))
    .addOption(maxInputBytesOption())
    .addHelpText(
      'after',
      `
Examples:
  visitor-context validate context.json
  visitor-context validate --vendor comm100 webhook.json
  curl -s https://example.com/context | visitor-context validate --strict --json -`,
    )
    .action(async (file: string | undefined, flags: ValidateFlags) => {
      status = await runValidate(environment, file, flags);
    });

  program
    .command('snippet')
    .description('Print the vendor\'s HTML embed for a canonical context.')
    .argument('[file]', 'canonical context JSON file; standard input when omitted or "-"')
    .requiredOption('--vendor <vendor>', `the vendor: ${vendorList}`)
    .option('--option <name=value>', 'a snippet option (repeatable; name:=json for numbers, booleans, objects; dotted names nest)', collect)
    .option('--options-file <file>', 'snippet options as a JSON object; --option values override it')
    .option('--signed', 'giosg only: sign the visitor data as a JWT with the key in $GIOSG_SIGNING_KEY (tamper-proof)')
    .option('--signing-key-env <name>', 'giosg only: the environment variable holding the signing key (default GIOSG_SIGNING_KEY)')
    .addOption(strictOption())
    .addOption(jsonOption('print diagnostics on stderr as one JSON document'))
    .addOption(maxInputBytesOption())
    .addHelpText(
      'after',
      `
The options are the adapter's snippet options (see its README, or "visitor-context vendors" for their names).

Examples:
  visitor-context snippet --vendor imsupporting --option siteId=abc123 --option nonce=r4nd0m context.json
  visitor-context snippet --vendor comm100 --option siteId:=10000 --option campaignId=your-campaign-id context.json
  visitor-context snippet --vendor wxcc --option widget.bindId=your-bind-id --option widget.guid=your-guid context.json
  visitor-context snippet --vendor genesys --options-file genesys-snippet.json < context.json > snippet.html
  # A signed giosg snippet: the key comes from the environment, never from a flag (shell history)
  GIOSG_SIGNING_KEY=… visitor-context snippet --vendor giosg --signed --option companyId=your-company-id context.json`,
    )
    .action(async (file: string | undefined, flags: SnippetFlags) => {
      status = await runSnippet(environment, file, flags);
    });

  program
    .command('vendors')
    .description('List the vendors this command knows, which adapters are installed, and how to install the others.')
    .addOption(jsonOption('print the list as one JSON document'))
    .addHelpText('after', '\nExamples:\n  visitor-context vendors\n  visitor-context vendors --json')
    .action(async (flags: VendorsFlags) => {
      status = await runVendors(environment, flags);
    });

  const wxcc = program.command('wxcc').description('Webex Contact Center (imichat) tools.');
  wxcc
    .command('evaluate-node')
    .description('Print the Webex Connect Evaluate-node code that copies the custom chat fields into flow variables.')
    .requiredOption('--fields <file>', 'JSON field map: canonical field → custom chat field, as given to the wxcc adapter ("-" for standard input)')
    .option('--start-node <id>', 'the flow\'s Start node id (default n2)')
    .option('--variable <field=variable>', 'the flow variable for a canonical field (repeatable), e.g. visitor.name=customer_name', collect)
    .addOption(strictOption())
    .addOption(jsonOption('print diagnostics on stderr as one JSON document'))
    .addOption(maxInputBytesOption())
    .addHelpText(
      'after',
      `
Example fields.json: {"visitor.name": "name", "visitor.email": "email", "attributes.plan": "plan"}

Examples:
  visitor-context wxcc evaluate-node --fields fields.json
  visitor-context wxcc evaluate-node --fields fields.json --start-node n5 --variable visitor.name=customer_name`,
    )
    .action(async (flags: EvaluateNodeFlags) => {
      status = await runEvaluateNode(environment, flags);
    });


  const push = program
    .command('push')
    .description('Write a canonical context to a vendor\'s REST API from this machine (credentials from environment variables only).');
  for (const vendor of pushVendors) {
    const command = push
      .command(vendor.id)
      .description(`Write the context to ${vendor.label}: ${vendor.writes}.`)
      .argument('[file]', 'canonical context JSON file; standard input when omitted or "-"')
      .option('--input <file>', 'the canonical context JSON file ("-" for standard input), instead of the file argument');
    for (const id of vendor.targetIds) {
      if (id.required) command.requiredOption(`${id.flag} <id>`, id.description);
      else command.option(`${id.flag} <id>`, id.description);
    }
    for (const baseUrl of vendor.baseUrls) command.option(`${baseUrl.flag} <url>`, `${baseUrl.description}; or set ${baseUrl.variable}`);
    command
      .addOption(wholeNumberOption('--timeout-ms <ms>', 'give up on one request after this many milliseconds (default: the adapter\'s)', 1))
      .addOption(wholeNumberOption('--retries <count>', 'retries on 429, 502, 503, 504 and network errors (default: the adapter\'s; 0 for none)', 0))
      .option('--compact', 'print the receipt on one line')
      .addOption(new Option('--strict', 'send nothing (exit 1) if the translation would drop, truncate, rename or coerce anything'))
      .addOption(jsonOption('print diagnostics on stderr as one JSON document'))
      .addOption(maxInputBytesOption())
      .addHelpText(
        'after',
        `
Credentials are read from these environment variables only, never from flags (a flag's value is kept in shell
history and shown in process listings); no line this command prints contains a secret:
${vendor.credentials.map((credential) => `  ${credential.variable.padEnd(32)} ${credential.description}`).join('\n')}

The vendor's receipt is printed on stdout; translation and HTTP diagnostics on stderr. A push the vendor refuses
(unauthorized, not_found, rate_limited, vendor_rejected) or that fails (timeout, network_error) exits with 1.

Example:
  ${vendor.example}`,
      )
      .action(async (file: string | undefined, flags: PushFlags) => {
        status = await runPush(environment, vendor.id, file, flags);
      });
  }

  try {
    refuseCredentialFlags(argv);
    await program.parseAsync([...argv], { from: 'user' });
    return status;
  } catch (error) {
    const json = argv.includes('--json');
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      // Commander checks required options before unknown ones, so `--form` would be reported as a missing `--from`.
      const unknownFlag = error.code === 'commander.missingMandatoryOptionValue' ? findUnknownFlag(program, argv) : undefined;
      if (unknownFlag !== undefined) return reportUsageError(io, unknownFlag, json, true);
      // Help shown because a command was missing is a usage error too.
      const message = commanderMessage === '' ? 'A command is required.' : commanderMessage;
      return reportUsageError(io, new CliUsageError('usage_error', message), json, error.code !== 'commander.help');
    }
    if (error instanceof CliUsageError) return reportUsageError(io, error, json, true);
    throw error;
  }
}

function reportUsageError(io: CliIo, error: CliUsageError, json: boolean, hint: boolean): ExitStatus {
  if (json) io.stderr.write(formatJsonReport([fromUsageError(error)], 2));
  else io.stderr.write(`visitor-context: ${escapeTerminalText(error.message)}\n${hint ? 'Run "visitor-context --help" or "visitor-context <command> --help" for usage.\n' : ''}`);
  return 2;
}

/**
 * The first `--flag` in `argv` that the command it belongs to does not know, as a usage error with the nearest
 * known flag suggested; undefined when every flag is known.
 */
function findUnknownFlag(program: Command, argv: readonly string[]): CliUsageError | undefined {
  let command = program;
  for (const word of argv) {
    if (word.startsWith('-')) break;
    const subcommand = command.commands.find((candidate) => candidate.name() === word);
    if (subcommand === undefined) break;
    command = subcommand;
  }
  const known = [...command.options, ...program.options].map((option) => option.long).filter((flag): flag is string => flag !== undefined);
  known.push('--help');
  for (const word of argv) {
    if (word === '--') break;
    const flag = word.split('=')[0] ?? word;
    if (!flag.startsWith('--') || known.includes(flag)) continue;
    const suggestion = closestName(flag, known);
    return new CliUsageError('usage_error', `unknown option '${flag}'${suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`}`);
  }
  return undefined;
}

function collect(value: string, previous: readonly string[] = []): string[] {
  return [...previous, value];
}

function strictOption(): Option {
  return new Option('--strict', 'fail (exit 1) on warnings: anything dropped, truncated, renamed or coerced');
}

function jsonOption(description: string): Option {
  return new Option('--json', description);
}

function wholeNumberOption(flags: string, description: string, minimum: number): Option {
  return new Option(flags, description).argParser((value) => {
    if (!/^\d+$/.test(value) || Number(value) < minimum || !Number.isSafeInteger(Number(value))) {
      throw new InvalidArgumentError(`Expected a whole number of at least ${minimum}.`);
    }
    return Number(value);
  });
}

function maxInputBytesOption(): Option {
  return new Option('--max-input-bytes <bytes>', 'largest input read, in bytes')
    .default(defaultMaxInputBytes, '1048576 (1 MiB)')
    .argParser((value) => {
      if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
        throw new InvalidArgumentError('Expected a positive whole number of bytes.');
      }
      return Number(value);
    });
}

function readPackageVersion(): string {
  // src/ and dist/ both sit directly under the package root.
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
}
