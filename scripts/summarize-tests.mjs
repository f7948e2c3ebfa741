// Closes `npm test`: sums the vitest JSON reports every package wrote (test-results/*.json) into one line, and
// when anything failed, names the failing tests and tasks and where their logs are. It runs whether or not turbo
// succeeded, so a failure never hides the summary.
//
// Usage: node scripts/summarize-tests.mjs [turbo exit code]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const turboExitCode = Number(process.argv[2] ?? 0);
const groups = ['packages', 'apps', 'tools', 'examples'];

let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
const failingTests = [];
for (const group of groups) {
  if (!existsSync(group)) continue;
  for (const name of readdirSync(group).sort()) {
    const folder = join(group, name, 'test-results');
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder).filter((entry) => entry.endsWith('.json')).sort()) {
      const reportPath = join(folder, file);
      let report;
      try {
        report = JSON.parse(readFileSync(reportPath, 'utf8'));
      } catch (error) {
        failed += 1;
        failingTests.push(`${reportPath}: unreadable test report (${error.message})`);
        continue;
      }
      passed += report.numPassedTests ?? 0;
      failed += report.numFailedTests ?? 0;
      skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
      rows.push(`${`${group}/${name}`.padEnd(28)} ${file.replace(/\.json$/, '').padEnd(10)} ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
      for (const suite of report.testResults ?? []) {
        const suiteFile = relative(process.cwd(), suite.name ?? '');
        for (const test of suite.assertionResults ?? []) {
          if (test.status === 'failed') failingTests.push(`${suiteFile} › ${test.fullName ?? test.title}`);
        }
        if ((suite.assertionResults ?? []).length === 0 && suite.status === 'failed') {
          failingTests.push(`${suiteFile}: the file failed before any test ran (${firstLine(suite.message)})`);
        }
      }
    }
  }
}

const failedTasks = readFailedTurboTasks();

console.log(rows.join('\n'));
if (failingTests.length > 0) {
  console.log('\nFailing tests:');
  for (const line of failingTests) console.log(`  ✗ ${line}`);
}
if (failedTasks.length > 0) {
  console.log('\nFailed tasks (full output in each log file):');
  for (const task of failedTasks) {
    console.log(`  ✗ ${task.taskId} (exit ${task.exitCode}): ${task.logFile ?? 'no log file (uncached task): its output is above'}`);
  }
}
if (rows.length === 0) {
  console.error('\nNo test reports were found: no test ran.');
  process.exit(1);
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || failedTasks.length > 0 || turboExitCode !== 0 ? 1 : 0);

function firstLine(text) {
  return String(text ?? 'no message').split('\n')[0];
}

/** The failed tasks of the newest turbo run summary (turbo run … --summarize writes .turbo/runs/<id>.json). */
function readFailedTurboTasks() {
  const folder = join('.turbo', 'runs');
  if (!existsSync(folder)) return [];
  const newest = readdirSync(folder)
    .filter((entry) => entry.endsWith('.json'))
    .map((entry) => join(folder, entry))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (newest === undefined) return [];
  const summary = JSON.parse(readFileSync(newest, 'utf8'));
  return (summary.tasks ?? [])
    .filter((task) => task.execution?.exitCode !== undefined && task.execution.exitCode !== 0)
    .map((task) => ({ taskId: task.taskId, exitCode: task.execution.exitCode, logFile: task.logFile }));
}
