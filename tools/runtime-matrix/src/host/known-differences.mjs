// Differences from the Node reference that are understood and reported upstream, but not fixed yet. A check
// they cover is reported as "known" (counted as todo, not passed) and listed under the README's table with its
// reason. Each rule must still match a difference in every runtime it names: a rule that no longer matches
// fails the run, so fixed issues cannot linger here. Only differing outcomes can be known; a throw, pollution
// or a failed in-runtime assertion always fails.
export const knownDifferences = [
  {
    runtimes: ['bun', 'workerd', 'edge', 'chromium'],
    check: /^renderWxccSnippet /,
    reason:
      "wxcc embeds its browser driver with Function#toString, so the snippet's text depends on how the server code was loaded: Bun transpiles every module (`false` becomes `!1`) and bundlers rename identifiers (`json` becomes `json2`). The script does the same, but the output is not byte-identical; building the driver's source text at build time would make it so.",
  },
];

/** The rule that covers a differing check of a runtime, if any. */
export function findKnownDifference(runtimeId, checkId) {
  return knownDifferences.find((rule) => rule.runtimes.includes(runtimeId) && rule.check.test(checkId));
}
