import { LIMITS, ManifestError, parseManifests } from '../../src/manifests';
import { locateJson, readJson } from '../../src/manifests/json-reader';

function error(text: string): string {
  try {
    parseManifests(text, 'x.json');
  } catch (e) {
    expect(e).toBeInstanceOf(ManifestError);
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('JSON keys written twice are an error, as the API server decodes strictly', () => {
  test('naming the key, its line and the line of the first one', () => {
    expect(error('{\n "a": 1,\n "b": {"c": 1,\n  "c": 2}\n}\n'))
      .toBe('x.json:4:3: invalid JSON: duplicate key "c" in this object (first on line 3): the API server refuses duplicate fields');
    expect(error('{"a": {"x": 1, "y": 2}, "a": 1}')).toMatch(/^x\.json:1:25: invalid JSON: duplicate key "a"/);
    expect(error('[{"k": "v:w"}, {"k": 1, "k": 1}]')).toMatch(/^x\.json:1:25: invalid JSON: duplicate key "k"/);
  });

  test('colons inside strings and escaped colons do not hide a duplicate, nor make one up', () => {
    expect(readJson('{"a\\u003ab": "c:d", "e": "\\u003A"}').values).toEqual([{ 'a:b': 'c:d', 'e': ':' }]);
    expect(readJson('{"a\\\\u003a": 1}').values).toEqual([{ 'a\\u003a': 1 }]); // an escaped backslash, then the text u003a
    expect(error('{"a\\u003a": 1, "k": 1, "k": 2}')).toMatch(/duplicate key "k"/);
    expect(error('{"k": {"x": "\\u003a"}, "k": 1}')).toMatch(/duplicate key "k"/);
  });

  test('keys such as __proto__ are own properties', () => {
    const [v] = readJson('{"__proto__": {"polluted": 1}, "constructor": 2}').values as any[];
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__', 'constructor']);
    expect(({} as any).polluted).toBeUndefined();
    expect(error('{"__proto__": 1, "__proto__": 2}')).toMatch(/duplicate key "__proto__"/);
    const [located] = locateJson('{"__proto__": {"p": 1}}').values as any[];
    expect(Object.getOwnPropertyDescriptor(located, '__proto__')?.value).toEqual({ p: 1 });
  });
});

describe('limits and errors', () => {
  test(`nesting deeper than ${LIMITS.maxDepth} levels is an error at the level that passes it, however deep`, () => {
    expect(() => readJson(`${'['.repeat(LIMITS.maxDepth)}${']'.repeat(LIMITS.maxDepth)}`)).not.toThrow();
    expect(error(`${'['.repeat(LIMITS.maxDepth + 1)}${']'.repeat(LIMITS.maxDepth + 1)}`)).toBe('x.json:1:257: invalid JSON: nesting deeper than 256 levels');
    expect(error(`{"a":\n${'{"b":'.repeat(200_000)}1${'}'.repeat(200_001)}`)).toBe('x.json:2:1276: invalid JSON: nesting deeper than 256 levels');
  });

  test('keys of any length are read (kubectl reads them)', () => {
    const key = 'k'.repeat(4 * 1024 * 1024);
    expect(Object.keys(readJson(`{"${key}": 1}`).values[0] as object)[0]).toHaveLength(key.length);
  });

  test('errors say where and what was expected, never quoting the text', () => {
    expect(error('{\n  "kind": "Pod",\n}\n')).toBe('x.json:3:1: invalid JSON: expected a key in double quotes');
    expect(error('{"kind": SECRET}')).toBe('x.json:1:10: invalid JSON: expected a JSON value (an object, an array, a string in double quotes, a number, true, false or null)');
    expect(error('{"a": 1 "b": 2}')).toBe('x.json:1:9: invalid JSON: expected "," or "}" after the value');
    expect(error('["a" "b"]')).toBe('x.json:1:6: invalid JSON: expected "," or "]" after the value');
    expect(error('{"a": "x\ny"}')).toBe('x.json:1:9: invalid JSON: a control character inside a string (write it as an escape, such as \\n)');
    expect(error('{"a": "\\q"}')).toBe('x.json:1:8: invalid JSON: an invalid escape sequence in a string');
    expect(error('{"a": "open')).toBe('x.json:1:7: invalid JSON: a string without its closing quote');
    expect(error('{"a": 1')).toBe('x.json:1:8: invalid JSON: the text ends inside an object');
    expect(error('{"a": 01}')).toBe('x.json:1:8: invalid JSON: expected "," or "}" after the value');
    expect(error('{"a": 1e400}')).toBe('x.json:1:7: invalid JSON: a number too large for a double (kubectl cannot read it)');
    expect(error('{"a": 1} trailing')).toMatch(/^x\.json:1:10: invalid JSON: expected a JSON value/);
    expect(error('{"SECRET_TOKEN": SECRET_VALUE}')).not.toMatch(/SECRET/);
  });
});

describe('a stream of values, as kubectl reads one after another', () => {
  test('each value is a document', () => {
    const docs = parseManifests('{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"a"}}\n{"apiVersion":"v1","kind":"Namespace",\n"metadata":{"name":"b"}}', 's.json');
    expect(docs.map((d) => [d.index, d.object.metadata.name])).toEqual([[0, 'a'], [1, 'b']]);
    expect(docs[1].fieldLine?.('metadata.name')).toBe(3);
  });
});

describe('lines of fields, found on demand', () => {
  test('deep fields, list items, fields that are not written', () => {
    const text = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a', labels: { app: 'x' } } }] }, null, 2);
    const [doc] = parseManifests(text, 'l.json');
    expect(doc.fieldLine?.('metadata.labels[app]')).toBe(text.split('\n').findIndex((l) => l.includes('"app"')) + 1);
    expect(doc.fieldLine?.('metadata.annotations[x]')).toBe(text.split('\n').findIndex((l) => l.includes('"metadata"')) + 1);
  });
});
