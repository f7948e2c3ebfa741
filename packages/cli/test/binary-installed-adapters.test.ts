import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReport, runBinary } from './run-binary.js';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const packagesRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * An npm-like install in a temporary directory: the CLI (package.json and dist copied, as npm would unpack
 * them), its dependencies, and only the imsupporting adapter, so the others really are missing.
 */
let installRoot: string;
let binary: string;

beforeAll(() => {
  installRoot = mkdtempSync(join(tmpdir(), 'visitor-context-install-'));
  const modules = join(installRoot, 'node_modules');
  const cli = join(modules, '@visitor-context', 'cli');
  mkdirSync(cli, { recursive: true });
  cpSync(join(packageRoot, 'package.json'), join(cli, 'package.json'));
  cpSync(join(packageRoot, 'dist'), join(cli, 'dist'), { recursive: true });
  symlinkSync(realpathSync(join(packageRoot, 'node_modules', 'commander')), join(modules, 'commander'), 'dir');
  for (const name of ['core', 'imsupporting']) symlinkSync(join(packagesRoot, name), join(modules, '@visitor-context', name), 'dir');
  writeFileSync(join(installRoot, 'context.json'), JSON.stringify({ visitor: { name: 'Ada', email: 'ada@example.com' } }));
  binary = join(cli, 'dist', 'bin.js');
});
afterAll(() => rmSync(installRoot, { recursive: true, force: true }));

describe.concurrent('a CLI installed with only some adapters (built binary)', () => {
  it('works with the adapter that is installed', async () => {
    const outcome = await runBinary(['convert', '--from', 'canonical', '--to', 'imsupporting', '--compact', 'context.json'], { binary, cwd: installRoot });
    expect(outcome).toEqual({ status: 0, stdout: '{"ims_username":"Ada","ims_email":"ada@example.com"}\n', stderr: '' });
  });

  it('says how to install a known adapter that is missing, exit 2', async () => {
    // Three independent processes: started together, so the test waits for one process start instead of three.
    const [outcome, json, wxcc] = await Promise.all([
      runBinary(['convert', '--from', 'canonical', '--to', 'genesys', 'context.json'], { binary, cwd: installRoot }),
      runBinary(['snippet', '--vendor', 'comm100', '--json', 'context.json'], { binary, cwd: installRoot }),
      runBinary(['wxcc', 'evaluate-node', '--fields', 'context.json'], { binary, cwd: installRoot }),
    ]);
    expect(outcome.status).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toContain('The genesys adapter is not installed. Install it next to the CLI: npm install @visitor-context/genesys');

    expect(json.status).toBe(2);
    expect(parseReport(json.stderr).diagnostics.map((item) => item.code)).toEqual(['adapter_not_installed']);

    expect(wxcc.status).toBe(2);
    expect(wxcc.stderr).toContain('npm install @visitor-context/wxcc');
  });

  it('lists which adapters are installed', async () => {
    const [outcome, text] = await Promise.all([runBinary(['vendors', '--json'], { binary, cwd: installRoot }), runBinary(['vendors'], { binary, cwd: installRoot })]);
    expect(outcome.status).toBe(0);
    const { vendors } = JSON.parse(outcome.stdout) as { vendors: { vendor: string; installed: boolean; problem: { code: string } | null }[] };
    expect(vendors.map(({ vendor, installed, problem }) => [vendor, installed, problem?.code ?? null])).toEqual([
      ['comm100', false, 'adapter_not_installed'],
      ['genesys', false, 'adapter_not_installed'],
      ['giosg', false, 'adapter_not_installed'],
      ['imsupporting', true, null],
      ['wxcc', false, 'adapter_not_installed'],
    ]);
    expect(text.stdout).toMatch(/^genesys +not installed: .*npm install @visitor-context\/genesys$/m);
  });
});
