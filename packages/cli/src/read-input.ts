import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Diagnostics, type Result } from '@visitor-context/core';
import type { CliWritable } from './cli-io.js';
import { CliUsageError } from './cli-usage-error.js';

/** The default largest input the command reads: 1 MiB. Adapters apply their own, smaller limits after that. */
export const defaultMaxInputBytes = 1024 * 1024;

/** Where the command reads its input from. */
export interface InputSource {
  /** A file path, `-` or undefined for standard input. */
  readonly file: string | undefined;
  /** The directory relative paths are resolved against. */
  readonly cwd: string;
  /** Standard input. */
  readonly stdin: AsyncIterable<Uint8Array | string>;
  /** Largest accepted input in bytes. */
  readonly maxBytes: number;
  /** Where to say that the command waits for typed input, when standard input is a terminal. */
  readonly stderr: CliWritable;
}

/**
 * Reads the whole input as UTF-8 text, stopping as soon as it exceeds `maxBytes`, so a huge or endless
 * stream never fills memory. Too much data and invalid UTF-8 are input errors (exit 1); a file that cannot
 * be opened is a usage error (exit 2).
 */
export async function readInput(source: InputSource): Promise<Result<string>> {
  const fromStdin = source.file === undefined || source.file === '-';
  const name = fromStdin ? 'standard input' : (source.file as string);
  const path = fromStdin ? undefined : resolve(source.cwd, source.file as string);
  if (path !== undefined) await assertReadableFile(path, name);
  if (fromStdin && (source.stdin as { isTTY?: unknown }).isTTY === true) {
    // Otherwise a forgotten file name looks like a hang.
    source.stderr.write('Reading JSON from standard input; end it with Ctrl-D (or pass a file name).\n');
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const stream = path === undefined ? source.stdin : createReadStream(path);
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      total += bytes.byteLength;
      if (total > source.maxBytes) {
        return failure(
          'too_large',
          `The input (${name}) is larger than ${source.maxBytes} bytes. Send less data, or raise the limit with --max-input-bytes.`,
        );
      }
      chunks.push(bytes);
    }
  } catch (error) {
    throw new CliUsageError('input_unreadable', `Cannot read ${name}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    // Stop reading a stream we left early (too large); harmless when it has ended.
    if ('destroy' in stream && typeof stream.destroy === 'function') stream.destroy();
  }
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(concat(chunks, total)), diagnostics: [] };
  } catch {
    return failure('invalid_utf8', `The input (${name}) is not valid UTF-8 text. Save the payload as UTF-8 JSON.`);
  }
}

async function assertReadableFile(path: string, name: string): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason = code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error);
    throw new CliUsageError('input_unreadable', `Cannot read ${name}: ${reason}.`);
  }
  if (isDirectory) throw new CliUsageError('input_unreadable', `Cannot read ${name}: it is a directory.`);
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function failure(code: string, message: string): Result<never> {
  const diagnostics = new Diagnostics();
  diagnostics.error(code, [], message);
  return diagnostics.toFailure();
}
