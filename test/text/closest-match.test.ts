import * as fc from 'fast-check';
import { closestMatch, editDistance, MAX_COMPARED_LENGTH, nearestMatches, typoThreshold } from '../../src/text';

describe('editDistance', () => {
  test.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['from', 'form', 1], // a swap of neighbours is one edit
    ['ingress', 'ingerss', 1],
    ['podSelector', 'podselector', 1], // case-sensitive
    ['abc', 'abc', 0],
  ])('%j -> %j is %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('closestMatch', () => {
  const fields = ['podSelector', 'ingress', 'egress', 'policyTypes'];

  test('suggests a known name within a third of its length, ignoring case', () => {
    expect(closestMatch('podselector', fields)).toBe('podSelector');
    expect(closestMatch('ingres', fields)).toBe('ingress');
    expect(closestMatch('polciyTypes', fields)).toBe('policyTypes');
  });

  test('suggests nothing for a name that is not a typo', () => {
    expect(closestMatch('from', fields)).toBeUndefined();
    expect(closestMatch('x', [])).toBeUndefined();
  });

  test('the threshold is a third of the known name, at least one edit', () => {
    expect(typoThreshold('to')).toBe(1);
    expect(typoThreshold('podSelector')).toBe(3);
  });
});

describe('nearestMatches', () => {
  test('nearest first, ties in code-point order, at most `count`', () => {
    expect(nearestMatches('web', ['wxb', 'Web', 'api', 'wbe'], 2)).toEqual(['Web', 'wbe']);
    expect(nearestMatches('web', [], 3)).toEqual([]);
  });

  test('a custom score', () => {
    expect(nearestMatches('web', ['shop/web', 'shop/api'], 1, (t, k) => editDistance(t, k.split('/')[1]))).toEqual(['shop/web']);
  });
});

/** The full matrix, as the textbook writes it: the reference for the banded, bounded version. */
function referenceDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (__, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

describe('editDistance with a bound', () => {
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 12 });

  test('exact up to the bound, bound + 1 beyond it, whatever the strings', () => {
    fc.assert(fc.property(word, word, fc.integer({ min: 0, max: 14 }), (a, b, max) => {
      const exact = referenceDistance(a, b);
      expect(editDistance(a, b)).toBe(exact);
      expect(editDistance(a, b, max)).toBe(exact <= max ? exact : max + 1);
      expect(editDistance(b, a, max)).toBe(exact <= max ? exact : max + 1);
    }), { numRuns: 2000 });
  });

  test('a 4 MB name against a known one: the length difference alone answers, at once', () => {
    const huge = 'a'.repeat(4 * 1024 * 1024);
    const start = process.hrtime.bigint();
    expect(editDistance(huge, 'ingress', 3)).toBe(4);
    expect(editDistance('ingress', huge, 3)).toBe(4);
    expect(Number(process.hrtime.bigint() - start) / 1e6).toBeLessThan(50);
  });

  test('two long names with a small bound cost the band only (length * bound), and stop early', () => {
    // 100,000 characters each: the full matrix would be 10^10 cells; the band is 5 * 10^5
    const a = 'ab'.repeat(50_000);
    const start = process.hrtime.bigint();
    expect(editDistance(a, 'b'.repeat(100_000), 2)).toBe(3); // far apart: past 2 after a few rows
    expect(editDistance(a, 'ba'.repeat(50_000), 2)).toBe(2); // one deletion and one insertion
    expect(editDistance(a, a, 2)).toBe(0); // equal: the whole band, every row
    expect(Number(process.hrtime.bigint() - start) / 1e6).toBeLessThan(2000);
  });
});

describe('bounded suggestions for names from the input', () => {
  const fields = ['podSelector', 'ingress', 'egress', 'policyTypes'];

  test('no suggestion for a name longer than MAX_COMPARED_LENGTH, and it costs nothing', () => {
    const huge = 'ingress'.repeat(600_000); // 4.2 MB
    const start = process.hrtime.bigint();
    expect(closestMatch(huge, fields)).toBeUndefined();
    expect(Number(process.hrtime.bigint() - start) / 1e6).toBeLessThan(50);
    expect(closestMatch('i'.repeat(MAX_COMPARED_LENGTH + 1), ['i'.repeat(MAX_COMPARED_LENGTH)])).toBeUndefined();
    expect(closestMatch('i'.repeat(MAX_COMPARED_LENGTH - 1), ['i'.repeat(MAX_COMPARED_LENGTH)])).toBe('i'.repeat(MAX_COMPARED_LENGTH));
  });

  test('known names longer than MAX_COMPARED_LENGTH are never suggested', () => {
    const long = 'w'.repeat(MAX_COMPARED_LENGTH + 1);
    expect(closestMatch(long.slice(1), [long])).toBeUndefined();
    expect(nearestMatches('web', [long, 'api'], 3)).toEqual(['api']);
  });

  test('the nearest known name is still the one suggested, as with unbounded distances', () => {
    // `podSelectors` is one edit from podSelector; `ingres` one from ingress: the bound keeps them
    expect(closestMatch('podSelectors', fields)).toBe('podSelector');
    // the nearest is `egress` (2 edits, its threshold is 2), not `ingress` (3)
    expect(closestMatch('egrxsx', ['ingress', 'egress'])).toBe('egress');
    // the nearest is too far for its own threshold: nothing, although another is within its own
    expect(closestMatch('abcdef', ['abcd', 'abcdefghi'])).toBeUndefined();
  });

  test('nearestMatches sees at most MAX_COMPARED_LENGTH characters of the name asked about', () => {
    const seen: number[] = [];
    nearestMatches('x'.repeat(1_000_000), ['a', 'b'], 1, (name, k) => { seen.push(name.length); return editDistance(name, k); });
    expect(seen).toEqual([MAX_COMPARED_LENGTH, MAX_COMPARED_LENGTH]);
  });
});
