/**
 * "Did you mean" hints: one edit distance for every message that suggests a known name (field
 * names, endpoints, CLI options).
 */
import { compare } from './compare';

/**
 * Edit distance in which inserting, deleting or replacing a character, or swapping two
 * neighbours, each count as one edit (optimal string alignment). Case-sensitive; lower-case both
 * sides first to ignore case. Linear memory: three rows.
 */
export function editDistance(a: string, b: string): number {
  let before = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1);
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], before[j - 2] + 1);
    }
    before = prev;
    prev = row;
  }
  return prev[b.length];
}

/**
 * How far a name may be from a known one and still read as a typo of it: a third of the known
 * name's length, at least one edit.
 */
export function typoThreshold(known: string): number {
  return Math.max(1, Math.floor(known.length / 3));
}

/**
 * The known name closest to `name`, ignoring case, when it is close enough to be a typo of it
 * (`typoThreshold`); ties go to the first in `known`.
 */
export function closestMatch(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(lower, k.toLowerCase());
    if (d < bestDistance) { best = k; bestDistance = d; }
  }
  return best !== undefined && bestDistance <= typoThreshold(best) ? best : undefined;
}

/**
 * The `count` known names nearest to `name` by `score` (default: the edit distance), nearest
 * first, ties in code-point order: for "closest known ..." lists that always show some.
 */
export function nearestMatches(
  name: string,
  known: readonly string[],
  count: number,
  score: (name: string, known: string) => number = editDistance,
): string[] {
  return known
    .map((k) => ({ k, d: score(name, k) }))
    .sort((a, b) => a.d - b.d || compare(a.k, b.k))
    .slice(0, count)
    .map((s) => s.k);
}
