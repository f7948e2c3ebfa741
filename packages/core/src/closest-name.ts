/**
 * The known name closest to a mistyped one, for "did you mean …?" hints, or `undefined` when none is close.
 *
 * @remarks
 * Compares case-insensitively with the optimal-string-alignment distance (Damerau–Levenshtein: insertions,
 * deletions, substitutions and swaps of neighbours), and accepts a candidate within a third of the longer
 * name's length (at least 1), so `companyID` finds `companyId` and `form` finds `from`, but `x` finds nothing.
 * @public
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const wanted = String(name).toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    const allowed = Math.max(1, Math.floor(Math.max(wanted.length, candidate.length) / 3));
    if (distance <= allowed && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Optimal string alignment distance; names are short, so the full table is cheap. */
function editDistance(from: string, to: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= from.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= to.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const above = rows[i - 1] as number[];
      const cost = from[i - 1] === to[j - 1] ? 0 : 1;
      let distance = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && from[i - 1] === to[j - 2] && from[i - 2] === to[j - 1]) {
        distance = Math.min(distance, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row.push(distance);
    }
    rows.push(row);
  }
  return (rows[from.length] as number[])[to.length] as number;
}
