import { readFileSync } from 'node:fs';
import { genesysAdapter } from '@visitor-context/genesys';
import { createGenesysApiRoutes, genesysErrorResponse, startHttpStandIn, type HttpStandIn, type RecordedRequest, type StandInResponse } from '@visitor-context/testkit/http-stand-in';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReport } from './run-binary.js';
import { errorsOf, runPush, type PushOutcome, type PushRun } from './run-push.js';

const clientId = 'cli-test-client-id';
const clientSecret = 'cli-test-client-secret-5f1d9c';
const conversationId = '3f2c9a0e-6a1b-4c8e-9d7f-1a2b3c4d5e6f';
const customerId = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
const agentId = '0b7e9d10-2f3a-4c5d-8e9f-a0b1c2d3e4f5';
const contextText = readFileSync(new URL('fixtures/context.json', import.meta.url), 'utf8');

/** The attributes Genesys must receive for the fixture: the adapter's own attributes translation. */
function expectedAttributes(text = contextText): Record<string, string> {
  const translated = genesysAdapter.toVendor(JSON.parse(text), { channel: 'attributes' });
  if (!translated.ok || translated.value.channel !== 'attributes') throw new Error('the fixture does not translate');
  return translated.value.customAttributes;
}

let standIn: HttpStandIn;
let routes: ReturnType<typeof createGenesysApiRoutes>;
/** Answers for the next PATCH requests, before the documented route (the token and GET still go to the route). */
const patchAnswers: StandInResponse[] = [];

beforeAll(async () => {
  routes = createGenesysApiRoutes({ clientId, clientSecret, conversations: [{ id: conversationId, participants: [{ id: agentId, purpose: 'agent' }, { id: customerId, purpose: 'customer' }] }] });
  standIn = await startHttpStandIn((request) => (request.method === 'PATCH' ? (patchAnswers.shift() ?? routes.route(request)) : routes.route(request)));
});
afterAll(() => standIn?.close());

/** Runs `push genesys` against the stand-in with only the credential variables set (see runPush). */
function push(args: readonly string[], run: PushRun = {}): Promise<PushOutcome> {
  const env = {
    GENESYSCLOUD_OAUTHCLIENT_ID: clientId,
    GENESYSCLOUD_OAUTHCLIENT_SECRET: clientSecret,
    GENESYSCLOUD_API_BASE_URL: standIn.url,
    GENESYSCLOUD_LOGIN_BASE_URL: standIn.url,
  };
  // No credential and no access token ever reaches the output.
  return runPush('genesys', args, { standIn, env, secrets: () => [clientSecret, ...routes.issuedTokens] }, run);
}

const basic = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;

