import { describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { runCommandLine } from '../src/run-cli.js';
import { streams } from './in-process-streams.js';

const genesysEnv = { GENESYSCLOUD_REGION: 'mypurecloud.ie', GENESYSCLOUD_OAUTHCLIENT_ID: 'client-id-1', GENESYSCLOUD_OAUTHCLIENT_SECRET: 'genesys-secret-value' };
const conversationId = '3f2c9a0e-6a1b-4c8e-9d7f-1a2b3c4d5e6f';

describe('push: credentials come from the environment only', () => {
  it('names every missing variable, for each vendor, exit 2', async () => {
    const genesys = streams();
    expect(await runCli(['push', 'genesys', '--conversation-id', conversationId, 'context.json'], genesys)).toBe(2);
    expect(genesys.stderr.text).toContain(
      'push genesys reads its credentials from environment variables only, and these are not set: GENESYSCLOUD_REGION (the Genesys Cloud region, e.g. mypurecloud.ie or eu-west-1), GENESYSCLOUD_OAUTHCLIENT_ID (the OAuth client id), GENESYSCLOUD_OAUTHCLIENT_SECRET (the OAuth client secret).',
    );
    const giosg = streams({ env: { GIOSG_API_TOKEN: 'giosg-token-value' } });
    expect(await runCli(['push', 'giosg', '--room-id', 'r', '--visitor-id', 'v', '--json', 'context.json'], giosg)).toBe(2);
    expect(JSON.parse(giosg.stderr.text)).toMatchObject({
      ok: false,
      exitStatus: 2,
      diagnostics: [{ code: 'missing_credentials', stage: 'arguments', message: expect.stringContaining('this one is not set: GIOSG_ORGANIZATION_ID') }],
    });
    expect(giosg.stderr.text).not.toContain('giosg-token-value');
  });

  it('does not need GENESYSCLOUD_REGION when both base URLs are given', async () => {
    const io = streams({ env: { GENESYSCLOUD_OAUTHCLIENT_ID: 'id' } });
    const args = ['push', 'genesys', '--conversation-id', conversationId, '--api-base-url', 'http://127.0.0.1:9', '--login-base-url', 'http://127.0.0.1:9', 'context.json'];
    expect(await runCli(args, io)).toBe(2);
    expect(io.stderr.text).toContain('this one is not set: GENESYSCLOUD_OAUTHCLIENT_SECRET');
  });

  it.each([
    [['push', 'genesys', '--conversation-id', conversationId, '--client-secret', 'hunter2-secret'], 'Never pass the OAuth client secret as a flag', 'GENESYSCLOUD_OAUTHCLIENT_SECRET'],
    [['push', 'genesys', '--client-secret=hunter2-secret', '--conversation-id', conversationId], 'Never pass the OAuth client secret as a flag', 'GENESYSCLOUD_OAUTHCLIENT_SECRET'],
    [['push', 'genesys', '--region', 'eu-west-1'], '--region is not a flag: push reads every credential', 'GENESYSCLOUD_REGION'],
    [['push', 'giosg', '--room-id', 'r', '--visitor-id', 'v', '--api-token', 'hunter2-secret'], 'Never pass the giosg API token as a flag', 'GIOSG_API_TOKEN'],
    [['push', 'giosg', '--token=hunter2-secret'], 'Never pass credentials as flags (--token)', 'GIOSG_API_TOKEN, GIOSG_ORGANIZATION_ID'],
  ])('refuses %j, says why and which variable to set, and never repeats the value', async (args, why, variable) => {
    const io = streams({ env: genesysEnv });
    expect(await runCli(args, io)).toBe(2);
    expect(io.stderr.text).toContain(why);
    expect(io.stderr.text).toContain(variable);
    if (why.startsWith('Never')) expect(io.stderr.text).toContain('shell history');
    expect(io.stderr.text + io.stdout.text).not.toContain('hunter2');
  });

  it('refuses them with --json as credential_in_arguments', async () => {
    const io = streams();
    expect(await runCli(['push', 'giosg', '--api-token', 'hunter2-secret', '--json'], io)).toBe(2);
    expect(JSON.parse(io.stderr.text)).toMatchObject({ diagnostics: [{ code: 'credential_in_arguments' }] });
  });
});

describe('push: arguments', () => {
  it('refuses plain http to another machine, where the credentials would travel unencrypted', async () => {
    const io = streams({ env: { ...genesysEnv, GENESYSCLOUD_API_BASE_URL: 'http://api.example.com' } });
    expect(await runCli(['push', 'genesys', '--conversation-id', conversationId, 'context.json'], io)).toBe(2);
    expect(io.stderr.text).toContain('GENESYSCLOUD_API_BASE_URL must use https (credentials are sent to it)');
  });

  it('names the flag when the flag gives the base URL (it wins over the variable)', async () => {
    const io = streams({ env: { ...genesysEnv, GENESYSCLOUD_API_BASE_URL: 'https://api.example.com' } });
    expect(await runCli(['push', 'genesys', '--conversation-id', conversationId, '--api-base-url', 'not a url', 'context.json'], io)).toBe(2);
    expect(io.stderr.text).toContain('--api-base-url must be an absolute URL');
  });

  it('reports a setting the client refuses (an unknown region) as invalid_option, exit 2, before sending anything', async () => {
    const io = streams({ env: { ...genesysEnv, GENESYSCLOUD_REGION: 'moon-central-1' } });
    expect(await runCli(['push', 'genesys', '--conversation-id', conversationId, 'context.json'], io)).toBe(2);
    expect(io.stderr.text).toContain('The Genesys Cloud client refused its settings: ');
    expect(io.stderr.text).toContain('"moon-central-1" is no Genesys Cloud region');
    expect(io.stderr.text).not.toContain('genesys-secret-value');
  });

  it('takes the context from a file argument or --input, not both', async () => {
    const io = streams({ env: genesysEnv });
    expect(await runCli(['push', 'genesys', '--conversation-id', conversationId, '--input', 'context.json', 'other.json'], io)).toBe(2);
    expect(io.stderr.text).toContain('either as a file argument or with --input, not both');
  });

  it('requires the target ids, and suggests the nearest flag for a typo', async () => {
    const missing = streams({ env: genesysEnv });
    expect(await runCli(['push', 'giosg', '--room-id', 'r', 'context.json'], missing)).toBe(2);
    expect(missing.stderr.text).toContain("required option '--visitor-id <id>' not specified");
    const typo = streams({ env: genesysEnv });
    expect(await runCli(['push', 'genesys', '--conversaton-id', conversationId], typo)).toBe(2);
    expect(typo.stderr.text).toContain("unknown option '--conversaton-id' (did you mean --conversation-id?)");
  });
});

describe('push: output never carries a secret, whatever the adapter says (in process, with a stand-in adapter module)', () => {
  const run = async (pushFunction: (...args: unknown[]) => Promise<unknown>) => {
    const io = streams({ env: genesysEnv });
    const importer = async () => ({ createGenesysServerClient: () => ({}), pushGenesysParticipantAttributes: pushFunction });
    const status = await runCommandLine(['push', 'genesys', '--conversation-id', conversationId, '--json', 'context.json'], io, importer);
    return { status, text: io.stdout.text + io.stderr.text };
  };

  it('redacts a secret a vendor message echoes', async () => {
    const echoing = async () => ({ ok: false, diagnostics: [{ code: 'vendor_rejected', severity: 'error', path: [], message: 'Refused client genesys-secret-value.' }] });
    const { status, text } = await run(echoing);
    expect(status).toBe(1);
    expect(text).toContain('Refused client [redacted].');
    expect(text).not.toContain('genesys-secret-value');
  });

  it('reports a push function that throws (a bug) as adapter_failed, redacted too', async () => {
    const { status, text } = await run(async () => {
      throw new Error('boom with genesys-secret-value');
    });
    expect(status).toBe(1);
    expect(JSON.parse(text).diagnostics).toEqual([expect.objectContaining({ code: 'adapter_failed', message: expect.stringContaining('boom with [redacted]') })]);
  });
});
