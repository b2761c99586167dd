import { LIMITS } from '../../src/manifests/limits';
import { compare, cutText, kebabCase, markdownCell, MAX_QUOTED_VALUE, plural, quote } from '../../src/text';

describe('compare', () => {
  test('code-point order, not the locale: upper case before lower case', () => {
    expect(['b', 'B', 'a', 'A', 'é', 'e'].sort(compare)).toEqual(['A', 'B', 'a', 'b', 'e', 'é']);
    expect(compare('x', 'x')).toBe(0);
  });
});

describe('quote', () => {
  test.each([
    ['web', '"web"'],
    ['a"b\nc', '"a\\"b\\nc"'],
    [80, '80'],
    [true, 'true'],
    [undefined, 'undefined'],
    [null, 'null'],
    [[1, 'a'], '[1,"a"]'],
    [{ app: 'web' }, '{"app":"web"}'],
  ])('%p', (value, text) => {
    expect(quote(value)).toBe(text);
  });

  test('a value JSON cannot write falls back to its string form', () => {
    const cyclic: any = {};
    cyclic.self = cyclic;
    expect(quote(cyclic)).toBe('[object Object]');
  });

  test('small values are written exactly as JSON.stringify writes them', () => {
    const values: unknown[] = [
      { a: [1, 'x', null, true, { b: {} }], c: undefined, d: () => 1 },
      [undefined, () => 1, NaN, Infinity, -0],
      { when: new Date(0) },
      'tab\there',
      [],
      {},
    ];
    for (const v of values) expect(quote(v)).toBe(JSON.stringify(v));
  });
});

describe('quote: values from the input are cut to MAX_QUOTED_VALUE characters, saying how long they were', () => {
  test('the figure is the one of LIMITS (src/manifests/limits.ts)', () => {
    expect(MAX_QUOTED_VALUE).toBe(LIMITS.maxQuotedValue);
  });

  test('a 4 MB string', () => {
    const value = 'a'.repeat(4 * 1024 * 1024);
    expect(quote(value)).toBe(`"${'a'.repeat(MAX_QUOTED_VALUE)}…" (4194304 characters)`);
    expect(quote('a'.repeat(MAX_QUOTED_VALUE))).toBe(`"${'a'.repeat(MAX_QUOTED_VALUE)}"`);
    expect(quote('abcdef', { max: 4 })).toBe('"abcd…" (6 characters)');
  });

  test('a surrogate pair is never split', () => {
    expect(quote('ab\u{1F600}cd', { max: 3 })).toBe('"ab…" (6 characters)');
  });

  test('a list of a million items and an object of many fields: cut, with their size, at a cost bounded by the cut', () => {
    const list = Array.from({ length: 1_000_000 }, (_, i) => i);
    const text = quote(list);
    expect(text).toMatch(/^\[0,1,2,3,.*… \(a list of 1000000 items\)$/);
    expect(text.length).toBeLessThan(MAX_QUOTED_VALUE + 40);
    const obj = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`key${i}`, 'v'.repeat(10)]));
    expect(quote(obj)).toMatch(/^\{"key0":"vvvvvvvvvv",.*… \(an object of 50 fields\)$/);
    expect(quote([1, 2, 3, 4, 5, 6], { max: 6 })).toBe('[1,2,3… (a list of 6 items)');
    expect(quote([['x']], { max: 4 })).toBe('[["x… (a list of 1 item)');
  });

  test('a value shared a million times over (YAML aliases) costs no more than the cut', () => {
    let v: unknown = 'x'.repeat(10);
    for (let i = 0; i < 40; i++) v = [v, v]; // 2^40 leaves, written out
    const start = process.hrtime.bigint();
    expect(quote(v)).toMatch(/… \(a list of 2 items\)$/);
    expect(Number(process.hrtime.bigint() - start) / 1e6).toBeLessThan(100);
  });

  test('characters that would mislead a reader are escaped: newlines, bidirectional overrides, separators', () => {
    expect(quote('a\nb')).toBe('"a\\nb"');
    expect(quote('user\u202Eexe.yaml')).toBe('"user\\u202eexe.yaml"');
    expect(quote('a\u2028b\u0085c\u200bd\ufeff')).toBe('"a\\u2028b\\u0085c\\u200bd\\ufeff"');
    expect(quote({ k: 'x\u2066' })).toBe('{"k":"x\\u2066"}');
  });

  test('cutText: the same cut, for text that is not quoted', () => {
    expect(cutText('spec.abc', 5)).toBe('spec.… (8 characters)');
    expect(cutText('spec', 5)).toBe('spec');
  });
});

describe('markdownCell', () => {
  test('escapes what would break a table cell or open an HTML tag', () => {
    expect(markdownCell('a|b\\c<!-- x\r\ny\nz')).toBe('a\\|b\\\\c&lt;!-- x y z');
  });
});

describe('plural', () => {
  test('one, many, and an irregular plural', () => {
    expect(plural(1, 'workload')).toBe('1 workload');
    expect(plural(0, 'workload')).toBe('0 workloads');
    expect(plural(2, 'info', 'info')).toBe('2 info');
  });
});

describe('kebabCase', () => {
  test.each([
    ['BackendFromFrontend', true, 'backend-from-frontend'],
    ['backend_from_frontend', true, 'backend-from-frontend'],
    ['HTTPServer', true, 'http-server'],
    ['api.v2', true, 'api.v2'],
    ['api.v2', false, 'api-v2'],
    ['--My__App--', true, 'my-app'],
    ['___', true, ''],
  ])('%j (dots %p) -> %j', (text, dots, kebab) => {
    expect(kebabCase(text, dots)).toBe(kebab);
  });
});
