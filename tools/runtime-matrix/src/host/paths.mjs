// Where the matrix reads and writes, relative to this package.
import { fileURLToPath } from 'node:url';

export const packageDir = fileURLToPath(new URL('../../', import.meta.url));
export const repositoryDir = fileURLToPath(new URL('../../../../', import.meta.url));
/** Generated per run (plan, entry loaders, bundles); ignored by git. */
export const generatedDir = fileURLToPath(new URL('../../.generated/', import.meta.url));
/** Runtime caches kept between runs (Deno's module cache); ignored by git. */
export const cacheDir = fileURLToPath(new URL('../../.cache/', import.meta.url));
export const reportDir = fileURLToPath(new URL('../../test-results/', import.meta.url));
export const readmePath = fileURLToPath(new URL('../../../../README.md', import.meta.url));
