import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseVisitorContext, unwrap, type VisitorContext } from '@visitor-context/core';
import { comm100Adapter } from '@visitor-context/comm100';
import { genesysAdapter } from '@visitor-context/genesys';
import { giosgAdapter } from '@visitor-context/giosg';
import { imsupportingAdapter } from '@visitor-context/imsupporting';
import { describe, expect, it } from 'vitest';
import { parseReport, runBinary } from './run-binary.js';
import { runInProcess } from './run-in-process.js';

const fixture = (name: string): string => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));
const contextText = readFileSync(fixture('context.json'), 'utf8');
const context: VisitorContext = unwrap(parseVisitorContext(JSON.parse(contextText)));

describe.concurrent('visitor-context convert (in process)', () => {
  it('turns a captured Comm100 webhook into the Genesys custom attributes it would become', async () => {
    const webhook = readFileSync(fixture('comm100-chat-started.json'), 'utf8');
    const canonical = comm100Adapter.fromVendor(webhook);
    if (!canonical.ok) throw new Error('the webhook fixture must be readable');
    const expected = genesysAdapter.toVendor(canonical.value);
    if (!expected.ok) throw new Error('the webhook must translate to Genesys');

    const outcome = await runInProcess(['convert', '--from', 'comm100', '--to', 'genesys', fixture('comm100-chat-started.json')]);

    expect(outcome.status).toBe(0);
    expect(JSON.parse(outcome.stdout)).toEqual(expected.value);
    const reported = [...canonical.diagnostics.map((item) => ['fromVendor', item] as const), ...expected.diagnostics.map((item) => ['toVendor', item] as const)];
    for (const [stage, item] of reported) expect(outcome.stderr).toContain(`(${stage}): ${item.message}`);
  });

  it('reads a vendor payload back into the canonical model', async () => {
    const payload = unwrap(imsupportingAdapter.toVendor(context));
    const outcome = await runInProcess(['convert', '--from', 'imsupporting', '--to', 'canonical'], { stdin: JSON.stringify(payload) });
    expect(outcome.status).toBe(0);
    expect(JSON.parse(outcome.stdout)).toEqual(unwrap(imsupportingAdapter.fromVendor(payload)));
  });

  it('passes --to-option values to toVendor, text with = and JSON with :=', async () => {
    const options = { channel: 'web-chat' as const };
    const expected = unwrap(genesysAdapter.toVendor(context, options));
    const outcome = await runInProcess(['convert', '--from', 'canonical', '--to', 'genesys', '--to-option', 'channel=web-chat', '--compact', fixture('context.json')]);
    expect(outcome.status).toBe(0);
    expect(outcome.stdout).toBe(`${JSON.stringify(expected)}\n`);

    const invalid = await runInProcess(['convert', '--from', 'canonical', '--to', 'genesys', '--to-option', 'channel:=42', fixture('context.json')]);
    expect(invalid.status).toBe(2);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toMatch(/^error invalid_option at channel \(toVendor\)/m);
  });

  it('prints the diagnostics as one JSON document on stderr with --json, and keeps stdout the payload', async () => {
    const expected = genesysAdapter.toVendor(context);
    if (!expected.ok) throw new Error('the fixture must translate');
    const outcome = await runInProcess(['convert', '--from', 'canonical', '--to', 'genesys', '--json', fixture('context.json')]);

    expect(outcome.status).toBe(0);
    expect(JSON.parse(outcome.stdout)).toEqual(expected.value);
    const report = parseReport(outcome.stderr);
    expect(report.ok).toBe(true);
    expect(report.exitStatus).toBe(0);
    expect(report.diagnostics).toEqual(
      expected.diagnostics.map((item) => ({ ...item, path: [...item.path], pathText: 'attributes.seats', stage: 'toVendor' })),
    );
  });

  it('fails with exit 1 and no payload under --strict when anything is lost', async () => {
    const outcome = await runInProcess(['convert', '--from', 'canonical', '--to', 'genesys', '--strict', '--json', fixture('context.json')]);
    expect(outcome.status).toBe(1);
    expect(outcome.stdout).toBe('');
    const report = parseReport(outcome.stderr);
    expect(report.ok).toBe(false);
    expect(report.diagnostics.map((item) => [item.severity, item.code])).toEqual([['error', 'value_coerced']]);
    expect(report.diagnostics[0]?.message).toMatch(/because --strict is on/);
  });

  it('succeeds under --strict when nothing is lost', async () => {
    const lossless = JSON.stringify({ visitor: { name: 'Ada', email: 'ada@example.com' } });
    const outcome = await runInProcess(['convert', '--from', 'canonical', '--to', 'imsupporting', '--strict'], { stdin: lossless });
    expect(outcome).toEqual({ status: 0, stdout: `${JSON.stringify({ ims_username: 'Ada', ims_email: 'ada@example.com' }, null, 2)}\n`, stderr: '' });
  });

  it('reports the source vendor\'s bag as dropped when the target vendor has no place for it', async () => {
    const stored = JSON.stringify({ ims_username: 'Ada', ims_email: 'n/a' });
    const outcome = await runInProcess(['convert', '--from', 'imsupporting', '--to', 'genesys', '--json'], { stdin: stored });
    expect(outcome.status).toBe(0);
    expect(parseReport(outcome.stderr).diagnostics.map(({ code, pathText, stage }) => `${stage} ${code} ${pathText}`)).toEqual([
      'fromVendor field_dropped visitor.email',
      'toVendor field_dropped vendor.imsupporting',
    ]);
    const strict = await runInProcess(['convert', '--from', 'imsupporting', '--to', 'genesys', '--strict'], { stdin: stored });
    expect(strict.status).toBe(1);
    expect(strict.stdout).toBe('');
  });

  it('does not report a bag that belongs to the target vendor', async () => {
    const canonical = JSON.stringify({ visitor: { name: 'Ada' }, vendor: { imsupporting: { ims_extra: 'kept' } } });
    const outcome = await runInProcess(['convert', '--from', 'canonical', '--to', 'imsupporting', '--json'], { stdin: canonical });
    const expected = imsupportingAdapter.toVendor(JSON.parse(canonical));
    expect(outcome.status).toBe(expected.ok ? 0 : 1);
    expect(parseReport(outcome.stderr).diagnostics.map(({ code, path }) => ({ code, path }))).toEqual(
      expected.diagnostics.map(({ code, path }) => ({ code, path })),
    );
  });
});

describe.concurrent('visitor-context convert (built binary)', () => {
  it('translates a canonical context file into the vendor payload the adapter produces, warnings on stderr', async () => {
    const expected = genesysAdapter.toVendor(context);
    if (!expected.ok) throw new Error('the fixture must translate');
    expect(expected.diagnostics.length).toBeGreaterThan(0);

    const outcome = await runBinary(['convert', '--from', 'canonical', '--to', 'genesys', fixture('context.json')]);

    expect(outcome.status).toBe(0);
    expect(JSON.parse(outcome.stdout)).toEqual(expected.value);
    for (const warning of expected.diagnostics) {
      expect(outcome.stderr).toContain(`warning ${warning.code} at attributes.seats (toVendor): ${warning.message}`);
    }
  });

  it('reads standard input when the file is omitted or "-"', async () => {
    const expected = unwrap(giosgAdapter.toVendor(context));
    for (const args of [[], ['-']]) {
      const outcome = await runBinary(['convert', '--from', 'canonical', '--to', 'giosg', ...args], { stdin: contextText });
      expect(outcome.status).toBe(0);
      expect(JSON.parse(outcome.stdout)).toEqual(expected);
    }
  });
});
