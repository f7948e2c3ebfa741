import { verifyGiosgToken } from '@visitor-context/giosg/server';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { streams } from './in-process-streams.js';

const signingKey = 'k'.repeat(40);

describe('unknown flags', () => {
  it('reports a mistyped required flag as unknown, with the nearest known flag, not as a missing one', async () => {
    const io = streams();
    expect(await runCli(['convert', '--form', 'comm100', '--to', 'genesys', 'context.json'], io)).toBe(2);
    expect(io.stderr.text).toContain("unknown option '--form' (did you mean --from?)");
    expect(io.stderr.text).not.toContain('not specified');
  });

  it('does the same for the nested wxcc command and with --json', async () => {
    const io = streams();
    expect(await runCli(['wxcc', 'evaluate-node', '--feilds', 'x.json', '--json'], io)).toBe(2);
    expect(JSON.parse(io.stderr.text)).toMatchObject({ diagnostics: [{ code: 'usage_error', message: "unknown option '--feilds' (did you mean --fields?)" }] });
  });

  it('still reports a required flag that is really missing', async () => {
    const io = streams();
    expect(await runCli(['convert', '--to', 'genesys'], io)).toBe(2);
    expect(io.stderr.text).toContain("required option '--from <vendor>' not specified");
  });
});

describe('option errors through the CLI and a real adapter schema', () => {
  it('explains --option siteId=10000 for Comm100: the option, what it must be, what it got, and how to pass a number', async () => {
    const io = streams();
    expect(await runCli(['snippet', '--vendor', 'comm100', '--option', 'siteId=10000', '--option', 'campaignId=abc', 'context.json'], io)).toBe(2);
    expect(io.stderr.text).toContain(
      'error invalid_option at siteId (snippet): Option siteId (required) must be a whole number greater than 0; got the string "10000".',
    );
    expect(io.stderr.text).toContain('(Pass numbers, booleans and objects as --option name:=json.)');
  });

  it('suggests the nearest option for a typo', async () => {
    const io = streams();
    expect(await runCli(['snippet', '--vendor', 'comm100', '--option', 'siteId:=10000', '--option', 'campaignID=abc', 'context.json'], io)).toBe(2);
    expect(io.stderr.text).toContain('Unknown option "campaignID". Did you mean "campaignId"?');
  });

  it('refuses a hostile --option scriptUrl with a control character, printing nothing on stdout', async () => {
    const io = streams();
    const scriptUrl = 'd\tata:text/javascript,alert(1)';
    expect(await runCli(['snippet', '--vendor', 'imsupporting', '--option', 'siteId=abc', '--option', `scriptUrl=${scriptUrl}`, 'context.json'], io)).toBe(1);
    expect(io.stdout.text).toBe('');
    expect(io.stderr.text).toContain('error invalid_html_input');
    expect(io.stderr.text).toContain('control character');
  });
});

describe('vendors --json', () => {
  it('has a list, never null, where a list belongs', async () => {
    const io = streams();
    expect(await runCli(['vendors', '--json'], io)).toBe(0);
    const { vendors } = JSON.parse(io.stdout.text) as { vendors: { vendor: string; snippetOptions: unknown }[] };
    expect(vendors.length).toBeGreaterThan(0);
    for (const row of vendors) expect(Array.isArray(row.snippetOptions), row.vendor).toBe(true);
  });
});

