import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

interface JsonReport {
  testResults: { assertionResults: { fullName: string; status: string }[] }[];
}

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/** Runs the suite on fixture adapters in a separate vitest process and returns each test's status. */
async function runSuite(file: string): Promise<Map<string, string>> {
  const outputFile = join(mkdtempSync(join(tmpdir(), 'conformance-')), 'report.json');
  const vitest = join(packageRoot, 'node_modules', 'vitest', 'vitest.mjs');
  await promisify(execFile)(
    process.execPath,
    [vitest, 'run', '-c', 'vitest.fixtures.config.ts', file, '--reporter=json', `--outputFile=${outputFile}`],
    { cwd: packageRoot },
  ).catch((error: unknown) => error);
  const report = JSON.parse(readFileSync(outputFile, 'utf8')) as JsonReport;
  return new Map(report.testResults.flatMap((result) => result.assertionResults.map((test) => [test.fullName, test.status])));
}

describe('the conformance suite', () => {
  let reference: Map<string, string>;
  let lossy: Map<string, string>;
  beforeAll(async () => {
    [reference, lossy] = await Promise.all([
      runSuite('test/fixtures/reference.conformance.ts'),
      runSuite('test/fixtures/lossy.conformance.ts'),
    ]);
  }, 120_000);

  it('passes an honest reference adapter, every test of it', () => {
    expect(reference.size).toBeGreaterThanOrEqual(15);
    expect([...reference].filter(([, status]) => status !== 'passed')).toEqual([]);
  });

  const failed = (prefix: string, title: string): boolean =>
    [...lossy].some(([name, status]) => name.startsWith(prefix) && name.includes(title) && status === 'failed');

  it('fails an adapter that silently drops a claimed field', () => {
    expect(failed('silently-dropping adapter conformance', 'round-trips every claimed field')).toBe(true);
  });

  it('fails an adapter that does not report the fields it cannot carry', () => {
    expect(failed('unreporting adapter conformance', 'round-trips every claimed field')).toBe(true);
    expect(failed('unreporting adapter conformance', 'reports unclaimed fields as errors under strict')).toBe(true);
  });

  it('fails an adapter that parses inbound JSON naively', () => {
    for (const title of ['__proto__ at the top (text)', 'constructor.prototype', '10 MB body', '10,000-deep arrays', 'a getter']) {
      expect(failed('naive-inbound adapter conformance', title), title).toBe(true);
    }
  });

  it('fails a snippet serialized with plain JSON.stringify', () => {
    expect(failed('naive-inbound adapter conformance', 'keeps the structure and the data for a vector in every value position')).toBe(true);
  });
});