describe('push genesys against a Genesys API stand-in on 127.0.0.1 (the main path and wrong credentials through the built binary; the rest in process)', () => {
  it('gets a token, finds the customer participant and PATCHes exactly the adapter\'s attributes; prints the receipt', async () => {
    const { status, stdout, stderr, sent } = await push(['--conversation-id', conversationId, '--input', 'fixtures/context.json']);
    expect(status).toBe(0);
    // The translation's warnings (a number sent as a string), as toVendor reports them, tagged with the push step.
    const warnings = genesysAdapter.toVendor(JSON.parse(contextText), { channel: 'attributes' }).diagnostics;
    expect(warnings.length).toBeGreaterThan(0);
    expect(stderr.trim().split('\n')).toHaveLength(warnings.length);
    for (const warning of warnings) expect(stderr).toContain(`warning ${warning.code} at ${warning.path.join('.')} (push): ${warning.message}`);
    expect(sent.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /oauth/token',
      `GET /api/v2/conversations/${conversationId}`,
      `PATCH /api/v2/conversations/${conversationId}/participants/${customerId}/attributes`,
    ]);
    const [token, conversation, update] = sent as [RecordedRequest, RecordedRequest, RecordedRequest];
    expect(token.headers['authorization']).toBe(basic);
    expect(new URLSearchParams(token.bodyText).get('grant_type')).toBe('client_credentials');
    const bearer = `Bearer ${routes.issuedTokens.at(-1)}`;
    expect(conversation.headers['authorization']).toBe(bearer);
    expect(update.headers['authorization']).toBe(bearer);
    expect(update.headers['content-type']).toMatch(/^application\/json/);
    expect(update.json).toEqual({ attributes: expectedAttributes() });
    expect(JSON.parse(stdout)).toEqual({
      conversationId,
      participantId: customerId,
      participantSource: 'looked-up',
      attributes: expectedAttributes(),
      status: 202,
      requestId: expect.stringMatching(/^stand-in-/),
    });
    expect(routes.attributesOf(conversationId, customerId)).toMatchObject(expectedAttributes());
  });

  it('reads the context from standard input and writes to the given participant without looking it up', async () => {
    const context = JSON.stringify({ visitor: { name: 'Grace Hopper' } });
    const { status, stdout, sent } = await push(['--conversation-id', conversationId, '--participant-id', customerId, '--compact', '-'], { stdin: context, inProcess: true });
    expect(status).toBe(0);
    expect(sent.map((request) => request.method)).toEqual(['POST', 'PATCH']);
    expect(sent[1]!.json).toEqual({ attributes: expectedAttributes(context) });
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout)).toMatchObject({ participantId: customerId, participantSource: 'given' });
  });

  it('reports wrong credentials as unauthorized, exit 1, with the vendor status and attempts in --json, and never the secret', async () => {
    const { status, stdout, stderr, sent } = await push(['--conversation-id', conversationId, '--json', 'fixtures/context.json'], {
      env: { GENESYSCLOUD_OAUTHCLIENT_SECRET: 'a-wrong-secret-value' },
    });
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(sent.map((request) => request.path)).toEqual(['/oauth/token']);
    const report = parseReport(stderr);
    expect(report).toMatchObject({ ok: false, exitStatus: 1 });
    expect(errorsOf(stderr)).toEqual([expect.objectContaining({ code: 'unauthorized', stage: 'push', status: 400, attempts: 1 })]);
    expect(stderr).not.toContain('a-wrong-secret-value');
  });

  it('reports an unknown conversation as not_found with Genesys\' correlation id, in text', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const { status, stdout, stderr } = await push(['--conversation-id', unknown, 'fixtures/context.json'], { inProcess: true });
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^error not_found at \(root\) \(push\): .*HTTP 404, request id stand-in-\d+/m);
  });

  it('retries a 429 as Retry-After says and succeeds; without retries it stops with rate_limited', async () => {
    patchAnswers.push(genesysErrorResponse(429, { retryAfterSeconds: 0 }));
    const retried = await push(['--conversation-id', conversationId, '--participant-id', customerId, '--retries', '1', 'fixtures/context.json'], { inProcess: true });
    expect(retried.status).toBe(0);
    expect(retried.sent.map((request) => request.method)).toEqual(['POST', 'PATCH', 'PATCH']);
    expect(retried.sent[2]!.json).toEqual(retried.sent[1]!.json);

    patchAnswers.push(genesysErrorResponse(429, { retryAfterSeconds: 0 }));
    const limited = await push(['--conversation-id', conversationId, '--participant-id', customerId, '--retries', '0', '--json', 'fixtures/context.json'], { inProcess: true });
    expect(limited.status).toBe(1);
    expect(errorsOf(limited.stderr)).toEqual([expect.objectContaining({ code: 'rate_limited', status: 429, attempts: 1 })]);
  });

  it('gives up on a slow answer with timeout (--timeout-ms)', async () => {
    patchAnswers.push({ ...genesysErrorResponse(503), delayMs: 2_000 });
    const { status, stderr } = await push(['--conversation-id', conversationId, '--participant-id', customerId, '--timeout-ms', '100', '--retries', '0', '--json', 'fixtures/context.json'], { inProcess: true });
    expect(status).toBe(1);
    expect(errorsOf(stderr)).toEqual([expect.objectContaining({ code: 'timeout', attempts: 1 })]);
  });

  it('under --strict sends nothing when the translation would change something', async () => {
    const context = JSON.stringify({ visitor: { name: 'Ada' }, attributes: { seats: 12 } });
    const { status, stdout, stderr, sent } = await push(['--conversation-id', conversationId, '--participant-id', customerId, '--strict', '--json', '-'], { stdin: context, inProcess: true });
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(sent.filter((request) => request.method === 'PATCH')).toEqual([]);
    expect(errorsOf(stderr)).toEqual([expect.objectContaining({ code: 'value_coerced', path: ['attributes', 'seats'], stage: 'push' })]);
  });

  it('reports a network failure (nothing listening) as network_error', async () => {
    const closed = await startHttpStandIn(() => ({ status: 500 }));
    const url = closed.url;
    await closed.close();
    const { status, stderr } = await push(['--conversation-id', conversationId, '--retries', '0', '--json', 'fixtures/context.json'], {
      env: { GENESYSCLOUD_API_BASE_URL: url, GENESYSCLOUD_LOGIN_BASE_URL: url },
      inProcess: true,
    });
    expect(status).toBe(1);
    expect(errorsOf(stderr)).toEqual([expect.objectContaining({ code: 'network_error' })]);
  });
});
