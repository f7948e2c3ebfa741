// The suite's entry for workerd: a module worker that answers any request with the results.
import plan from '../../.generated/plan.mjs';
import entryLoaders from '../../.generated/entry-loaders.mjs';
import { runSmokeSuite } from '../suite/run-smoke-suite.mjs';

export default {
  async fetch() {
    return new Response(JSON.stringify(await runSmokeSuite(plan, entryLoaders)), { headers: { 'content-type': 'application/json' } });
  },
};
