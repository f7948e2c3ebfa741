// Vercel's Edge Runtime (the `edge-runtime` package): the suite bundled as one script with the `edge-light`
// condition, evaluated in an EdgeVM, whose globals are only the web APIs the Edge Runtime offers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EdgeRuntime } from 'edge-runtime';
import { bundleSuite } from '../host/bundle-suite.mjs';
import { packageFolder } from './run-command.mjs';

export const edgeRuntime = {
  id: 'edge',
  label: 'Edge Runtime',
  async run() {
    const runtime = new EdgeRuntime({ initialCode: readFileSync(await bundleSuite('edge'), 'utf8') });
    const text = await runtime.evaluate('globalThis.runtimeMatrixResults');
    const version = JSON.parse(readFileSync(join(packageFolder('edge-runtime'), 'package.json'), 'utf8')).version;
    return { version: `edge-runtime ${version}`, results: JSON.parse(text) };
  },
};
