// Every snippet renderer (`render…Snippet`) and pure translator (`translate…Context`) the entries export.
// Snippets must render for every canonical context, and hostile text must come out encoded.
import { listExports } from './check-entries.mjs';
import { problemsOf } from './check-core.mjs';
import { hostileContexts } from './hostile-inputs.mjs';
import { recordOutcome } from './record-outcome.mjs';

/** Markup that would run if a renderer wrote hostile text unencoded. */
const injectedMarkup = ['<script>alert(1)', '<img src=x', '<!--<script>'];

export async function checkRenderers(suite, modules) {
  for (const [specifier, name, render] of listExports(modules)) {
    if (typeof render !== 'function') continue;
    const add = async (id, call, expect) => {
      const outcome = await recordOutcome(call);
      const problems = problemsOf(outcome, expect);
      const html = outcome.returned?.value;
      if (typeof html === 'string') {
        for (const markup of injectedMarkup) if (html.includes(markup)) problems.push(`rendered ${JSON.stringify(markup)} unencoded`);
      }
      suite.add({ id: `${name} ${id}`, entry: specifier, subject: name, outcome, problems });
    };
    if (/^render\w*Snippet$/.test(name) && render.constructor.name !== 'AsyncFunction') {
      const options = snippetOptionsFor(suite.plan, name);
      // A renderer without a context parameter (a logout snippet) takes only its options.
      if (render.length === 0) {
        await add('options only', () => render(options), { ok: true });
        continue;
      }
      for (const [contextName, context] of Object.entries(suite.contexts)) {
        await add(contextName, () => render(context, options), { ok: true });
      }
      for (const [contextName, context] of Object.entries(hostileContexts())) {
        await add(`hostile ${contextName}`, () => render(context, options), { result: true });
      }
    } else if (/^translate\w*Context$/.test(name)) {
      for (const [contextName, context] of Object.entries(suite.contexts)) {
        await add(contextName, () => render(context), { result: true });
      }
      for (const [contextName, context] of Object.entries(hostileContexts())) {
        await add(`hostile ${contextName}`, () => render(context), { result: true });
      }
    }
  }
}

/** The options a renderer requires (site ids and the like), from the plan's table keyed by export name. */
function snippetOptionsFor(plan, name) {
  return plan.snippetOptions[name] ?? {};
}
