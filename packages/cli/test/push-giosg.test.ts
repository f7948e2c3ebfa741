import { readFileSync } from 'node:fs';
import { giosgAdapter } from '@visitor-context/giosg';
import { createGiosgApiRoute, giosgApiResponses, startHttpStandIn, type HttpStandIn } from '@visitor-context/testkit/http-stand-in';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorsOf, runPush, type PushOutcome, type PushRun } from './run-push.js';

const apiToken = 'cli-test-giosg-api-token-7c2e';
const organizationId = 'cli-test-organization';
const roomId = 'room-1';
const visitorId = 'visitor-1';
const contextText = readFileSync(new URL('fixtures/context.json', import.meta.url), 'utf8');
const variablesPath = `/api/v5/orgs/${organizationId}/rooms/${roomId}/visitors/${visitorId}/variables`;

/** The `{ key, value }` bodies giosg must receive: the adapter's visitor data, one variable per request, values as text. */
function expectedVariables(text = contextText): { key: string; value: string }[] {
  const translated = giosgAdapter.toVendor(JSON.parse(text));
  if (!translated.ok) throw new Error('the fixture does not translate');
  return Object.entries(translated.value.visitorData as Record<string, unknown>).map(([key, value]) => ({
    key,
    value: typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value),
  }));
}

let standIn: HttpStandIn;
let api: ReturnType<typeof createGiosgApiRoute>;

beforeAll(async () => {
  api = createGiosgApiRoute({ apiToken, organizationId, roomIds: [roomId], visitorIds: [visitorId] });
  standIn = await startHttpStandIn(api.route);
});
afterAll(() => standIn?.close());

/** Runs `push giosg` against the stand-in with only the credential variables set (see runPush). */
function push(args: readonly string[], run: PushRun = {}): Promise<PushOutcome> {
  const env = { GIOSG_API_TOKEN: apiToken, GIOSG_ORGANIZATION_ID: organizationId, GIOSG_API_BASE_URL: standIn.url };
  // The API token never reaches the output.
  return runPush('giosg', args, { standIn, env, secrets: () => [apiToken] }, run);
}

describe('push giosg against a giosg API stand-in on 127.0.0.1 (the built binary; failure modes in process)', () => {
  it('POSTs each of the adapter\'s variables with the API token, and prints the receipt', async () => {
    const { status, stdout, stderr, sent } = await push(['--room-id', roomId, '--visitor-id', visitorId, '--input', 'fixtures/context.json']);
    expect(status).toBe(0);
    expect(sent.map((request) => `${request.method} ${request.path}`)).toEqual(expectedVariables().map(() => `POST ${variablesPath}`));
    expect(sent.map((request) => request.json)).toEqual(expectedVariables());
    for (const request of sent) {
      expect(request.headers['authorization']).toBe(`Token ${apiToken}`);
      expect(request.headers['content-type']).toMatch(/^application\/json/);
    }
    expect(api.variables(roomId, visitorId).map(({ key, value }) => ({ key, value }))).toEqual(expectedVariables());
    expect(JSON.parse(stdout)).toEqual({
      organizationId,
      roomId,
      visitorId,
      variables: expectedVariables().map(({ key }) => ({ key, status: 201, attempts: 1 })),
    });
    // Only the translation's warnings (numbers sent as text), tagged with the push step.
    expect(stderr).not.toMatch(/^error/m);
    expect(stderr).toMatch(/^warning value_coerced at seats \(push\): /m);
  });

  it('reads standard input ("-") and says which variables were not written when giosg refuses the token', async () => {
    const context = JSON.stringify({ visitor: { name: 'Grace Hopper', email: 'grace@example.com' } });
    standIn.respondNext(giosgApiResponses.unauthorized());
    const { status, stdout, stderr, sent } = await push(['--room-id', roomId, '--visitor-id', visitorId, '--json', '-'], { stdin: context });
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(sent.map((request) => request.json)).toEqual(expectedVariables(context).slice(0, 1));
    const errors = errorsOf(stderr);
    expect(errors[0]).toMatchObject({ code: 'unauthorized', stage: 'push', status: 401, attempts: 1 });
    expect(errors.slice(1).map((item) => item.code)).toEqual(expectedVariables(context).map(() => 'not_applied'));
  });

  it('reports an unknown room as not_found, in text', async () => {
    const { status, stderr, sent } = await push(['--room-id', 'no-such-room', '--visitor-id', visitorId, 'fixtures/context.json'], { inProcess: true });
    expect(status).toBe(1);
    expect(sent).toHaveLength(1);
    expect(stderr).toMatch(/^error not_found at \(root\) \(push\): .*HTTP 404/m);
  });

  it('waits out a 429 as Retry-After says (0 s here) and goes on', async () => {
    standIn.respondNext(giosgApiResponses.rateLimited(0));
    const { status, sent } = await push(['--room-id', roomId, '--visitor-id', visitorId, '--retries', '1', 'fixtures/context.json'], { inProcess: true });
    expect(status).toBe(0);
    expect(sent.map((request) => request.json)).toEqual([expectedVariables()[0], ...expectedVariables()]);
  });

  it('refuses an id that is not one path segment before sending anything (exit 2)', async () => {
    const { status, stderr, sent } = await push(['--room-id', '../../users', '--visitor-id', visitorId, 'fixtures/context.json'], { inProcess: true });
    expect(status).toBe(2);
    expect(sent).toEqual([]);
    expect(stderr).toMatch(/^error invalid_option at roomId \(push\): /m);
  });
});
