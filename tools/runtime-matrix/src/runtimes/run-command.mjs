// Runs a runtime binary on the suite's file entry and reads the results line it prints.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { packageDir } from '../host/paths.mjs';

const marker = '@@runtime-matrix-results@@';
const requireHere = createRequire(join(packageDir, 'package.json'));

/** The folder of an installed package, resolved from `from` (a package of this one, or this one). */
export function packageFolder(name, from) {
  const resolver = from === undefined ? requireHere : createRequire(requireHere.resolve(`${from}/package.json`));
  return dirname(resolver.resolve(`${name}/package.json`));
}

/** Runs `command args…` in this package's folder; resolves with its stdout, rejects with its stderr. */
export function runCommand(command, args, { env = {}, timeoutMs = 180_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: packageDir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    // Decode as one UTF-8 stream: a chunk may end inside a multi-byte character, which per-chunk decoding turns into U+FFFD.
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else reject(new Error(`${command} exited with ${signal ?? code}: ${stderr.slice(-2000) || stdout.slice(-2000)}`));
    });
  });
}

/** The results a file entry printed after the marker. */
export function readResults(stdout) {
  const line = stdout.split('\n').find((text) => text.startsWith(marker));
  if (line === undefined) throw new Error(`the suite printed no results: ${stdout.slice(-1000)}`);
  return JSON.parse(line.slice(marker.length));
}

/** The suite's file entry, run by Node, Bun and Deno. */
export const fileEntry = 'src/entries/print-results.mjs';
