/**
 * Parsing the text of one input: multi-document YAML and JSON, `List` (and `*List`) objects
 * flattened, empty documents skipped. Every object keeps where it came from (document, line,
 * and the line of each field), so that an error can name it.
 *
 * Used by the CLI (through `read.ts`) and by `NetworkModel.fromYaml`-style entry points; it
 * knows nothing about what the objects mean.
 */
import { isMap, isNode, isPair, isSeq, LineCounter, Node as YamlNode, parseAllDocuments, parseDocument } from 'yaml';
import { ManifestDoc, ManifestError } from './describe';
import { isListKind, listItem } from '../k8s';

/** true when a value looks like a Kubernetes object (it has `apiVersion` and `kind`). */
export function isKubernetesObject(obj: unknown): boolean {
  return typeof obj === 'object' && obj !== null && !Array.isArray(obj)
    && typeof (obj as any).kind === 'string' && typeof (obj as any).apiVersion === 'string';
}

interface RawDoc {
  readonly value: unknown;
  readonly index: number;
  readonly line?: number;
  /** the line of a node of the document, by its path of keys and indexes */
  readonly lineAt?: (path: readonly (string | number)[]) => number | undefined;
  /** false when `lineAt` is costly (JSON: parsed again on demand), so only used for errors */
  readonly cheapLines?: boolean;
}

/**
 * Parses the text of one input (YAML with any number of documents, or JSON) into objects.
 * `List` and `*List` kinds are flattened into their items; empty documents are skipped.
 * Throws a `ManifestError` naming the source and line for text that does not parse, or for a
 * document that is not an object.
 */
export function parseManifests(text: string, source: string): ManifestDoc[] {
  text = text.replace(/^\uFEFF/, ''); // a byte-order mark, as some Windows editors write
  const raw = looksLikeJson(text) ? parseJson(text, source) : parseYaml(text, source);
  const docs: ManifestDoc[] = [];
  for (const r of raw) {
    flatten(r.value, r, source, docs);
  }
  return docs;
}

function flatten(value: unknown, raw: RawDoc, source: string, out: ManifestDoc[]): void {
  if (value === null || value === undefined) return; // an empty document
  if (Array.isArray(value)) {
    // a bare array of objects (JSON output of some tools): each element is an object
    value.forEach((v, i) => pushObject(v, raw, [i], i, source, out));
    return;
  }
  if (typeof value !== 'object') {
    throw new ManifestError(`document ${raw.index + 1} is not a Kubernetes object but ${describeScalar(value)}`, source, raw.line);
  }
  if (isListKind(value)) {
    const list = value as any;
    (list.items ?? []).forEach((item: unknown, i: number) => {
      pushObject(listItem(list, item), raw, ['items', i], i, source, out);
    });
    return;
  }
  pushObject(value, raw, [], undefined, source, out);
}

function pushObject(
  value: unknown, raw: RawDoc, prefix: readonly (string | number)[], item: number | undefined, source: string, out: ManifestDoc[],
): void {
  if (value === null || value === undefined) return;
  const line = (raw.cheapLines ? raw.lineAt?.(prefix) : undefined) ?? raw.line;
  if (typeof value !== 'object' || Array.isArray(value)) {
    const where = item === undefined ? `document ${raw.index + 1}` : `item ${item + 1} of document ${raw.index + 1}`;
    throw new ManifestError(`${where} is not a Kubernetes object but ${describeScalar(value)}`, source, line);
  }
  if (isListKind(value)) {
    // a List inside a List: its items are not located (rare)
    flatten(value, { value, index: raw.index, line }, source, out);
    return;
  }
  const doc: { -readonly [K in keyof ManifestDoc]: ManifestDoc[K] } = { object: value, source, index: raw.index };
  if (item !== undefined) doc.item = item;
  if (line !== undefined) doc.line = line;
  const lineAt = raw.lineAt;
  if (lineAt) {
    Object.defineProperty(doc, 'fieldLine', {
      enumerable: false,
      value: (fieldPath: string) => {
        const keys = [...prefix, ...parseFieldPath(fieldPath)];
        // the field itself, or the closest enclosing one that is written
        for (let n = keys.length; n >= prefix.length; n--) {
          const l = lineAt(keys.slice(0, n));
          if (l !== undefined) return l;
        }
        return undefined;
      },
    });
  }
  out.push(doc);
}

