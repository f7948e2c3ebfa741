import { describe, expect, it } from 'vitest';
import { measureBundle } from './measure-bundle.js';

/**
 * A page that takes one small helper from core must not carry core's other top-level values: every adapter's
 * apply bundle imports `waitFor` (or another helper) from core within a 1.5 KB budget. A constant written as
 * `32 * 1024` once kept both default-limit objects in every such bundle, because esbuild did not drop them.
 */
describe("core's unused values stay out of browser bundles", () => {
  it('ships only waitFor when a page imports only waitFor', async () => {
    const measure = await measureBundle(`import { waitFor } from '@visitor-context/core';\nexport const wait = waitFor;\n`);
    expect(measure.code).toContain('setInterval');
    for (const unused of ['maxStringLength', 'maxTotalBytes', 'maxAttributes', 'maxBytes', 'zod']) expect(measure.code).not.toContain(unused);
    expect(measure.inputs.map((input) => input.source)).toEqual(['@visitor-context/core/dist/index.js', 'page code (entry)']);
  });
});
