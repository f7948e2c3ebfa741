import type { Result, VisitorContext } from '@visitor-context/core';
import { describe, expect, it } from 'vitest';
import { adapterIds, adapterProofs, type AdapterId } from './adapter-proofs.js';
import { sampleContexts } from './sample-contexts.js';

/**
 * The browser entries translate without zod (core's `createContextTranslator`) so pages stay small; on valid
 * contexts they must give exactly what the adapter's `toVendor` gives, warnings included, and refuse the
 * same hostile input.
 */

type Translate = (context: VisitorContext) => Result<unknown>;

async function translators(id: AdapterId): Promise<{ server: Translate; browser: Translate }> {
  const { instance, translateContext } = adapterProofs[id];
  const server = ((await import(`@visitor-context/${id}`)) as Record<string, { toVendor: Translate } | undefined>)[instance];
  const browser = ((await import(`@visitor-context/${id}/browser`)) as Record<string, Translate | undefined>)[translateContext];
  if (server === undefined || browser === undefined) throw new Error(`@visitor-context/${id} lacks ${instance} or ./browser's ${translateContext}`);
  return { server: (context) => server.toVendor(context), browser };
}

const errorCodes = (result: Result<unknown>): string[] => result.diagnostics.filter((item) => item.severity === 'error').map((item) => item.code);

describe.each(adapterIds.map((id) => [id]))('@visitor-context/%s/browser translation', (id: AdapterId) => {
  it.each(Object.entries(sampleContexts).filter(([name]) => name !== 'hostile'))('matches toVendor on the %s context', async (_name, context) => {
    const { server, browser } = await translators(id);
    const expected = server(context);
    expect(expected.ok).toBe(true);
    expect(browser(context)).toEqual(expected);
  });

  it('refuses prototype-pollution keys like toVendor', async () => {
    const { server, browser } = await translators(id);
    const expected = server(sampleContexts.hostile);
    expect(expected.ok).toBe(false);
    expect(errorCodes(browser(sampleContexts.hostile))).toEqual(errorCodes(expected));
  });
});
