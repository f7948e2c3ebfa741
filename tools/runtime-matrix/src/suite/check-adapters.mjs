// Every adapter an entry exports (found by its contract shape, not by name): fromVendor on each of its
// package's documented fixtures (as values and as raw JSON text), toVendor on what came back (the round trip)
// and on every canonical context, and both directions on hostile input.
import { listExports, packageOf } from './check-entries.mjs';
import { problemsOf } from './check-core.mjs';
import { hostileContexts, hostileInputs } from './hostile-inputs.mjs';
import { recordOutcome } from './record-outcome.mjs';

/** An adapter is any export that honours the `VisitorContextAdapter` contract. */
export function isAdapter(value) {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof value.vendor === 'string' &&
    typeof value.specVersion === 'string' &&
    typeof value.toVendor === 'function' &&
    typeof value.fromVendor === 'function'
  );
}

export async function checkAdapters(suite, modules) {
  for (const [specifier, name, adapter] of listExports(modules)) {
    if (!isAdapter(adapter)) continue;
    const add = async (id, call, expect) => {
      const outcome = await recordOutcome(call);
      suite.add({ id: `${name} ${id}`, entry: specifier, subject: name, outcome, problems: problemsOf(outcome, expect) });
      return outcome.returned;
    };
    const fixtures = suite.plan.fixtures[packageOf(specifier)] ?? [];
    for (const fixture of fixtures) {
      const label = `${fixture.file}${fixture.name === undefined ? '' : `#${fixture.name}`}`;
      const read = await add(`fromVendor ${label}`, () => adapter.fromVendor(fixture.value), { result: true });
      await add(`fromVendor text ${label}`, () => adapter.fromVendor(JSON.stringify(fixture.value)), { result: true });
      if (read?.ok) await add(`round trip ${label}`, () => adapter.toVendor(read.value), { result: true });
    }
    for (const [contextName, context] of Object.entries(suite.contexts)) {
      await add(`toVendor ${contextName}`, () => adapter.toVendor(context), { result: true });
    }
    for (const [inputName, input] of Object.entries(hostileInputs())) {
      await add(`fromVendor hostile ${inputName}`, () => adapter.fromVendor(input), { result: true });
    }
    for (const [contextName, context] of Object.entries(hostileContexts())) {
      await add(`toVendor hostile ${contextName}`, () => adapter.toVendor(context), { result: true });
    }
  }
}
