// The runtimes the matrix proves, in the order the README's table lists them.
import { bunRuntime } from './bun-runtime.mjs';
import { chromiumRuntime } from './chromium-runtime.mjs';
import { denoRuntime } from './deno-runtime.mjs';
import { edgeRuntime } from './edge-runtime.mjs';
import { nodeRuntimes } from './node-runtimes.mjs';
import { workerdRuntime } from './workerd-runtime.mjs';

export const runtimes = [...nodeRuntimes, bunRuntime, denoRuntime, workerdRuntime, edgeRuntime, chromiumRuntime];
