import { createRequire } from 'node:module';
import { runInlineScripts } from '@visitor-context/testkit';
import { describe, expect, it } from 'vitest';

/**
 * The snippet embeds the session driver as its own source text, so a build step that rewrote the function
 * (minified names, injected helpers) would break it only in the published files. Run the built ones (the test
 * task builds first).
 */
describe('the built package renders a working snippet', () => {
  const require = createRequire(import.meta.url);
  const builds: [string, () => Promise<{ renderWxccSnippet: typeof import('./index.js').renderWxccSnippet }>][] = [
    ['ESM', () => import('../dist/index.js' as string)],
    ['CommonJS', async () => require('../dist/index.cjs')],
  ];
  for (const [format, load] of builds) {
    it(`${format}`, async () => {
      const { renderWxccSnippet } = await load();
      const rendered = renderWxccSnippet({ visitor: { name: 'Ada' }, attributes: { plan: 'pro' } });
      const received: unknown[] = [];
      runInlineScripts(rendered.ok ? rendered.value : '', {
        setTimeout: () => 0,
        clearTimeout: () => undefined,
        setInterval: () => 0,
        clearInterval: () => undefined,
        imichatwidget: {
          on: (_name: string, handler: (appId: string) => void) => handler('app'),
          init: (json: string, callback: (status: string) => void) => {
            received.push(json);
            callback('success');
          },
          update: () => undefined,
        },
      });
      expect(received).toEqual(['{"custom_chat_fields":{"name":"Ada","plan":"pro"}}']);
    });
  }
});
