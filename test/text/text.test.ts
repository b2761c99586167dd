import { compare, kebabCase, markdownCell, plural, quote } from '../../src/text';

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
