import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { comm100Adapter } from '@visitor-context/comm100';
import { describe, expect, it } from 'vitest';
import { parseReport, runBinary } from './run-binary.js';
import { runInProcess } from './run-in-process.js';

const fixture = (name: string): string => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));

describe.concurrent('visitor-context validate (in process)', () => {
  it('accepts a valid canonical context with exit 0', async () => {
    const outcome = await runInProcess(['validate', fixture('context.json')]);
    expect(outcome).toEqual({ status: 0, stdout: 'valid canonical visitor context: 0 errors, 0 warnings\n', stderr: '' });
  });

  it('lists every diagnostic of an invalid context with its path and code, and exits 1', async () => {
    const outcome = await runInProcess(['validate', fixture('invalid-context.json')]);
    expect(outcome.status).toBe(1);
    const lines = outcome.stdout.trimEnd().split('\n');
    expect(lines.slice(0, -1).map((line) => /^(\w+) (\w+) at (\S+) \(parse\): /.exec(line)?.slice(1))).toEqual([
      ['error', 'invalid_email', 'visitor.email'],
      ['error', 'unknown_key', 'visitor.nickname'],
      ['error', 'nested_value', 'attributes.plan'],
      ['error', 'unknown_key', 'colour'],
    ]);
    expect(lines.at(-1)).toBe('invalid canonical visitor context: 4 errors, 0 warnings');
  });

  it('checks a vendor payload with the vendor adapter, listing its warnings', async () => {
    const webhook = readFileSync(fixture('comm100-chat-started.json'), 'utf8');
    const expected = comm100Adapter.fromVendor(webhook);
    const outcome = await runInProcess(['validate', '--vendor', 'comm100', '--json', fixture('comm100-chat-started.json')]);
    expect(outcome.status).toBe(expected.ok ? 0 : 1);
    expect(parseReport(outcome.stdout).diagnostics.map(({ code, path, message }) => ({ code, path, message }))).toEqual(
      expected.diagnostics.map(({ code, path, message }) => ({ code, path, message })),
    );
  });

  it('fails a vendor payload that is not one, naming the problem', async () => {
    const outcome = await runInProcess(['validate', '--vendor', 'imsupporting', '--json'], { stdin: '[1, 2, 3]' });
    expect(outcome.status).toBe(1);
    const report = parseReport(outcome.stdout);
    expect(report.ok).toBe(false);
    expect(report.diagnostics.some((item) => item.severity === 'error' && item.stage === 'fromVendor')).toBe(true);
  });

  it('keeps a vendor value the canonical model refuses as a warning, and fails on it with --strict', async () => {
    // An email the vendor stored that is not an address: core moves it to vendor.imsupporting.rejectedFields.
    const stored = JSON.stringify({ ims_username: 'Ada', ims_email: 'n/a' });
    const lenient = await runInProcess(['validate', '--vendor', 'imsupporting'], { stdin: stored });
    expect(lenient.status).toBe(0);
    expect(lenient.stdout).toMatch(/^warning field_dropped at visitor\.email \(fromVendor\): /);
    expect(lenient.stdout.trimEnd().split('\n').at(-1)).toBe('valid imsupporting payload: 0 errors, 1 warning');

    const strict = await runInProcess(['validate', '--vendor', 'imsupporting', '--json', '--strict'], { stdin: stored });
    expect(strict.status).toBe(1);
    const report = parseReport(strict.stdout);
    expect(report.ok).toBe(false);
    expect(report.diagnostics.map(({ severity, code, pathText }) => ({ severity, code, pathText }))).toEqual([
      { severity: 'error', code: 'field_dropped', pathText: 'visitor.email' },
    ]);
  });
});

describe.concurrent('visitor-context validate (built binary)', () => {
  it('prints the report as one JSON document on stdout with --json', async () => {
    const outcome = await runBinary(['validate', '--json', '-'], { stdin: readFileSync(fixture('invalid-context.json')) });
    expect(outcome.status).toBe(1);
    expect(outcome.stderr).toBe('');
    const report = parseReport(outcome.stdout);
    expect(report).toMatchObject({ ok: false, exitStatus: 1 });
    expect(report.diagnostics.map(({ code, path, stage }) => ({ code, path, stage }))).toEqual([
      { code: 'invalid_email', path: ['visitor', 'email'], stage: 'parse' },
      { code: 'unknown_key', path: ['visitor', 'nickname'], stage: 'parse' },
      { code: 'nested_value', path: ['attributes', 'plan'], stage: 'parse' },
      { code: 'unknown_key', path: ['colour'], stage: 'parse' },
    ]);
  });
});
