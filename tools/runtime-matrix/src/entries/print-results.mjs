// The suite's entry for runtimes that run files (Node, Bun, Deno): runs it on the generated plan and prints
// the results as one JSON line after a marker. Plain ESM, no runtime-specific API.
import plan from '../../.generated/plan.mjs';
import entryLoaders from '../../.generated/entry-loaders.mjs';
import { runSmokeSuite } from '../suite/run-smoke-suite.mjs';

const results = await runSmokeSuite(plan, entryLoaders);
console.log(`@@runtime-matrix-results@@${JSON.stringify(results)}`);
