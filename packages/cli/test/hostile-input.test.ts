import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseReport, runBinary } from './run-binary.js';
import { runInProcess } from './run-in-process.js';

const fixture = (name: string): string => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));

/**
 * Runs a command with --json (in process unless `run` is {@link runBinary}) and returns the status, stdout and
 * the codes of its error diagnostics.
 */
async function errorsOf(
  args: readonly string[],
  stdin: string | Uint8Array,
  run: typeof runBinary = runInProcess,
): Promise<{ status: number | null; stdout: string; codes: string[] }> {
  const outcome = await run([...args, '--json'], { stdin });
  expect(outcome.stderr).not.toMatch(/\n\s+at /);
  const report = parseReport(outcome.stderr);
  return { status: outcome.status, stdout: outcome.stdout, codes: report.diagnostics.filter((item) => item.severity === 'error').map((item) => item.code) };
}

const toGenesys = ['convert', '--from', 'canonical', '--to', 'genesys'];

describe.concurrent('hostile and malformed input (in process)', () => {
  it('reports text that is not JSON as invalid_json, exit 1', async () => {
    expect(await errorsOf(toGenesys, '{"visitor": {"name": "Ada",}')).toEqual({ status: 1, stdout: '', codes: ['invalid_json'] });
    expect(await errorsOf(['convert', '--from', 'comm100', '--to', 'genesys'], 'not json at all')).toEqual({ status: 1, stdout: '', codes: ['invalid_json'] });
  });

  it('reports empty input as invalid_json', async () => {
    expect(await errorsOf(toGenesys, '')).toEqual({ status: 1, stdout: '', codes: ['invalid_json'] });
  });

  it('applies --max-input-bytes to files too', async () => {
    const outcome = await runInProcess(['validate', '--max-input-bytes', '16', fixture('context.json')]);
    expect(outcome.status).toBe(1);
    expect(outcome.stdout).toMatch(/^error too_large at \(root\) \(read\): The input \(.*context\.json\) is larger than 16 bytes\./);
  });

  it('leaves input under the CLI limit to the adapter limits, which still refuse it', async () => {
    // 400 KiB: under the CLI's 1 MiB read limit, over core's 256 KiB JSON limit.
    const large = JSON.stringify({ ims_username: 'x'.repeat(400 * 1024) });
    expect(await errorsOf(['convert', '--from', 'imsupporting', '--to', 'canonical'], large)).toEqual({ status: 1, stdout: '', codes: ['too_large'] });
  });

  it.each([
    ['a __proto__ key', '{"__proto__": {"polluted": true}, "ims_username": "Ada"}'],
    ['an escaped __proto__ key', '{"\\u005f_proto__": {"polluted": true}}'],
    ['constructor.prototype', '{"constructor": {"prototype": {"polluted": true}}}'],
    ['a nested __proto__ key', '{"ims_username": "Ada", "meta": {"__proto__": {"isAdmin": true}}}'],
  ])('refuses %s in a vendor payload with forbidden_key, exit 1', async (_name, payload) => {
    const result = await errorsOf(['convert', '--from', 'imsupporting', '--to', 'genesys'], payload);
    expect(result).toEqual({ status: 1, stdout: '', codes: ['forbidden_key'] });
  });

  it('refuses prototype keys in a canonical context', async () => {
    const result = await errorsOf(toGenesys, '{"visitor": {"name": "Ada"}, "attributes": {"__proto__": "x"}}');
    expect(result.status).toBe(1);
    expect(result.codes).toEqual(['forbidden_key']);
  });

  it('refuses deep nesting with too_deep instead of overflowing the stack', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const outcome = await runInProcess(['validate', '--vendor', 'comm100', '--json'], { stdin: deep });
    expect(outcome.status).toBe(1);
    expect(parseReport(outcome.stdout).diagnostics.map((item) => item.code)).toEqual(['too_deep']);
    const canonical = await errorsOf(toGenesys, `{"vendor": {"x": {"y": ${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}}}`);
    expect(canonical.status).toBe(1);
    expect(canonical.codes).toEqual(['too_deep']);
  });

  it('accepts a byte-order mark in front of the JSON', async () => {
    const outcome = await runInProcess(['convert', '--from', 'canonical', '--to', 'canonical', '--compact'], { stdin: '\uFEFF{"visitor":{"name":"Ada"}}' });
    expect(outcome).toEqual({ status: 0, stdout: '{"visitor":{"name":"Ada"}}\n', stderr: '' });
  });
});

describe.concurrent('hostile and malformed input (built binary)', () => {
  it('stops reading huge input at the limit: too_large, exit 1', async () => {
    const huge = `{"attributes":{"blob":"${'x'.repeat(3 * 1024 * 1024)}"}}`;
    expect(await errorsOf(toGenesys, huge, runBinary)).toEqual({ status: 1, stdout: '', codes: ['too_large'] });
  });

  it('refuses bytes that are not UTF-8 with invalid_utf8', async () => {
    const bytes = Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    expect(await errorsOf(toGenesys, bytes, runBinary)).toEqual({ status: 1, stdout: '', codes: ['invalid_utf8'] });
  });
});
