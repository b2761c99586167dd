import * as path from 'path';
import {
  describeObject,
  docLocation,
  fieldLocation,
  listManifestFiles,
  ManifestError,
  parseFieldPath,
  parseManifests,
  readInputs,
} from '../../src/manifests';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const fixture = (...parts: string[]) => path.join(FIXTURES, ...parts);

/** The error thrown by a function, or a failure when it does not throw. */
function thrown(fn: () => unknown): ManifestError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ManifestError);
    return e as ManifestError;
  }
  throw new Error('expected an error');
}

const names = (docs: { object: any }[]) => docs.map((d) => `${d.object.kind}/${d.object.metadata?.name}`);

describe('parseManifests', () => {
  test('GIVEN multi-document YAML WHEN parsed THEN every object, tagged with source, document and line', () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: b\n';
    const docs = parseManifests(text, 'ns.yaml');
    expect(docs).toEqual([
      { object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } }, source: 'ns.yaml', index: 0, line: 1 },
      { object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'b' } }, source: 'ns.yaml', index: 1, line: 6 },
    ]);
  });

  test('empty documents and comment-only documents are skipped; an empty text is no object', () => {
    expect(parseManifests('', 'x.yaml')).toEqual([]);
    expect(parseManifests('# nothing\n', 'x.yaml')).toEqual([]);
    const docs = parseManifests('---\n---\n# c\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n', 'x.yaml');
    expect(names(docs)).toEqual(['Namespace/a']);
    expect(docs[0].index).toBe(2);
  });

  test('a List is flattened, each item with its line', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: a}\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: b}\n';
    const docs = parseManifests(text, 'l.yaml');
    expect(names(docs)).toEqual(['Pod/a', 'Pod/b']);
    expect(docs.map((d) => [d.item, d.line])).toEqual([[0, 4], [1, 7]]);
  });

  test('items of a typed list (NetworkPolicyList, as the API returns it) get the kind and apiVersion', () => {
    const text = JSON.stringify({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicyList', items: [{ metadata: { name: 'p' }, spec: {} }] });
    expect(parseManifests(text, 'p.json')).toEqual([
      { object: { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p' }, spec: {} }, source: 'p.json', index: 0, item: 0 },
    ]);
  });

  test('an empty List gives no object', () => {
    expect(parseManifests('apiVersion: v1\nkind: List\nitems: []\n', 'x.yaml')).toEqual([]);
    expect(parseManifests('{"apiVersion":"v1","kind":"List","items":null}', 'x.json')).toEqual([]);
  });

  test('JSON is read strictly, with the line of the error', () => {
    expect(names(parseManifests('{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"a"}}', 'a.json'))).toEqual(['Namespace/a']);
    const e = thrown(() => parseManifests('{\n  "kind": "Pod",\n}\n', 'bad.json'));
    expect(e.message).toMatch(/^bad\.json:3:1: invalid JSON: /);
    expect(e.source).toBe('bad.json');
    expect(e.line).toBe(3);
  });

  test('a byte-order mark and CRLF line ends are fine', () => {
    expect(names(parseManifests('\uFEFF{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"a"}}', 'a.json'))).toEqual(['Namespace/a']);
    expect(names(parseManifests('\uFEFFapiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n  name: b\r\n', 'b.yaml'))).toEqual(['Namespace/b']);
  });

  test('invalid YAML names the file, line and column', () => {
    const e = thrown(() => parseManifests('a: 1\nb:\n  c: 1\n   d: 2\n', 'bad.yaml'));
    expect(e.message).toMatch(/^bad\.yaml:\d+:\d+: invalid YAML: /);
    expect(e.message).not.toMatch(/\n/);
    expect(thrown(() => parseManifests('a: 1\na: 2\n', 'dup.yaml')).message).toBe('dup.yaml:2:1: invalid YAML: the key "a" appears twice in this mapping (first on line 1); kubectl keeps only the last one');
  });

  test('a document that is not an object is an error naming the document', () => {
    const e = thrown(() => parseManifests('apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\nhello\n', 't.yaml'));
    expect(e.message).toBe('t.yaml:5: document 2 is not a Kubernetes object but a text of 5 characters');
  });

  test('fieldLine locates a field by its API path, or the closest enclosing field', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: networking.k8s.io/v1\n  kind: NetworkPolicy\n  metadata: {name: a}\n' +
      '  spec:\n    ingress:\n    - ports:\n      - port: 80\n        endPort: 70\n';
    const [doc] = parseManifests(text, 'l.yaml');
    expect(doc.line).toBe(4);
    expect(doc.fieldLine?.('spec.ingress[0].ports[0].endPort')).toBe(11);
    expect(doc.fieldLine?.('spec.ingress[0].ports[0].protocol')).toBe(10);
    expect(doc.fieldLine?.('metadata.labels[app]')).toBe(6);
    expect(fieldLocation(doc, 'spec.ingress[0].ports[0].endPort')).toBe('l.yaml:11');
    expect(parseFieldPath('spec.podSelector.matchLabels[app.kubernetes.io/name]')).toEqual(['spec', 'podSelector', 'matchLabels', 'app.kubernetes.io/name']);
    // JSON: the object has no line (finding it costs a second parse), its fields do
    const jsonText = '{\n "apiVersion": "v1",\n "kind": "List",\n "items": [\n  {\n   "apiVersion": "v1",\n   "kind": "Pod",\n   "spec": {\n    "hostNetwork": 7\n   }\n  }\n ]\n}\n';
    const [json] = parseManifests(jsonText, 'p.json');
    expect(json.line).toBeUndefined();
    expect(docLocation(json)).toBe('p.json, document 1, item 1');
    expect(fieldLocation(json, 'spec.hostNetwork')).toBe('p.json:9');
    expect(fieldLocation(json, 'spec.containers[0]')).toBe('p.json:8');
  });

  test('YAML is read as Kubernetes reads it (YAML 1.1)', () => {
    const [doc] = parseManifests('apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels:\n    enabled: yes\n', 'y.yaml');
    expect(doc.object.metadata.labels.enabled).toBe(true);
    const [ports] = parseManifests('apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {ports: [010, 0x50, 0o26, 1_000, 08, 1:20, "010"]}\n', 'p.yaml');
    expect(ports.object.spec.ports).toEqual([8, 80, 22, 1000, 8, '1:20', '010']);
  });

  test('what a document that is not an object holds is described, never shown', () => {
    expect(thrown(() => parseManifests('- s3cret\n', 'x.yaml')).message).toBe('x.yaml:1: item 1 of document 1 is not a Kubernetes object but a text of 6 characters');
    expect(thrown(() => parseManifests('42\n', 'x.yaml')).message).toBe('x.yaml:1: document 1 is not a Kubernetes object but a number');
    expect(thrown(() => parseManifests('[[1, 2]]', 'x.json')).message).toBe('x.json: item 1 of document 1 is not a Kubernetes object but a list of 2 items');
    expect(thrown(() => parseManifests('"SECRET=1"', 'x.json')).message).toBe('x.json:1: document 1 is not a Kubernetes object but a text of 8 characters'); // not { or [: read as YAML;
  });
});

describe('describeObject and docLocation', () => {
  test('name the object as kind namespace/name', () => {
    expect(describeObject({ kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'shop' } })).toBe('NetworkPolicy shop/p');
    expect(describeObject({ kind: 'Deployment', metadata: { name: 'web' } })).toBe('Deployment default/web');
    expect(describeObject({ kind: 'Namespace', metadata: { name: 'shop' } })).toBe('Namespace shop');
    expect(describeObject({})).toBe('object default/(unnamed)');
  });

  test('locate by line, or by document and item', () => {
    expect(docLocation({ object: {}, source: 'a.yaml', index: 0, line: 12 })).toBe('a.yaml:12');
    expect(docLocation({ object: {}, source: 'a.json', index: 0, item: 2 })).toBe('a.json, document 1, item 3');
  });
});

