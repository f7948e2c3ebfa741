#!/usr/bin/env node
import { runCli } from './index.js';

// `visitor-context … | head` closes stdout early; that is the reader's choice, not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// exitCode rather than process.exit(), so buffered output to pipes is flushed first.
process.exitCode = await runCli(process.argv.slice(2));