/** `spec.ingress[0].ports[1].endPort` -> `['spec', 'ingress', 0, 'ports', 1, 'endPort']`; `labels[app]` -> `['labels', 'app']`. */
export function parseFieldPath(fieldPath: string): (string | number)[] {
  const keys: (string | number)[] = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(fieldPath)) !== null) {
    if (m[1] !== undefined) keys.push(m[1]);
    else keys.push(/^[0-9]+$/.test(m[2]) ? Number(m[2]) : m[2]);
  }
  return keys;
}

function describeScalar(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '...' : value)}`;
  return `the ${typeof value} ${String(value)}`;
}

function looksLikeJson(text: string): boolean {
  const t = text.trimStart().replace(/^\uFEFF/, '');
  return t.startsWith('{') || t.startsWith('[');
}

/** JSON, read strictly as kubectl does for input that starts with `{` or `[`. */
function parseJson(text: string, source: string): RawDoc[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message);
    const at = pos ? lineAndColumn(text, Number(pos[1])) : undefined;
    const short = message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
    throw new ManifestError(`invalid JSON: ${short}`, source, at?.line, at?.column);
  }
  // lines are only needed to point at an error: the text is parsed again (as YAML) then
  let located: ((keys: readonly (string | number)[]) => number | undefined) | null | undefined;
  const lineAt = (keys: readonly (string | number)[]) => {
    if (located === undefined) {
      try {
        const lineCounter = new LineCounter();
        const doc = parseDocument(text, { lineCounter, prettyErrors: false });
        located = doc.errors.length > 0 ? null : locator(doc.contents as YamlNode | null, lineCounter);
      } catch {
        located = null;
      }
    }
    return located ? located(keys) : undefined;
  };
  return [{ value, index: 0, lineAt, cheapLines: false }];
}

/** The line of a node of a parsed YAML document, by its path of keys and indexes. */
function locator(contents: YamlNode | null, lineCounter: LineCounter): (keys: readonly (string | number)[]) => number | undefined {
  const lineOf = (node: unknown): number | undefined => {
    const range = (node as YamlNode | undefined)?.range;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };
  return (keys) => {
    if (!contents) return undefined;
    if (keys.length === 0) return lineOf(contents);
    if (!isMap(contents) && !isSeq(contents)) return undefined;
    const node = contents.getIn(keys, true);
    return isNode(node) || isPair(node) ? lineOf(node) : undefined;
  };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastNewline = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) { line++; lastNewline = i; }
  }
  return { line, column: offset - lastNewline };
}

function parseYaml(text: string, source: string): RawDoc[] {
  const lineCounter = new LineCounter();
  // YAML 1.1, as Kubernetes reads it: `yes`, `on` are booleans, `0755` is octal
  const documents = parseAllDocuments(text, { lineCounter, version: '1.1', prettyErrors: false });
  const out: RawDoc[] = [];
  documents.forEach((doc, index) => {
    const error = doc.errors[0];
    if (error) {
      const pos = error.pos?.[0] !== undefined ? lineCounter.linePos(error.pos[0]) : undefined;
      const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      throw new ManifestError(`invalid YAML: ${message}`, source, pos?.line, pos?.col);
    }
    const contents = doc.contents as YamlNode | null;
    if (contents === null || contents === undefined) return;
    const lineAt = locator(contents, lineCounter);
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (e) {
      throw new ManifestError(`invalid YAML: ${e instanceof Error ? e.message : String(e)}`, source, lineAt([]));
    }
    out.push({ value, index, line: lineAt([]), lineAt, cheapLines: true });
  });
  return out;
}