describe('readInputs', () => {
  test('a directory is read recursively, in sorted order', () => {
    const docs = readInputs([fixture('shop')]);
    expect([...new Set(docs.map((d) => path.basename(d.source)))]).toEqual(['namespaces.yaml', 'policies.yaml', 'workloads.yaml']);
    expect(names(docs)).toContain('NetworkPolicy/default-deny');
    expect(names(docs)).toContain('StatefulSet/db');
  });

  test('files are read in the order given; YAML, JSON and Lists alike', () => {
    const docs = readInputs([fixture('formats', 'pod.json'), fixture('formats', 'list.yaml'), fixture('formats', 'policies.json')]);
    expect(names(docs)).toEqual(['Pod/client', 'Namespace/web', 'Pod/nginx', 'NetworkPolicy/web-ingress', 'NetworkPolicy/deny-all', 'NetworkPolicy/allow-80']);
  });

  test('a file in a directory that holds no Kubernetes object is skipped, with a warning', () => {
    const warnings: string[] = [];
    const docs = readInputs([fixture('formats')], { onWarning: (w) => warnings.push(w) });
    expect(names(docs)).toContain('Namespace/empty-docs');
    expect(warnings).toEqual([`${fixture('formats', 'not-kubernetes.json')}: skipped, it holds no Kubernetes object`]);
  });

  test('a file named explicitly must hold Kubernetes objects', () => {
    expect(thrown(() => readInputs([fixture('formats', 'not-kubernetes.json')])).message)
      .toBe(`${fixture('formats', 'not-kubernetes.json')}: document 1 is not a Kubernetes object: it has no apiVersion or kind`);
  });

  test('- reads standard input', () => {
    const docs = readInputs(['-'], { stdin: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: from-stdin}\n' });
    expect(docs).toEqual([{ object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'from-stdin' } }, source: '<stdin>', index: 0, line: 1 }]);
    expect(names(readInputs(['-'], { stdin: () => '{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"fn"}}' }))).toEqual(['Namespace/fn']);
    expect(thrown(() => readInputs(['-', '-'], { stdin: '' })).message).toMatch(/standard input can only be read once/);
    const eagain = Object.assign(new Error('EAGAIN: resource temporarily unavailable'), { code: 'EAGAIN' });
    expect(thrown(() => readInputs(['-'], { stdin: () => { throw eagain; } })).message).toBe('<stdin>: cannot read (EAGAIN)');
  });

  test('a missing file is an error naming it', () => {
    expect(thrown(() => readInputs(['does-not-exist.yaml'])).message).toBe('does-not-exist.yaml: no such file or directory');
  });

  test('invalid input in a directory names the file', () => {
    expect(thrown(() => readInputs([fixture('invalid', 'bad-yaml.yaml')])).message).toMatch(/bad-yaml\.yaml:8:\d+: invalid YAML/);
    expect(thrown(() => readInputs([fixture('invalid', 'bad-json.json')])).message).toMatch(/bad-json\.json:4:\d+: invalid JSON/);
  });

  test('listManifestFiles: only *.yaml, *.yml and *.json, sorted', () => {
    const files = listManifestFiles(FIXTURES).map((f) => path.relative(FIXTURES, f));
    expect(files).toEqual([...files].sort());
    expect(files.every((f) => /\.(ya?ml|json)$/.test(f))).toBe(true);
  });
});
