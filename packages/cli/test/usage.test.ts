import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseReport, runBinary } from './run-binary.js';
import { runInProcess } from './run-in-process.js';

const fixture = (name: string): string => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
const knownVendors = 'comm100, genesys, giosg, imsupporting, wxcc';

describe.concurrent('visitor-context usage (in process)', () => {
  it.each([[[]], [['convert']], [['validate']], [['snippet']], [['vendors']], [['wxcc', 'evaluate-node']]])(
    'prints help with examples for %j --help on stdout, exit 0',
    async (command) => {
      const outcome = await runInProcess([...command, '--help']);
      expect(outcome.status).toBe(0);
      expect(outcome.stderr).toBe('');
      expect(outcome.stdout).toContain(`Usage: visitor-context${command.length > 0 ? ` ${command.join(' ')}` : ''}`);
      expect(outcome.stdout).toMatch(/\nExamples:\n {2}(?:# .*\n {2})?visitor-context /);
    },
  );

  it('rejects an unknown vendor with exit 2, listing the known ones', async () => {
    const outcome = await runInProcess(['convert', '--from', 'zendesk', '--to', 'canonical', fixture('context.json')]);
    expect(outcome.status).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toContain(`Unknown vendor "zendesk". Known vendors: ${knownVendors}`);
  });

  it('reports usage errors as a JSON document with --json', async () => {
    const outcome = await runInProcess(['snippet', '--vendor', 'zendesk', '--json', fixture('context.json')]);
    expect(outcome.status).toBe(2);
    expect(parseReport(outcome.stderr)).toEqual({
      ok: false,
      exitStatus: 2,
      diagnostics: [
        {
          severity: 'error',
          code: 'unknown_vendor',
          path: [],
          pathText: '(root)',
          stage: 'arguments',
          message: `Unknown vendor "zendesk". Known vendors: ${knownVendors} (or "canonical" where a canonical context is meant).`,
        },
      ],
    });
  });

  it.each([
    [['convert', '--to', 'genesys'], "required option '--from <vendor>' not specified"],
    [['convert', '--from', 'canonical', '--to', 'genesys', '--frobnicate'], "unknown option '--frobnicate'"],
    [['translate'], "unknown command 'translate'"],
    [['validate', '--max-input-bytes', 'lots'], 'Expected a positive whole number of bytes.'],
    [['snippet', '--vendor', 'giosg', '--option', 'nonce'], '--option "nonce" is not name=value or name:=json.'],
    [['snippet', '--vendor', 'giosg', '--option', '__proto__.polluted:=true'], '"__proto__.polluted" is not a valid option name.'],
    [['convert', '--from', 'canonical', '--to', 'genesys', '--from-option', 'strict:=true'], '--from-option has no effect with "canonical"'],
    [['validate', 'no-such-file.json'], 'Cannot read no-such-file.json: no such file.'],
    [['validate', '.'], 'Cannot read .: it is a directory.'],
  ])('exits 2 on the usage error in %j', async (args, message) => {
    const outcome = await runInProcess(args);
    expect(outcome.stderr).toContain(message);
    expect(outcome.status).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).not.toMatch(/\n\s+at /);
  });

  it('lists the installed adapters with their versions and snippet options', async () => {
    const outcome = await runInProcess(['vendors', '--json']);
    expect(outcome.status).toBe(0);
    const { vendors } = JSON.parse(outcome.stdout) as { vendors: { vendor: string; installed: boolean; version: string; snippetOptions: string[] | null }[] };
    expect(vendors.map((row) => row.vendor)).toEqual(knownVendors.split(', '));
    for (const row of vendors) {
      const adapterManifest = JSON.parse(readFileSync(new URL(`../../${row.vendor}/package.json`, import.meta.url), 'utf8')) as { version: string };
      expect(row).toMatchObject({ installed: true, version: adapterManifest.version });
    }
    expect(vendors.find((row) => row.vendor === 'imsupporting')?.snippetOptions).toContain('siteId');
  });
});

describe.concurrent('visitor-context usage (built binary)', () => {
  it('prints the package version with --version and -V', async () => {
    for (const flag of ['--version', '-V']) {
      expect(await runBinary([flag])).toEqual({ status: 0, stdout: `${manifest.version}\n`, stderr: '' });
    }
  });

  it('shows the help on stderr and exits 2 when no command is given', async () => {
    const outcome = await runBinary([]);
    expect(outcome.status).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toContain('Usage: visitor-context [options] [command]');
  });
});
