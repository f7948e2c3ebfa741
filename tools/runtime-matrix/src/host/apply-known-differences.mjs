// Turns failures covered by a known difference into "known", and fails the rules that no longer match.
import { findKnownDifference, knownDifferences } from './known-differences.mjs';

export function applyKnownDifferences(runtimeId, decided) {
  const used = new Set();
  const applied = decided.map((check) => {
    if (check.status !== 'failed' || !check.differs) return check;
    const rule = findKnownDifference(runtimeId, check.id);
    if (rule === undefined) return check;
    used.add(rule);
    return { ...check, status: 'known', message: rule.reason };
  });
  for (const rule of knownDifferences) {
    if (!rule.runtimes.includes(runtimeId) || used.has(rule)) continue;
    applied.push({
      id: `known difference ${rule.check} still occurs`,
      entry: '(matrix)',
      status: 'failed',
      message: `No check matching ${rule.check} differs in ${runtimeId} any more: remove ${runtimeId} from this rule in known-differences.mjs.`,
    });
  }
  return applied;
}
