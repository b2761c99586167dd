import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { readYaml } from '../../src/manifests/yaml-reader';
import { writeYamlStream, writeYamlValue, yamlString } from '../../src/manifests/yaml-writer';

/** The value as this package's reader (kubectl's rules) and as the `yaml` package read the text. */
function readBack(text: string): { own: unknown[]; yaml: unknown[] } {
  return {
    own: readYaml(text).documents.map((d) => d.value),
    yaml: parseAllDocuments(text).map((d) => d.toJS()),
  };
}

describe('writeYamlValue', () => {
  test('block style, sequences indented under their key, keys in order, empty collections inline', () => {
    const value = {
      apiVersion: 'v1',
      kind: 'X',
      spec: { list: [{ a: 1, b: [true, null] }, 'x', [], {}], empty: {}, nested: { deep: { deeper: [1.5] } } },
    };
    expect(writeYamlValue(value)).toBe([
      'apiVersion: v1',
      'kind: X',
      'spec:',
      '  list:',
      '    - a: 1',
      '      b:',
      '        - true',
      '        - null',
      '    - x',
      '    - []',
      '    - {}',
      '  empty: {}',
      '  nested:',
      '    deep:',
      '      deeper:',
      '        - 1.5',
      '',
    ].join('\n'));
    expect(readBack(writeYamlValue(value))).toEqual({ own: [value], yaml: [value] });
  });

  test('a sequence of sequences, and a top-level scalar', () => {
    expect(writeYamlValue([[1, 2], [{ a: 'b' }]])).toBe('- - 1\n  - 2\n- - a: b\n');
    expect(writeYamlValue('yes')).toBe('"yes"\n');
  });

  test('the same value gives the same text', () => {
    const value = { b: ['*.example.com', 'fd00::/8'], a: { 'app.kubernetes.io/name': 'web' } };
    expect(writeYamlValue(value)).toBe(writeYamlValue(JSON.parse(JSON.stringify(value))));
  });
});

describe('yamlString: plain when it reads back as itself under go-yaml v2 (YAML 1.1) rules, quoted otherwise', () => {
  test.each([
    'web', 'app.kubernetes.io/name', '10.0.0.0/8', 'fd00::/8', 'kube-system', 'TCP', 'a_b', '.hidden', '/path', 'Accept',
  ])('%s is plain', (text) => {
    expect(yamlString(text)).toBe(text);
  });

  test.each([
    // words YAML 1.1 reads as booleans or null, numbers in its notations
    'yes', 'No', 'on', 'OFF', 'y', 'n', 'true', 'False', 'null', '~', '',
    '80', '-1', '0x1F', '0o17', '017', '1_000', '1e3', '.5', '.inf', '-.inf', '.nan', '+1', '1:20',
    // indicators and structure
    '*.example.com', '-x', '- x', 'a: b', 'a #b', 'a:', '#x', '&a', '!x', '|', '>', "'x'", '"x"', '%x', '@x', '`x', '{a}', '[a]', ',',
    ' lead', 'trail ', 'two words', '<<',
    // what a reader cannot see, and line breaks (libyaml's NEL, LS, PS too)
    'a\nb', 'a\tb', 'a\u0085b', 'a\u2028b', 'a\u2029b', '\ufeffa', 'a\u202eb', 'a\u0000b', 'a\u001bb', 'a\u007fb', 'back\\slash',
    'tag\u{e0041}',
  ])('%j is quoted, and reads back as itself', (text) => {
    const written = yamlString(text);
    expect(written.startsWith('"')).toBe(true);
    const doc = `k: ${written}\n`;
    expect(readYaml(doc).documents[0].value).toEqual({ k: text });
    expect(parseYaml(doc)).toEqual({ k: text });
  });

  test('a lone surrogate is no character: refused, saying so', () => {
    expect(() => yamlString('lone\ud800')).toThrow('YAML writer: a lone surrogate (U+d800) is no character: text with one cannot be written as YAML');
  });

  test('quoted text shows no raw invisible character', () => {
    expect(yamlString('a\u2028b\u202ec\u0085d\u{e0041}')).toBe('"a\\u2028b\\u202ec\\x85d\\U000e0041"');
  });

  test('keys follow the same rule', () => {
    const value = { 'yes': 1, '80': 2, 'a b': 3 };
    // (JavaScript puts integer-like keys first)
    expect(writeYamlValue(value)).toBe('"80": 2\n"yes": 1\n"a b": 3\n');
    expect(readBack(writeYamlValue(value))).toEqual({ own: [value], yaml: [value] });
  });

  test('numbers: integers and fractions as JSON writes them; non-finite numbers are refused', () => {
    expect(writeYamlValue({ a: 1, b: -2.5, c: 1e21 })).toBe('a: 1\nb: -2.5\nc: 1e+21\n');
    expect(readYaml('c: 1e+21\n').documents[0].value).toEqual({ c: 1e21 });
    expect(() => writeYamlValue({ a: Infinity })).toThrow('YAML writer: Infinity is not a JSON number');
    expect(() => writeYamlValue({ a: () => 1 })).toThrow('YAML writer: a function is not a JSON value');
  });
});

describe('writeYamlStream', () => {
  test('documents start with ---, comments above them, shown on one line', () => {
    const text = writeYamlStream([
      { value: { a: 1 }, comments: ['from AdminNetworkPolicy x (in.yaml:3)'] },
      { value: { b: 'two' }, comments: ['evil\nkind: Secret'] },
    ]);
    expect(text).toBe('---\n# from AdminNetworkPolicy x (in.yaml:3)\na: 1\n---\n# evil\\nkind: Secret\nb: two\n');
    expect(readBack(text)).toEqual({ own: [{ a: 1 }, { b: 'two' }], yaml: [{ a: 1 }, { b: 'two' }] });
  });

  test('an empty stream is empty', () => {
    expect(writeYamlStream([])).toBe('');
  });
});