describe('snippet --signed (giosg)', () => {
  it('signs the visitor data with the key from GIOSG_SIGNING_KEY; only the token reaches the HTML', async () => {
    const io = streams({ env: { GIOSG_SIGNING_KEY: signingKey } });
    expect(await runCli(['snippet', '--vendor', 'giosg', '--signed', '--option', 'companyId=acme', 'context.json'], io)).toBe(0);
    const token = /_giosg\("visitor","submit","([\w-]+\.[\w-]+\.[\w-]+)","HS256"/.exec(io.stdout.text)?.[1];
    expect(token).toBeDefined();
    expect(io.stdout.text).not.toContain(signingKey);
    const claims = await verifyGiosgToken(token as string, signingKey);
    expect(claims).toMatchObject({ ok: true, value: { username: 'Ada Lovelace' } });
  });

  it('reads the key from the variable --signing-key-env names', async () => {
    const io = streams({ env: { MY_GIOSG_KEY: signingKey } });
    expect(await runCli(['snippet', '--vendor', 'giosg', '--signed', '--signing-key-env', 'MY_GIOSG_KEY', 'context.json'], io)).toBe(0);
    expect(io.stdout.text).toMatch(/"HS256"/);
  });

  it('says which variable to set when it is missing', async () => {
    const io = streams();
    expect(await runCli(['snippet', '--vendor', 'giosg', '--signed', 'context.json'], io)).toBe(2);
    expect(io.stderr.text).toContain('--signed reads the giosg API signing key from the environment variable GIOSG_SIGNING_KEY, which is not set.');
  });

  it('refuses a key passed as an option, and --signed for other vendors', async () => {
    const keyed = streams({ env: { GIOSG_SIGNING_KEY: signingKey } });
    expect(await runCli(['snippet', '--vendor', 'giosg', '--signed', '--option', `key=${signingKey}`, 'context.json'], keyed)).toBe(2);
    expect(keyed.stderr.text).toContain('Never pass the signing key as an option');
    const other = streams({ env: { GIOSG_SIGNING_KEY: signingKey } });
    expect(await runCli(['snippet', '--vendor', 'imsupporting', '--signed', '--option', 'siteId=abc', 'context.json'], other)).toBe(2);
    expect(other.stderr.text).toContain('--signed is for giosg only');
  });

  it('reports a weak key as giosg does, without printing a snippet', async () => {
    const io = streams({ env: { GIOSG_SIGNING_KEY: 'short' } });
    expect(await runCli(['snippet', '--vendor', 'giosg', '--signed', 'context.json'], io)).toBe(1);
    expect(io.stdout.text).toBe('');
    expect(io.stderr.text).toContain('error weak_key at key');
  });
});

describe('prototype-named option names through the CLI', () => {
  it.each(['toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'])('reports --option %s=x as an unknown option, exit 2, without crashing', async (name) => {
    const io = streams();
    expect(await runCli(['snippet', '--vendor', 'imsupporting', '--option', 'siteId=abc', '--option', `${name}=x`, 'context.json'], io)).toBe(2);
    expect(io.stderr.text).toContain(`Unknown option "${name}".`);
    expect(io.stderr.text).not.toContain('adapter_failed');
  });

  it.each(['constructor', '__proto__', 'prototype'])('refuses --option %s.polluted:=true as an invalid option name', async (name) => {
    const io = streams();
    expect(await runCli(['snippet', '--vendor', 'imsupporting', '--option', `${name}.polluted:=true`, 'context.json'], io)).toBe(2);
    expect(io.stderr.text).toContain(`"${name}.polluted" is not a valid option name.`);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('every adapter refuses a hostile scriptUrl through the CLI', () => {
  const hostileUrls = ['d\tata:text/javascript,alert(1)', '\u0001data:text/javascript,alert(1)', '//cdn.example/x.js', 'http://cdn.example/x.js'];
  const vendors: [string, string[], string][] = [
    ['comm100', ['siteId:=10000', 'campaignId=abc'], 'scriptUrl'],
    ['comm100', ['siteId:=10000', 'campaignId=abc'], 'standbyScriptUrl'],
    ['genesys', ['deploymentId=d', 'environment=prod-euw1'], 'scriptUrl'],
    ['giosg', ['companyId=acme'], 'scriptUrl'],
    ['imsupporting', ['siteId=abc'], 'scriptUrl'],
    ['wxcc', ['widget.bindId=b', 'widget.guid=g'], 'widget.scriptUrl'],
  ];
  it.each(vendors)('%s (with %j) refuses hostile values of the %s option', async (vendor, required, option) => {
    for (const url of hostileUrls) {
      const io = streams();
      const args = ['snippet', '--vendor', vendor, ...required.flatMap((assignment) => ['--option', assignment]), '--option', `${option}=${url}`, 'context.json'];
      expect(await runCli(args, io), `${vendor} ${JSON.stringify(url)}`).toBe(1);
      expect(io.stdout.text).toBe('');
      expect(io.stderr.text).toContain('invalid_html_input');
    }
  });
});
