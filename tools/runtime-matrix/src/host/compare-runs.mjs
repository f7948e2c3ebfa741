// Decides each check of a runtime's run: passed when the runtime found no problem and its outcome equals the
// Node reference run's; "documented" when it differs only by a limitation the check documents (MD5 outside
// Node); failed otherwise, with a message saying what differed.
import { verifyGiosgToken } from '@visitor-context/giosg/server';
import { failedOnlyWith } from '../suite/record-outcome.mjs';

/**
 * Codes whose message quotes the JavaScript engine's own error text (JSON.parse's, a stream's). Engines word
 * these differently (V8 versions, JavaScriptCore), so the quoted part is compared as a placeholder; code, path,
 * severity and the rest of the message must still match.
 */
const engineWordedCodes = new Set(['invalid_json', 'body_unreadable', 'adapter_failed']);

/** Masks the engine-quoted `(…)` part of engine-worded diagnostics, recursively, in an outcome. */
export function normalizeOutcome(outcome) {
  return JSON.stringify(outcome, (_key, value) => {
    if (value !== null && typeof value === 'object' && engineWordedCodes.has(value.code) && typeof value.message === 'string') {
      return { ...value, message: value.message.replace(/\(.*\)/s, '(<engine message>)') };
    }
    return value;
  });
}

/** `[{ id, entry, status, message? }]` for every check of the reference, plus checks only the runtime ran. */
export async function compareRun(reference, run, signing) {
  const byId = new Map(run.checks.map((check) => [check.id, check]));
  const decided = [];
  for (const expected of reference.checks) {
    const actual = byId.get(expected.id);
    byId.delete(expected.id);
    const base = { id: expected.id, entry: expected.entry, subject: expected.subject };
    if (actual === undefined) {
      decided.push({ ...base, status: 'failed', message: 'the check did not run in this runtime' });
      continue;
    }
    if (actual.problems.length > 0) {
      decided.push({ ...base, status: 'failed', message: actual.problems.join('; ') });
      continue;
    }
    if (actual.artifact !== undefined) {
      const verified = await verifyGiosgToken(actual.artifact, signing.key, { now: new Date(signing.now) });
      decided.push(verified.ok ? { ...base, status: 'passed' } : { ...base, status: 'failed', message: `Node could not verify the token: ${verified.diagnostics[0]?.message}` });
      continue;
    }
    const same = normalizeOutcome(actual.outcome) === normalizeOutcome(expected.outcome);
    if (same) decided.push({ ...base, status: 'passed' });
    else if (expected.documented !== undefined && failedOnlyWith(actual.outcome, expected.documented.codes)) {
      decided.push({ ...base, status: 'documented', message: expected.documented.note });
    } else {
      decided.push({ ...base, status: 'failed', differs: true, message: describeDifference(expected.outcome, actual.outcome) });
    }
  }
  for (const extra of byId.values()) {
    decided.push({ id: extra.id, entry: extra.entry, status: 'failed', message: 'the check ran here but not in the Node reference run' });
  }
  return decided;
}

/** Decides the reference run's own checks: passed when it found no problem. */
export function decideReference(reference) {
  return reference.checks.map(({ id, entry, subject, problems }) =>
    problems.length === 0 ? { id, entry, subject, status: 'passed' } : { id, entry, subject, status: 'failed', message: problems.join('; ') },
  );
}

/** The first place two outcomes differ, short enough for a report line. */
function describeDifference(expected, actual) {
  const left = normalizeOutcome(expected);
  const right = normalizeOutcome(actual);
  let index = 0;
  while (index < left.length && left[index] === right[index]) index++;
  const start = Math.max(0, index - 60);
  return `differs from the Node reference at character ${index}: expected …${left.slice(start, index + 100)}… got …${right.slice(start, index + 100)}…`;
}
