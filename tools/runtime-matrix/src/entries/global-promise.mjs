// The suite's entry for script-only hosts (Vercel's Edge Runtime, a browser page): starts the run and leaves
// the promise of its JSON text on globalThis for the host to await.
import plan from '../../.generated/plan.mjs';
import entryLoaders from '../../.generated/entry-loaders.mjs';
import { runSmokeSuite } from '../suite/run-smoke-suite.mjs';

globalThis.runtimeMatrixResults = runSmokeSuite(plan, entryLoaders).then((results) => JSON.stringify(results));
