// Sums the vitest JSON reports every package wrote (test-results/*.json) into one closing line, so a
// reader (or CI) sees at a glance how many tests ran in the whole suite.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
for (const group of ['packages', 'apps', 'tools', 'examples']) {
  if (!existsSync(group)) continue;
  for (const name of readdirSync(group)) {
    const folder = join(group, name, 'test-results');
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder).filter((entry) => entry.endsWith('.json'))) {
      const report = JSON.parse(readFileSync(join(folder, file), 'utf8'));
      passed += report.numPassedTests;
      failed += report.numFailedTests;
      skipped += report.numPendingTests + (report.numTodoTests ?? 0);
      rows.push(`${`${group}/${name}`.padEnd(24)} ${file.replace(/\.json$/, '').padEnd(8)} ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
    }
  }
}
console.log(rows.join('\n'));
if (rows.length === 0) {
  console.error('No test reports were found: no test ran.');
  process.exit(1);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
