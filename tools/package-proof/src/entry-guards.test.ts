import { readFile } from 'node:fs/promises';
import { build, type Message } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { listPublishablePackages } from './pack-packages.js';

/**
 * Entry guards: a package's `./server` entry (signing secrets, server-only APIs) carries a `browser` export
 * condition pointing at a guard module, so bundling it for a page fails the build with a message saying what to
 * import instead, while server builds resolve the real entry. Every `./server` of every published package is
 * checked, so a new one without a guard fails here.
 */

interface ServerEntry {
  readonly specifier: string;
  readonly folder: string;
  readonly conditions: Record<string, unknown>;
}

let serverEntries: ServerEntry[] = [];

/** Conditions only server runtimes set, which they combine with `browser`: these may come before the guard. */
const serverRuntimeConditions = ['workerd', 'edge-light'];

beforeAll(async () => {
  for (const item of await listPublishablePackages()) {
    const manifest = JSON.parse(await readFile(`${item.folder}/package.json`, 'utf8')) as { exports?: Record<string, unknown> };
    for (const [subpath, conditions] of Object.entries(manifest.exports ?? {})) {
      if (!/(^|\/)server$/.test(subpath)) continue;
      serverEntries.push({ specifier: `${item.name}${subpath.slice(1)}`, folder: item.folder, conditions: conditions as Record<string, unknown> });
    }
  }
  serverEntries = serverEntries.sort((a, b) => a.specifier.localeCompare(b.specifier));
});

/** Bundles a one-line program using `specifier` from inside its own package (self-reference, as a user's would). */
async function bundle(
  entry: ServerEntry,
  platform: 'browser' | 'node',
  syntax: 'import' | 'require',
  conditions?: readonly string[],
): Promise<Message[]> {
  const contents =
    syntax === 'import' ? `import * as server from '${entry.specifier}';\nconsole.log(server);\n` : `console.log(require('${entry.specifier}'));\n`;
  try {
    await build({
      stdin: { contents, resolveDir: entry.folder, loader: 'js' },
      bundle: true,
      write: false,
      platform,
      format: 'esm',
      logLevel: 'silent',
      ...(conditions === undefined ? {} : { conditions: [...conditions] }),
    });
    return [];
  } catch (error) {
    return (error as { errors?: Message[] }).errors ?? [{ text: String(error) } as Message];
  }
}

describe('server-only entries', () => {
  it('exist: giosg signs on the server with ./server', () => {
    expect(serverEntries.map((entry) => entry.specifier)).toContain('@visitor-context/giosg/server');
  });

  it('put the browser condition before every general one; only server runtimes that also match browser come first', () => {
    for (const entry of serverEntries) {
      const keys = Object.keys(entry.conditions);
      expect(keys.slice(0, keys.indexOf('browser')), entry.specifier).toEqual(serverRuntimeConditions.filter((key) => keys.includes(key)));
      expect(entry.conditions.browser, entry.specifier).toMatch(/^\.\/entry-guards\/.+\.browser\.js$/);
    }
  });

  // Cloudflare's wrangler resolves with workerd/worker/browser and Vercel's edge bundler with edge-light/worker/browser:
  // those are servers, so they must get the real entry. A web worker (worker/browser) is a page and must not.
  it.each([
    ['Cloudflare Workers', ['workerd', 'worker', 'browser']],
    ['the Vercel Edge Runtime', ['edge-light', 'worker', 'browser']],
  ] as const)('still bundle for %s', async (_name, conditions) => {
    for (const entry of serverEntries) expect(await bundle(entry, 'browser', 'import', conditions), entry.specifier).toEqual([]);
  });

  it('fail a web worker build (worker and browser conditions) like a page build', async () => {
    for (const entry of serverEntries) {
      const errors = await bundle(entry, 'browser', 'import', ['worker', 'browser']);
      expect(errors.map((error) => error.text).join('\n'), entry.specifier).toContain(`SERVER-ONLY: ${entry.specifier} `);
    }
  });

  it.each(['import', 'require'] as const)('fail a browser build (%s) with a message naming the entry and what to use instead', async (syntax) => {
    for (const entry of serverEntries) {
      const errors = await bundle(entry, 'browser', syntax);
      const text = errors.map((error) => error.text).join('\n');
      expect(text, `${entry.specifier} must not bundle for a browser`).toContain(`SERVER-ONLY: ${entry.specifier} `);
      expect(text).toMatch(/cannot be bundled for a browser\. Import it in server code; in the page use @visitor-context\/[a-z0-9-]+\/browser\./);
    }
  });

  it.each(['import', 'require'] as const)('still bundle for a server (%s)', async (syntax) => {
    for (const entry of serverEntries) expect(await bundle(entry, 'node', syntax), entry.specifier).toEqual([]);
  });
});
