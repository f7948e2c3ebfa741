import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** The process's resident memory now and at its peak (VmRSS, VmHWM from /proc), in bytes. */
  memory(): { rss: number; peak: number };
  stop(): Promise<void>;
}

/** Runs the built app (`node dist/main.js`) in its own process, on a free port, and waits for its URL. */
export function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, [main], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match === null) return;
      child.stdout!.off('data', onData);
      resolve({
        url: match[1]!,
        child,
        memory: () => {
          const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
          const kilobytes = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
          return { rss: kilobytes('VmRSS'), peak: kilobytes('VmHWM') };
        },
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the app exited (${code}) before listening:\n${output}`)));
  });
}

/** Runs the built app to completion (for start-up errors): its exit code and what it printed. */
export function runServerProcess(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [main], { env: { ...process.env, HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  return new Promise((resolve) =>
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

/**
 * Streams `totalBytes` as a chunked body (no Content-Length), 64 KiB at a time and only as fast as the server
 * reads, and stops as soon as the server answers. Returns the status and how many bytes were written.
 */
export function postChunked(
  url: string,
  contentType: string,
  totalBytes: number,
  headers: Readonly<Record<string, string>> = {},
): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    let answered = false;
    const outgoing = request(url, { method: 'POST', headers: { ...headers, 'content-type': contentType, 'transfer-encoding': 'chunked' } }, (response) => {
      answered = true;
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (text: string) => (body += text));
      response.on('end', () => {
        outgoing.destroy();
        resolve({ status: response.statusCode ?? 0, body, sent });
      });
    });
    outgoing.on('error', (error) => {
      if (!answered) reject(error);
    });
    // One chunk per turn of the event loop, so a response the server sends early is seen before the next write
    // (a client that keeps writing into a closed connection gets EPIPE instead of the answer).
    const write = (): void => {
      if (answered) return;
      if (sent >= totalBytes) return void outgoing.end();
      sent += chunk.length;
      if (outgoing.write(chunk)) setImmediate(write);
      else outgoing.once('drain', write);
    };
    write();
  });
}
