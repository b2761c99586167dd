import { closestMatch, editDistance, nearestMatches, typoThreshold } from '../../src/text';

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
