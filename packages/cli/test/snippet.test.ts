import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseVisitorContext, unwrap } from '@visitor-context/core';
import { renderComm100Snippet } from '@visitor-context/comm100';
import { renderImsupportingSnippet } from '@visitor-context/imsupporting';
import { renderEvaluateNodeCode, renderWxccSnippet } from '@visitor-context/wxcc';
import { afterAll, describe, expect, it } from 'vitest';
import { parseReport, runBinary } from './run-binary.js';
import { runInProcess } from './run-in-process.js';

const fixture = (name: string): string => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));
const context = unwrap(parseVisitorContext(JSON.parse(readFileSync(fixture('context.json'), 'utf8'))));
const scratch = mkdtempSync(join(tmpdir(), 'visitor-context-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.concurrent('visitor-context snippet (in process)', () => {
  it('passes numbers with := and nested options with dotted names', async () => {
    const comm100 = unwrap(renderComm100Snippet(context, { siteId: 10000, campaignId: 'c9e91d04' }));
    const fromCli = await runInProcess(['snippet', '--vendor', 'comm100', '--option', 'siteId:=10000', '--option', 'campaignId=c9e91d04', fixture('context.json')]);
    expect(fromCli.status).toBe(0);
    expect(fromCli.stdout).toBe(`${comm100}\n`);

    const wxcc = unwrap(renderWxccSnippet(context, { widget: { bindId: 'bind-1', guid: 'guid-1' } }));
    const nested = await runInProcess(['snippet', '--vendor', 'wxcc', '--option', 'widget.bindId=bind-1', '--option', 'widget.guid=guid-1', fixture('context.json')]);
    expect(nested.status).toBe(0);
    expect(nested.stdout).toBe(`${wxcc}\n`);
  });

  it('reads options from --options-file, with --option overriding them', async () => {
    const optionsFile = join(scratch, 'imsupporting.json');
    writeFileSync(optionsFile, JSON.stringify({ siteId: 'from-file', mode: 'inline', form: 'config' }));
    const expected = unwrap(renderImsupportingSnippet(context, { siteId: 'from-flag', mode: 'inline', form: 'config' }));
    const outcome = await runInProcess(['snippet', '--vendor', 'imsupporting', '--options-file', optionsFile, '--option', 'siteId=from-flag'], {
      stdin: readFileSync(fixture('context.json')),
    });
    expect(outcome.status).toBe(0);
    expect(outcome.stdout).toBe(`${expected}\n`);
  });

  it('reports options the adapter refuses as invalid_option, exit 2, with the := hint', async () => {
    const outcome = await runInProcess(['snippet', '--vendor', 'comm100', '--option', 'siteId=10000', '--option', 'campaignId=x', '--json', fixture('context.json')]);
    expect(outcome.status).toBe(2);
    expect(outcome.stdout).toBe('');
    const report = parseReport(outcome.stderr);
    const refused = report.diagnostics.filter((item) => item.severity === 'error');
    expect(refused.map(({ code, path, stage }) => ({ code, path, stage }))).toEqual([{ code: 'invalid_option', path: ['siteId'], stage: 'snippet' }]);
    expect(refused[0]?.message).toContain('--option name:=json');
  });

  it('refuses an invalid context before rendering, exit 1', async () => {
    const outcome = await runInProcess(['snippet', '--vendor', 'imsupporting', '--option', 'siteId=abc', fixture('invalid-context.json')]);
    expect(outcome.status).toBe(1);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toContain('error invalid_email at visitor.email (parse)');
  });

  it('keeps hostile context values inert in the HTML (the adapter encodes them)', async () => {
    const hostile = { visitor: { name: '</script><script>alert(1)</script>' }, attributes: { note: '<!--<script>' } };
    const expected = unwrap(renderImsupportingSnippet(unwrap(parseVisitorContext(hostile)), { siteId: 'abc' }));
    const outcome = await runInProcess(['snippet', '--vendor', 'imsupporting', '--option', 'siteId=abc'], { stdin: JSON.stringify(hostile) });
    expect(outcome.status).toBe(0);
    expect(outcome.stdout).toBe(`${expected}\n`);
    expect(outcome.stdout).not.toContain('</script><script>');
  });
});

describe.concurrent('visitor-context snippet (built binary)', () => {
  it('prints exactly the HTML the adapter renders, with --option text values', async () => {
    const expected = renderImsupportingSnippet(context, { siteId: 'abc123', nonce: 'r4nd0m' });
    if (!expected.ok) throw new Error('the fixture must render');
    const outcome = await runBinary(['snippet', '--vendor', 'imsupporting', '--option', 'siteId=abc123', '--option', 'nonce=r4nd0m', fixture('context.json')]);
    expect(outcome.status).toBe(0);
    expect(outcome.stdout).toBe(`${expected.value}\n`);
    for (const warning of expected.diagnostics) expect(outcome.stderr).toContain(`(snippet): ${warning.message}`);
  });
});

describe.concurrent('visitor-context wxcc evaluate-node (in process)', () => {
  const fields = JSON.parse(readFileSync(fixture('wxcc-fields.json'), 'utf8')) as Record<string, string>;

  it('passes --start-node and --variable through', async () => {
    const expected = unwrap(renderEvaluateNodeCode(fields, { startNode: 'n5', variables: { 'visitor.name': 'customer_name' } }));
    const outcome = await runInProcess(['wxcc', 'evaluate-node', '--fields', '-', '--start-node', 'n5', '--variable', 'visitor.name=customer_name'], {
      stdin: JSON.stringify(fields),
    });
    expect(outcome.status).toBe(0);
    expect(outcome.stdout.trimEnd()).toBe(expected.trimEnd());
    expect(outcome.stdout).toContain('customer_name = value');
  });

  it('refuses a field map that is not JSON (exit 1) or not a field map (exit 2)', async () => {
    const notJson = await runInProcess(['wxcc', 'evaluate-node', '--fields', '-', '--json'], { stdin: 'visitor.name: name' });
    expect(notJson.status).toBe(1);
    expect(parseReport(notJson.stderr).diagnostics.map((item) => item.code)).toEqual(['invalid_json']);

    const notAMap = await runInProcess(['wxcc', 'evaluate-node', '--fields', '-', '--json'], { stdin: '{"visitor.name": 42}' });
    expect(notAMap.status).toBe(2);
    expect(notAMap.stdout).toBe('');
    expect(parseReport(notAMap.stderr).diagnostics.every((item) => item.code === 'invalid_option')).toBe(true);
  });

  it('requires --fields', async () => {
    const outcome = await runInProcess(['wxcc', 'evaluate-node']);
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toContain("required option '--fields <file>' not specified");
  });
});

describe.concurrent('visitor-context wxcc evaluate-node (built binary)', () => {
  const fields = JSON.parse(readFileSync(fixture('wxcc-fields.json'), 'utf8')) as Record<string, string>;

  it('prints the Evaluate-node code the wxcc adapter generates for the field map', async () => {
    const expected = unwrap(renderEvaluateNodeCode(fields));
    const outcome = await runBinary(['wxcc', 'evaluate-node', '--fields', fixture('wxcc-fields.json')]);
    expect(outcome).toEqual({ status: 0, stdout: expected.endsWith('\n') ? expected : `${expected}\n`, stderr: '' });
  });
});
