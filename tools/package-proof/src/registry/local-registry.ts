import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A throwaway Verdaccio on 127.0.0.1, standing in for a team's private registry: `@visitor-context/*` lives
 * only here (never looked up upstream), everything else is proxied from the npm registry.
 */
export interface LocalRegistry {
  /** `http://127.0.0.1:<port>/`. */
  readonly url: string;
  /** A publish token for the registry's one user. */
  readonly token: string;
  /** The Verdaccio process id. */
  readonly pid: number;
  /** The `.npmrc` line that authenticates against this registry, as npm expects it. */
  authLine(token: string): string;
  /** Stops the registry by its process id and waits until it has exited. Safe to call twice. */
  stop(): Promise<void>;
}

const verdaccioBin = createRequire(import.meta.url).resolve('verdaccio/bin/verdaccio');

/** A port the system says is free now. Verdaccio binds it a moment later; a lost race is retried. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function config(folder: string): string {
  return `storage: ${JSON.stringify(path.join(folder, 'storage'))}
auth:
  htpasswd:
    file: ${JSON.stringify(path.join(folder, 'htpasswd'))}
uplinks:
  npmjs:
    url: https://registry.npmjs.org/
    timeout: 60s
    # On a loaded machine an uplink request can time out; by default two failures take the uplink offline for
    # five minutes and every later install of zod or jose then gets a 404. Tolerate failures, retry soon.
    max_fails: 20
    fail_timeout: 5s
    maxage: 30m
packages:
  '@visitor-context/*':
    access: $all
    publish: $authenticated
  '**':
    access: $all
    publish: $authenticated
    proxy: npmjs
web:
  enable: false
log: { type: stdout, format: pretty, level: warn }
`;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

async function waitUntilReady(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Verdaccio exited with ${child.exitCode}:\n${readFileSync(logFile, 'utf8')}`);
    try {
      if ((await fetch(`${url}-/ping`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`Verdaccio did not answer on ${url} within 60 s:\n${readFileSync(logFile, 'utf8')}`);
}

/** Creates the registry's user over the CouchDB user API npm itself uses, and returns its token. */
async function createUser(url: string): Promise<string> {
  const response = await fetch(`${url}-/user/org.couchdb.user:release-proof`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'release-proof', password: `proof-${process.pid}-${Date.now()}` }),
  });
  const body = (await response.json()) as { token?: unknown };
  if (!response.ok || typeof body.token !== 'string') throw new Error(`creating the registry user failed: ${response.status} ${JSON.stringify(body)}`);
  return body.token;
}

/** Starts Verdaccio with its config, storage and log in `folder` on a random free port, and creates a user. */
export async function startLocalRegistry(folder: string): Promise<LocalRegistry> {
  await mkdir(folder, { recursive: true });
  const configFile = path.join(folder, 'config.yaml');
  await writeFile(configFile, config(folder));
  let lastError: unknown;
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    const logFile = path.join(folder, `verdaccio-${attempt}.log`);
    const log = openSync(logFile, 'w');
    const child = spawn(process.execPath, [verdaccioBin, '--config', configFile, '--listen', `127.0.0.1:${port}`], {
      stdio: ['ignore', log, log],
      env: { ...process.env, NODE_ENV: 'production' },
    });
    closeSync(log);
    // If this test process dies first, the registry must not outlive it.
    const killOnExit = (): void => void child.kill('SIGKILL');
    process.once('exit', killOnExit);
    const stop = async (): Promise<void> => {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const forced = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited(child);
      clearTimeout(forced);
    };
    try {
      await waitUntilReady(url, child, logFile);
      const token = await createUser(url);
      const pid = child.pid;
      if (pid === undefined) throw new Error('Verdaccio has no process id');
      const authLine = (value: string): string => `//127.0.0.1:${port}/:_authToken=${value}`;
      return { url, token, pid, authLine, stop };
    } catch (error) {
      lastError = error;
      await stop();
    }
  }
  throw lastError;
}
