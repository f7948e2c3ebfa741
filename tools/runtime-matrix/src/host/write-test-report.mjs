// Writes a runtime's decided checks as a vitest-style JSON report (test-results/<runtime>.json), the format
// scripts/summarize-tests.mjs sums for the closing line of `npm test`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportDir } from './paths.mjs';

const vitestStatus = { passed: 'passed', documented: 'passed', failed: 'failed', known: 'todo' };

/** Counts of a runtime's decided checks by status. */
export function countStatuses(decided) {
  const counts = { passed: 0, documented: 0, failed: 0, known: 0 };
  for (const { status } of decided) counts[status] += 1;
  return counts;
}

export function writeTestReport(reportName, title, decided) {
  const counts = countStatuses(decided);
  const report = {
    numTotalTests: decided.length,
    numPassedTests: counts.passed + counts.documented,
    numFailedTests: counts.failed,
    numPendingTests: 0,
    numTodoTests: counts.known,
    success: counts.failed === 0,
    testResults: [
      {
        name: title,
        status: counts.failed === 0 ? 'passed' : 'failed',
        assertionResults: decided.map(({ id, entry, status, message }) => ({
          ancestorTitles: [title, entry],
          title: id,
          fullName: `${title} ${id}`,
          status: vitestStatus[status],
          failureMessages: status === 'failed' ? [message] : [],
          ...(message === undefined || status === 'failed' ? {} : { meta: { note: message } }),
        })),
      },
    ],
  };
  mkdirSync(reportDir, { recursive: true });
  writeFileSync(join(reportDir, `${reportName}.json`), `${JSON.stringify(report, null, 1)}\n`);
}
