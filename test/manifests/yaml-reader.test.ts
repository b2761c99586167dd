import { LIMITS, ManifestError, parseManifests } from '../../src/manifests';
import { LineIndex, ReadError } from '../../src/manifests/text-position';
import { readYaml } from '../../src/manifests/yaml-reader';

/** The value of the first document of a text. */
const one = (text: string): any => readYaml(text).documents[0]?.value;
/** The values of all documents. */
const all = (text: string): unknown[] => readYaml(text).documents.map((d) => d.value);

/** The error of reading a text as YAML, as the CLI shows it: `f.yaml:LINE:COLUMN: invalid YAML: ...`. */
function error(text: string): string {
  try {
    readYaml(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ReadError);
    const at = new LineIndex(text.replace(/\r\n/g, '\n')).position((e as ReadError).offset);
    const message = `f.yaml:${at.line}:${at.column}: invalid YAML: ${(e as Error).message}`;
    // parseManifests says the same (for a text it reads as YAML: not starting with { or [)
    if (!/^\s*[[{]/.test(text)) expect(() => parseManifests(text, 'f.yaml')).toThrow(new ManifestError(message.replace(/^f\.yaml:\d+:\d+: /, ''), 'f.yaml', at.line, at.column));
    return message;
  }
  throw new Error('expected an error');
}

describe('block structures', () => {
  test('mappings, sequences, compact forms and indentless sequences', () => {
    expect(one('a: 1\nb:\n  c: x\n  d:\n  - 1\n  - e: 2\n    f: 3\n  -\n  - - g\n    - h\n')).toEqual({
      a: 1, b: { c: 'x', d: [1, { e: 2, f: 3 }, null, ['g', 'h']] },
    });
    expect(one('- a\n-   b: 1\n    c: 2\n- - - deep\n')).toEqual(['a', { b: 1, c: 2 }, [['deep']]]);
    expect(one('  indented: root\n  second: key\n')).toEqual({ indented: 'root', second: 'key' });
    expect(one('key:\n- in\n- line\nnext: 1\n')).toEqual({ key: ['in', 'line'], next: 1 });
  });

  test('empty values are null; comments and blank lines anywhere', () => {
    expect(one('# top\na:   # after the key\n\n  # between\nb: # c\n  - # d\n    x\nc:\n')).toEqual({ a: null, b: ['x'], c: null });
  });

  test('plain scalars over several lines fold as libyaml folds them', () => {
    expect(one('a: one\n  two\n\n  three\n\n\n  four   \nb: 1\n')).toEqual({ a: 'one two\nthree\n\nfour', b: 1 });
    expect(one('- a\n  - b\n')).toEqual(['a - b']); // a continuation line may start with anything
    expect(one('a: http://x:80/y\n')).toEqual({ a: 'http://x:80/y' });
    expect(one('a: b#c d # comment\n')).toEqual({ a: 'b#c d' });
  });

  test('explicit keys `?` (scalar keys only)', () => {
    expect(one('? a\n: 1\n? |\n  long\n: 2\n? c\n')).toEqual({ 'a': 1, 'long\n': 2, 'c': null });
    expect(error('? [a, b]\n: 1\n')).toMatch(/^f\.yaml:1:3: invalid YAML: a collection as a mapping key/);
    expect(error('? a: b\n: 1\n')).toMatch(/a mapping as a mapping key/);
  });

  test('a byte-order mark at the start, CRLF line ends, no final line end', () => {
    expect(parseManifests('\uFEFFapiVersion: v1\r\nkind: Namespace\r\nmetadata: {name: a}', 'x.yaml')[0].object.metadata.name).toBe('a');
    expect(one('a: |\r\n  x\r\n  y')).toEqual({ a: 'x\ny\n' }); // kubectl ends the last line too
  });
});

describe('block scalars', () => {
  test('literal and folded, with chomping', () => {
    expect(one('a: |\n  x\n  y\n\nb: |-\n  x\n\nc: |+\n  x\n\n\nd: 1\n')).toEqual({ a: 'x\ny\n', b: 'x', c: 'x\n\n\n', d: 1 });
    expect(one('a: >\n  x\n  y\n\n  z\n')).toEqual({ a: 'x y\nz\n' });
    expect(one('a: >\n  x\n    more indented\n  y\n')).toEqual({ a: 'x\n  more indented\ny\n' });
    expect(one('a: >-\n\n  lead\n')).toEqual({ a: '\nlead' });
    expect(one('a: |\n\n  x\n')).toEqual({ a: '\nx\n' });
    expect(one('a: | # a comment\n  # not a comment\n')).toEqual({ a: '# not a comment\n' });
    expect(one('a: |\n  x\n  \tafter the indentation\n')).toEqual({ a: 'x\n\tafter the indentation\n' });
    expect(one('a: |\nb: 1\n')).toEqual({ a: '', b: 1 });
  });

  test('indentation indicators count from the enclosing collection', () => {
    expect(one('a: |2\n    x\n')).toEqual({ a: '  x\n' });
    expect(one('- |1\n  x\n')).toEqual([' x\n']);
    expect(one('a:\n  b: |1-\n     x\n')).toEqual({ a: { b: '  x' } }); // b's mapping is at column 2: 3 spaces of indentation
    expect(error('a: |0\n  x\n')).toBe('f.yaml:1:5: invalid YAML: a block scalar indentation indicator of 0');
  });

  test('text after the indicator is an error', () => {
    expect(error('a: | x\n')).toMatch(/^f\.yaml:1:6: invalid YAML: unexpected text after a block scalar indicator/);
  });
});

describe('quoted scalars', () => {
  test('escapes of double-quoted scalars (libyaml list)', () => {
    expect(one('a: "\\x41\\u00e9\\U0001F600\\t\\n\\\\\\"\\0\\ \\_\\e"\n')).toEqual({ a: 'A\u00e9\u{1F600}\t\n\\"\0 \u00a0\u001b' });
    expect(error('a: "\\/"\n')).toMatch(/^f\.yaml:1:5: invalid YAML: an unknown escape sequence/);
    expect(error('a: "\\ud83d\\ude00"\n')).toMatch(/a code point that is not a character/);
    expect(error('a: "\\x4"\n')).toMatch(/expected 2 hexadecimal digits/);
  });

  test('folding, escaped line breaks, single quotes', () => {
    expect(one('a: "x\n  y\n\n  z"\n')).toEqual({ a: 'x y\nz' });
    expect(one('a: "x \\\n   y"\n')).toEqual({ a: 'x y' });
    expect(one('a: "x\\\n   y"\n')).toEqual({ a: 'xy' });
    expect(one("a: 'it''s\n  here'\n")).toEqual({ a: "it's here" });
    expect(one('a: "no\nindentation needed"\n')).toEqual({ a: 'no indentation needed' }); // libyaml checks none
    expect(one('"quoted key": 1\n\'single\': 2\n')).toEqual({ 'quoted key': 1, 'single': 2 });
  });

  test('unterminated, or with a document marker inside', () => {
    expect(error('a: "x\nb: 1\n')).toBe('f.yaml:1:4: invalid YAML: a double-quoted scalar without its closing quote');
    expect(error("a: 'x\n...\n'\n")).toMatch(/^f\.yaml:2:1: invalid YAML: the document end marker `...` inside a quoted scalar/);
  });
});

describe('flow collections', () => {
  test('nested, over several lines (no indentation needed), trailing commas, single pairs', () => {
    expect(one('a: {b: [1, 2, {c: d}], e: f}\n')).toEqual({ a: { b: [1, 2, { c: 'd' }], e: 'f' } });
    expect(one('a: [1,\n2, # two\n  3, ]\nb: {p: 1,\n  q: 2,}\n')).toEqual({ a: [1, 2, 3], b: { p: 1, q: 2 } });
    expect(one('[a: 1, b, "c": 2, ? d : 3]\n')).toEqual([{ a: 1 }, 'b', { c: 2 }, { d: 3 }]);
    expect(one('{a, "b":1, c: , d:e}\n')).toEqual({ 'a': null, 'b': 1, 'c': null, 'd:e': null });
    expect(one('{y: 1, n: 2}\n')).toEqual({ true: 1, false: 2 }); // YAML 1.1, as kubectl reads it
    expect(one('{a: [], b: {}}\n')).toEqual({ a: [], b: {} });
    expect(one('[a b\n  c, d]\n')).toEqual(['a b c', 'd']);
  });

  test('what libyaml reads differently from the YAML specification is refused', () => {
    expect(error('{a:}\n')).toMatch(/^f\.yaml:1:3: invalid YAML: a ":" right before a bracket or a comma is ambiguous/);
    expect(error('[a?b]\n')).toMatch(/expected "," or "]"/); // libyaml ends a plain scalar at '?'
    expect(error('a: [1, 2]x\n')).toMatch(/unexpected text after the value/);
    expect(error('a: [1\n')).toMatch(/^f\.yaml:1:4: invalid YAML: a flow collection without its closing bracket/);
    expect(error('a: [|\n  x]\n')).toMatch(/a block scalar inside a flow collection/);
    expect(error('{[a]: 1}\n')).toMatch(/a collection as a mapping key/);
  });
});

describe('anchors and aliases', () => {
  test('an alias is a copy of the anchored value (JSON shares nothing)', () => {
    const v = one('a: &x {b: [1, 2]}\nc: *x\nd: &s text\ne: *s\n');
    expect(v).toEqual({ a: { b: [1, 2] }, c: { b: [1, 2] }, d: 'text', e: 'text' });
    expect(v.c).not.toBe(v.a);
    expect(v.c.b).not.toBe(v.a.b);
  });

  test('aliases as keys, anchors redefined, anchors on keys and on block collections', () => {
    expect(one('a: &k key\n*k : v\n')).toEqual({ a: 'key', key: 'v' });
    expect(one('a: &x 1\nb: &x 2\nc: *x\n')).toEqual({ a: 1, b: 2, c: 2 });
    expect(one('&k p: 1\nb: *k\n')).toEqual({ p: 1, b: 'p' });
    expect(one('a: &m\n  x: 1\nb: *m\nc: &q\n- 1\nd: *q\n')).toEqual({ a: { x: 1 }, b: { x: 1 }, c: [1], d: [1] });
    // an alias of an anchored number used as a key is converted as kubectl converts the number
    expect(one('a: &n 0x10\n*n : v\n')).toEqual({ a: 16, 16: 'v' });
    // go-yaml: an anchor defined inside the node of the same name wins from then on
    expect(one('a: &x [&x in, *x]\nb: *x\n')).toEqual({ a: ['in', 'in'], b: 'in' });
  });

  test('unknown aliases, a node containing itself, properties on an alias', () => {
    expect(error('a: *nope\n')).toBe('f.yaml:1:4: invalid YAML: an alias of an anchor that is not defined before it in this document');
    expect(error('a: &x [1, *x]\n')).toMatch(/^f\.yaml:1:11: invalid YAML: an alias inside the node its anchor is on/);
    expect(error('a: &x 1\nb: &y *x\n')).toMatch(/^f\.yaml:2:7: invalid YAML: an alias cannot have an anchor or a tag/);
    expect(error('a: &x 1\n---\nb: *x\n')).toMatch(/^f\.yaml:3:4: .*not defined before it in this document/); // anchors end with the document
  });
});

describe('merge keys <<, as go-yaml v2 merges', () => {
  test('a mapping, an alias, a sequence of them (earlier ones win), keys after the merge override it', () => {
    const base = 'base: &b {p: 1, q: 2}\nother: &o {q: 3, r: 4}\n';
    expect(one(`${base}m:\n  <<: *b\n  q: 9\n`).m).toEqual({ p: 1, q: 9 });
    expect(one(`${base}m:\n  <<: [*o, *b]\n`).m).toEqual({ q: 3, r: 4, p: 1 });
    expect(one('m:\n  <<: {a: 1}\n  b: 2\n').m).toEqual({ a: 1, b: 2 });
    expect(one(`${base}m: {<<: *b, r: 0}\n`).m).toEqual({ p: 1, q: 2, r: 0 });
    expect(one(`${base}m:\n  !!merge "<<": *b\n`).m).toEqual({ p: 1, q: 2 });
    expect(one(`${base}m:\n  "<<": *b\n`).m).toEqual({ '<<': { p: 1, q: 2 } }); // a quoted << is a plain key
  });

  test('what kubectl and the YAML merge rules would read differently is refused', () => {
    expect(error('base: &b {x: 1}\nm:\n  x: 0\n  <<: *b\n'))
      .toBe('f.yaml:4:3: invalid YAML: the key "x" is written before the merge key << that also sets it: kubectl lets the merge win, the YAML merge rules the key (write the key after the <<)');
    expect(error('a: &a {x: 1}\nm:\n  <<: *a\n  <<: *a\n')).toBe('f.yaml:4:3: invalid YAML: a second merge key << in one mapping');
  });

  test('a merge of something else than mappings is an error, as in go-yaml', () => {
    expect(error('m:\n  <<: 1\n')).toMatch(/^f\.yaml:2:3: invalid YAML: a merge key << needs a mapping/);
    expect(error('s: &s [{a: 1}]\nm:\n  <<: *s\n')).toMatch(/a merge key << needs a mapping/); // an alias of a sequence
    expect(error('m:\n  <<: [1]\n')).toMatch(/a merge key << needs a mapping/);
    expect(error('m:\n  <<:\n')).toMatch(/a merge key << needs a mapping/);
  });
});

describe('tags', () => {
  test('core tags only; a tag on a collection must be its own', () => {
    expect(one('a: !!map {b: 1}\nc: !!seq [1]\nd: ! x\ne: !!str\n')).toEqual({ a: { b: 1 }, c: [1], d: 'x', e: '' });
    expect(error('a: !!set {b: 1}\n')).toMatch(/^f\.yaml:1:4: invalid YAML: an unsupported tag/);
    expect(error('a: !local x\n')).toMatch(/an unsupported tag/);
    expect(error('a: !e!x y\n')).toMatch(/a tag handle that no %TAG directive defines/);
    expect(error('a: !!seq {b: 1}\n')).toMatch(/a mapping with a tag that is not !!map/);
    expect(error('a: !!map x\n')).toMatch(/a scalar with the tag !!map/);
    expect(error('a: !!%73tr x\n')).toMatch(/a tag with %-escapes/);
    expect(error('a: !!str, b\n')).toMatch(/an unsupported tag/); // libyaml takes the comma into the tag
  });

  test('directives: kubectl cuts documents at `---`, which leaves a directive without its document', () => {
    expect(error('%YAML 1.1\n---\na: 1\n')).toMatch(/^f\.yaml:1:1: invalid YAML: a `%` directive: kubectl cannot read directives/);
    expect(error('%TAG !e! tag:example.com,2000:\n---\na: 1\n')).toMatch(/^f\.yaml:1:1: invalid YAML: a `%` directive/);
  });
});

describe('documents, as kubectl cuts them', () => {
  test('`---` lines (with a comment or not), `...`, empty documents', () => {
    expect(all('a: 1\n--- # second\nb: 2\n---\n---\n# only a comment\n...\n---\nc: 3\n...\n')).toEqual([{ a: 1 }, { b: 2 }, undefined, undefined, { c: 3 }]);
    expect(readYaml('# a comment before the first ---\n---\na: 1\n').documents.map((d) => d.index)).toEqual([0]);
  });

  test('text after `---` on its line, or after `...`, is an error (kubectl refuses the first and ignores the second)', () => {
    expect(error('a: 1\n--- b: 2\n')).toBe('f.yaml:2:5: invalid YAML: text after the document separator `---` (kubectl accepts only a comment after it)');
    expect(error('---x\n')).toMatch(/^f\.yaml:1:4: invalid YAML: text after the document separator/);
    expect(error('a: 1\n...\nb: 2\n')).toBe('f.yaml:3:1: invalid YAML: content after the document end marker `...` (kubectl ignores it without a word; start a new document with `---`)');
  });

  test('a second root node is an error', () => {
    expect(error('  a: 1\nb: 2\n')).toMatch(/^f\.yaml:2:1: invalid YAML: more content after the end of the document's root node/);
  });
});

describe('errors name the line and column, and never quote the text', () => {
  test('indentation', () => {
    expect(error('a:\n\tb: 1\n')).toBe('f.yaml:2:1: invalid YAML: a tab character in the indentation (YAML indents with spaces only)');
    expect(error('a: 1\n  b: 2\n')).toMatch(/^f\.yaml:2:4: invalid YAML: a mapping key on more than one line/);
    expect(error('a:\n  b: "x"\n    c: 2\n')).toMatch(/^f\.yaml:3:5: invalid YAML: this line is indented more than the mapping entries before it/);
    expect(error('a:\n  - 1\n - 2\n')).toMatch(/^f\.yaml:3:2: invalid YAML: this line is indented more than the mapping entries/);
    expect(error('- 1\nb: 2\n')).toMatch(/^f\.yaml:2:1: invalid YAML: expected a sequence entry "-" at this indentation/);
    expect(error('a: 1\nb\n')).toMatch(/^f\.yaml:2:1: invalid YAML: expected ":" after this mapping key/);
  });

  test('values', () => {
    expect(error('a: b: c\n')).toMatch(/^f\.yaml:1:5: invalid YAML: unexpected ":"/);
    expect(error('a: - b\n')).toMatch(/^f\.yaml:1:4: invalid YAML: a sequence entry cannot start on the line of its key/);
    expect(error('a: "b"#c\n')).toMatch(/^f\.yaml:1:7: invalid YAML: a comment must be separated from what precedes it by a space/);
    expect(error('a: @x\n')).toMatch(/^f\.yaml:1:4: invalid YAML: a plain value cannot start with "@"/);
    expect(error('-\tx\n')).toMatch(/^f\.yaml:1:2: invalid YAML: a tab after the "-" indicator/);
    expect(error('a: .inf\n')).toMatch(/^f\.yaml:1:4: invalid YAML: \.inf and \.nan cannot be written in JSON/);
    expect(error('~: x\n')).toMatch(/^f\.yaml:1:1: invalid YAML: a null mapping key/);
  });

  test('characters that YAML refuses, or that kubectl reads as line breaks where an editor shows none', () => {
    expect(error('a: b\x07c\n')).toBe('f.yaml:1:5: invalid YAML: the control character U+0007, which YAML does not allow');
    expect(error('a: 1\u2028b: 2\n')).toMatch(/^f\.yaml:1:5: invalid YAML: the character U\+2028, which kubectl reads as a line break/);
    expect(error('a: 1\u0085\n')).toMatch(/U\+0085/);
    expect(error('a: 1\rb: 2\n')).toMatch(/^f\.yaml:1:5: invalid YAML: a carriage return that is not followed by a line feed/);
    expect(error('a: x\uFEFF\n')).toMatch(/a byte-order mark \(U\+FEFF\) inside the text/);
    expect(error('a: \ud800\n')).toMatch(/an unpaired UTF-16 surrogate/);
    expect(one('a: "😀 ok"\n')).toEqual({ a: '😀 ok' });
  });

  test('no message quotes the text it refuses', () => {
    const secret = 'SECRET_TOKEN_1234';
    for (const text of [`a: "${secret}\n`, `a: ${secret}: b\n`, `${secret}\nb: 1\n`, `a: !${secret} x\n`, `a: [${secret}\n`, `--- ${secret}\n`, `a: *${secret}\n`]) {
      expect(error(text)).not.toContain(secret);
    }
  });
});

describe('limits', () => {
  test(`nesting deeper than ${LIMITS.maxDepth} levels is an error where it passes the limit`, () => {
    const ok = `${'['.repeat(LIMITS.maxDepth)}${']'.repeat(LIMITS.maxDepth)}\n`;
    expect(() => readYaml(ok)).not.toThrow();
    expect(error(`${'['.repeat(200_000)}\n`)).toBe(`f.yaml:1:${LIMITS.maxDepth + 1}: invalid YAML: nesting deeper than 256 levels`);
    expect(error(`${'- '.repeat(300)}x\n`)).toBe(`f.yaml:1:${2 * LIMITS.maxDepth + 1}: invalid YAML: nesting deeper than 256 levels`);
    const block = Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    expect(error(`${block} 1\n`)).toBe(`f.yaml:${LIMITS.maxDepth + 1}:${LIMITS.maxDepth + 1}: invalid YAML: nesting deeper than 256 levels`);
    // an alias copied deeper than the limit
    const deep = `${'['.repeat(200)}${']'.repeat(200)}`;
    expect(error(`a: &d ${deep}\nb: ${'['.repeat(100)}*d${']'.repeat(100)}\n`)).toMatch(/^f\.yaml:2:104: invalid YAML: nesting deeper than 256 levels/);
  });

  test(`keys longer than ${LIMITS.maxKeyLength} characters are an error (libyaml refuses such implicit keys too)`, () => {
    expect(Object.keys(one(`${'k'.repeat(LIMITS.maxKeyLength)}: 1\n`))[0]).toHaveLength(LIMITS.maxKeyLength);
    expect(error(`a: 1\n${'k'.repeat(4 * 1024 * 1024)}: 1\n`)).toBe('f.yaml:2:1: invalid YAML: a mapping key of more than 1,024 characters');
    expect(error(`"${'k'.repeat(LIMITS.maxKeyLength + 1)}": 1\n`)).toMatch(/a mapping key of more than 1,024 characters/);
  });

  test(`aliases may add at most ${LIMITS.maxAliasNodes.toLocaleString('en-US')} nodes to a document ("billion laughs")`, () => {
    const lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (let i = 1; i < 9; i++) lines.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(10).fill(`*${'abcdefghi'[i - 1]}`).join(', ')}]`);
    expect(error(lines.join('\n') + '\n')).toMatch(/^f\.yaml:\d+:\d+: invalid YAML: aliases expand this document by more than 100,000 nodes/);
    // within the limit, read as written
    expect(one('a: &a [1, 2]\nb: [*a, *a, *a]\n').b).toEqual([[1, 2], [1, 2], [1, 2]]);
  });

  test('a key written twice is an error naming it and its first line (kubectl keeps the last one silently)', () => {
    expect(error('a: 1\nb:\n  c: 1\n  c: 2\n')).toBe('f.yaml:4:3: invalid YAML: the key "c" appears twice in this mapping (first on line 3); kubectl keeps only the last one');
    expect(error('{a: 1, a: 2}\n')).toMatch(/^f\.yaml:1:8: invalid YAML: the key "a" appears twice/);
    expect(error('x:\n  y:\n    z:\n      w: 1\n      w: 2\n')).toMatch(/^f\.yaml:5:7: .*first on line 4/); // deeper than the recorded levels
  });
});

describe('keys such as __proto__ are own properties, never the prototype', () => {
  test('in block and flow mappings, through aliases and merges', () => {
    const v = one('__proto__: {polluted: 1}\nconstructor: x\nf: {__proto__: [1]}\na: &a {__proto__: {p: 2}}\nb: *a\nm:\n  <<: *a\n');
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__', 'constructor', 'f', 'a', 'b', 'm']);
    expect(Object.getOwnPropertyDescriptor(v, '__proto__')?.value).toEqual({ polluted: 1 });
    expect(Object.getOwnPropertyDescriptor(v.f, '__proto__')?.value).toEqual([1]);
    expect(Object.getOwnPropertyDescriptor(v.b, '__proto__')?.value).toEqual({ p: 2 });
    expect(Object.getOwnPropertyDescriptor(v.m, '__proto__')?.value).toEqual({ p: 2 });
    expect(({} as any).polluted).toBeUndefined();
    expect(v.polluted).toBeUndefined();
  });
});

describe('where fields are written', () => {
  test('fieldLine of deep fields, of List items, of merged keys and aliases', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\n    labels: &l\n      app: web\n' +
      '- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: b\n    labels:\n      <<: *l\n      tier: x\n    annotations: *l\n';
    const [a, b] = parseManifests(text, 'l.yaml');
    expect([a.line, b.line]).toEqual([4, 10]);
    expect(a.fieldLine?.('metadata.labels[app]')).toBe(9);
    expect(b.fieldLine?.('metadata.labels[tier]')).toBe(16);
    expect(b.fieldLine?.('metadata.labels[app]')).toBe(15); // merged: the line of <<
    expect(b.fieldLine?.('metadata.annotations[app]')).toBe(17); // in an alias: the line of the alias
    expect(b.fieldLine?.('spec.containers[0]')).toBe(10); // not written: the object
  });
});
