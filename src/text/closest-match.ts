/**
 * "Did you mean" hints: one edit distance for every message that suggests a known name (field
 * names, endpoints, CLI options).
 *
 * The names compared may come from the input (a field name of any length), so every comparison
 * is bounded: names longer than `MAX_COMPARED_LENGTH` are not suggested, and a bound on the
 * distance makes `editDistance` cost O(length * bound), with memory linear in the shorter name.
 */
import { compare } from './compare';

/** Names longer than this are never suggested, and a longer name asked about gets no suggestion. */
export const MAX_COMPARED_LENGTH = 100;

/**
 * Edit distance in which inserting, deleting or replacing a character, or swapping two
 * neighbours, each count as one edit (optimal string alignment). Case-sensitive; lower-case both
 * sides first to ignore case.
 *
 * With `max`, the answer is exact up to `max` and `max + 1` for anything farther, and the cost is
 * O(length * max): only the band of cells within `max` of the diagonal is computed, and the
 * computation stops once every cell of a row is past `max`. Without it the cost is
 * O(length * length): pass a bound for names that may be long. Memory: three rows of the shorter
 * name's length, never a full matrix.
 */
export function editDistance(a: string, b: string, max: number = Infinity): number {
  if (a.length < b.length) [a, b] = [b, a]; // the distance is symmetric; rows run over the shorter
  const n = a.length;
  const m = b.length;
  const limit = Math.max(0, Math.min(Math.floor(max), n)); // never farther than the longer length
  const far = limit + 1;
  if (n - m > limit) return max + 1; // only when max < n: limit is n otherwise
  if (m === 0) return n;

  // rows i-2, i-1 and i of the matrix, reused; cells outside the band hold `far`
  let before = new Int32Array(m + 1);
  let prev = new Int32Array(m + 1);
  let row = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j <= limit ? j : far;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - limit);
    const hi = Math.min(m, i + limit);
    row[lo - 1] = lo === 1 && i <= limit ? i : far;
    let rowMin = row[lo - 1];
    const ai = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, before[j - 2] + 1);
      if (v > far) v = far;
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < m) row[hi + 1] = far;
    // every later row is at least this row's minimum (a row's minimum grows by at most one, and
    // a swap reaches back only one row), so nothing within `limit` can follow
    if (rowMin > limit) return max + 1;
    const recycled = before;
    before = prev;
    prev = row;
    row = recycled;
  }
  return prev[m] > limit ? max + 1 : prev[m];
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
 * (`typoThreshold`); ties go to the first in `known`. Nothing is suggested for a name longer
 * than `MAX_COMPARED_LENGTH`, nor a known name longer than that; known names whose length differs
 * from `name`'s by more than any threshold are not compared at all.
 */
export function closestMatch(name: string, known: readonly string[]): string | undefined {
  if (name.length > MAX_COMPARED_LENGTH) return undefined;
  const candidates = known.filter((k) => k.length <= MAX_COMPARED_LENGTH);
  if (candidates.length === 0) return undefined;
  // no name farther than the largest threshold can be suggested: compare within it
  const bound = Math.max(...candidates.map(typoThreshold));
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of candidates) {
    if (Math.abs(k.length - name.length) > bound) continue;
    const d = editDistance(lower, k.toLowerCase(), bound);
    if (d < bestDistance) { best = k; bestDistance = d; }
  }
  return best !== undefined && bestDistance <= typoThreshold(best) ? best : undefined;
}

/**
 * The `count` known names nearest to `name` by `score` (default: the edit distance), nearest
 * first, ties in code-point order: for "closest known ..." lists that always show some. Known
 * names longer than `MAX_COMPARED_LENGTH` are left out, and `score` sees at most that many
 * characters of `name`, so that one comparison costs at most O(MAX_COMPARED_LENGTH^2).
 */
export function nearestMatches(
  name: string,
  known: readonly string[],
  count: number,
  score: (name: string, known: string) => number = editDistance,
): string[] {
  const asked = name.slice(0, MAX_COMPARED_LENGTH);
  return known
    .filter((k) => k.length <= MAX_COMPARED_LENGTH)
    .map((k) => ({ k, d: score(asked, k) }))
    .sort((a, b) => a.d - b.d || compare(a.k, b.k))
    .slice(0, count)
    .map((s) => s.k);
}
