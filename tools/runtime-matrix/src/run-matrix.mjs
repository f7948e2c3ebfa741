// `pnpm --filter @visitor-context/runtime-matrix test`: builds the plan from the packages, runs the smoke suite
// in a fresh Node as the reference, then in every runtime (in parallel), compares each check with the
// reference, writes one report per runtime for the closing summary and checks (or, with UPDATE_README=1,
// rewrites) the README's compatibility table. Prints one line per runtime and the wall time.
import { buildPlan, writeGeneratedModules } from './host/build-plan.mjs';
import { applyKnownDifferences } from './host/apply-known-differences.mjs';
import { compareRun, decideReference } from './host/compare-runs.mjs';
import { renderCompatibilityTable, syncReadmeTable } from './host/compatibility-table.mjs';
import { countStatuses, writeTestReport } from './host/write-test-report.mjs';
import { runtimes } from './runtimes/all-runtimes.mjs';
import { referenceRuntime } from './runtimes/reference-runtime.mjs';

const started = Date.now();
const concurrency = Number(process.env.RUNTIME_MATRIX_CONCURRENCY ?? 3);

const { packages, plan } = await buildPlan();
writeGeneratedModules(packages, plan);
const reference = await referenceRuntime.run();
const referenceDecided = decideReference(reference.results);
// Every runtime verifies the token the reference signed, and the reference verifies every runtime's.
plan.signing.referenceToken = reference.results.checks.find((check) => typeof check.artifact === 'string')?.artifact;
writeGeneratedModules(packages, plan);

const runs = await mapWithConcurrency(runtimes, concurrency, async (runtime) => {
  const runStarted = Date.now();
  try {
    const { version, results } = await runtime.run();
    const decided = applyKnownDifferences(runtime.id, await compareRun(reference.results, results, plan.signing));
    return { runtime, version, decided, seconds: (Date.now() - runStarted) / 1000 };
  } catch (error) {
    const message = `${runtime.label} did not run the suite: ${error instanceof Error ? error.message : error}`;
    const decided = reference.results.checks.map(({ id, entry }) => ({ id, entry, status: 'failed', message }));
    return { runtime, version: `${runtime.label} (did not run)`, decided, seconds: (Date.now() - runStarted) / 1000, error: message };
  }
});

let failed = false;
const print = (id, version, decided, seconds) => {
  const counts = countStatuses(decided);
  failed ||= counts.failed > 0;
  const extras = [counts.documented && `${counts.documented} documented`, counts.known && `${counts.known} known`].filter(Boolean);
  console.log(`runtime-matrix ${id.padEnd(15)} ${version.padEnd(36)} ${counts.passed + counts.documented} passed${extras.length ? ` (${extras.join(', ')})` : ''}, ${counts.failed} failed  ${seconds.toFixed(1)}s`);
  for (const check of decided.filter(({ status }) => status === 'failed').slice(0, 10)) console.log(`  ✗ ${check.id}: ${check.message}`);
};
writeTestReport(referenceRuntime.id, referenceRuntime.label, referenceDecided);
print(referenceRuntime.id, reference.version, referenceDecided, 0);
for (const { runtime, version, decided, seconds } of runs) {
  writeTestReport(runtime.id, `${runtime.label} (${version})`, decided);
  print(runtime.id, version, decided, seconds);
}

const entries = packages.flatMap((item) => item.entries);
const stale = syncReadmeTable(renderCompatibilityTable(runs, entries, referenceDecided), process.env.UPDATE_README === '1');
writeTestReport('readme', 'README runtime compatibility table', [
  { id: 'the committed table matches this run', entry: '(README)', status: stale === undefined ? 'passed' : 'failed', message: stale },
]);
if (stale !== undefined) {
  failed = true;
  console.log(`  ✗ ${stale}`);
}
console.log(`runtime-matrix: ${runs.length + 1} runs in ${((Date.now() - started) / 1000).toFixed(1)}s wall time`);
process.exit(failed ? 1 : 0);

async function mapWithConcurrency(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
