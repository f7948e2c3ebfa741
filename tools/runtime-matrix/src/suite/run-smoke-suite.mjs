// The runtime smoke suite: the same checks in every runtime, no test framework, web-standard globals only.
// It records what each public entry does (outcomes as plain JSON) and the few properties that must hold
// everywhere (no throw, no prototype pollution, snippets render, tokens verify). Whether an outcome is right is
// decided outside, by comparing it with the Node reference run of this same suite.
import { sampleContexts } from './sample-contexts.mjs';
import { checkEntries } from './check-entries.mjs';
import { checkCore } from './check-core.mjs';
import { checkAdapters } from './check-adapters.mjs';
import { checkRenderers } from './check-renderers.mjs';
import { checkSigning } from './check-signing.mjs';
import { checkWebhooks } from './check-webhooks.mjs';

/**
 * Runs every check and returns `{ checks }`, each `{ id, entry, outcome, problems, documented? }`.
 * `plan` comes from the host (packages, entries, fixtures, options); `entryLoaders` maps each entry
 * specifier to a function that imports it.
 */
export async function runSmokeSuite(plan, entryLoaders) {
  const checks = [];
  const suite = {
    plan,
    contexts: { ...sampleContexts, ...plan.fixtureContexts },
    add(check) {
      checks.push({ problems: [], ...check });
    },
  };
  const modules = await checkEntries(suite, entryLoaders);
  const started = Date.now();
  for (const step of [checkCore, checkAdapters, checkRenderers, checkSigning, checkWebhooks]) {
    try {
      await step(suite, modules);
    } catch (error) {
      suite.add({ id: `suite/${step.name}`, entry: '(suite)', outcome: {}, problems: [`the suite step threw: ${error}`] });
    }
  }
  return { checks, milliseconds: Date.now() - started };
}
