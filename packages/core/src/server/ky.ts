import * as kyModule from 'ky';

type Ky = typeof kyModule.default;

/**
 * ky's default export, in both builds. ky is ESM-only; the CJS build loads it with `require()` (require(esm),
 * Node 20.19+), and esbuild's Node-style interop then hands over the whole module namespace as `default`, so the
 * function is one level further down there. Keeping ky external (rather than bundling it into the CJS file)
 * leaves one copy of it installed and its license with it.
 */
export const ky: Ky =
  typeof kyModule.default === 'function' ? kyModule.default : (kyModule.default as unknown as { readonly default: Ky }).default;

export { HTTPError, TimeoutError } from 'ky';
