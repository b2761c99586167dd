/**
 * Parsing the text of one input: multi-document YAML and JSON, `List` (and `*List`) objects
 * flattened, empty documents skipped. Every object keeps where it came from (document, line,
 * and the line of each field), so that an error can name it.
 *
 * YAML is read by `yaml-reader.ts` and JSON by `json-reader.ts`, both as kubectl reads them
 * (scalars as `scalars.ts` resolves them), with the limits of `limits.ts` and costs linear in the
 * text. Used by the CLI (through `read.ts`) and by `NetworkModel.fromYaml`-style entry points;
 * it knows nothing about what the objects mean.
 */
import { ManifestDoc, ManifestError } from './describe';
import { locateJson, readJson } from './json-reader';
import { FieldOffsets, fieldOffset, LineIndex, ReadError } from './text-position';
import { readYaml } from './yaml-reader';
import { isListKind, listItem } from '../k8s';

/** true when a value looks like a Kubernetes object (it has `apiVersion` and `kind`). */
export function isKubernetesObject(obj: unknown): boolean {
  return typeof obj === 'object' && obj !== null && !Array.isArray(obj)
    && typeof (obj as any).kind === 'string' && typeof (obj as any).apiVersion === 'string';
}

/** One document of an input, before it is flattened into objects. */
interface RawDoc {
  readonly value: unknown;
  readonly index: number;
  readonly line?: number;
}

/** Where the fields of an input's documents are written. */
interface Locator {
  /** false when `lineAt` is costly (JSON: read again on demand), so only used for errors */
  readonly cheap: boolean;
  /** the line of the node at `path` (keys and indexes) of document `index`, when it is written */
  lineAt(index: number, path: readonly (string | number)[]): number | undefined;
}

/** An object read from an input; `fieldLine` is a method, so that it is no enumerable property. */
class LocatedDoc implements ManifestDoc {
  public readonly item?: number;
  public readonly line?: number;
  readonly #locator: Locator;
  readonly #prefix: readonly (string | number)[];

  public constructor(
    public readonly object: any, public readonly source: string, public readonly index: number,
    item: number | undefined, line: number | undefined, locator: Locator, prefix: readonly (string | number)[],
  ) {
    if (item !== undefined) this.item = item;
    if (line !== undefined) this.line = line;
    this.#locator = locator;
    this.#prefix = prefix;
  }

  /** The line of a field (`spec.ingress[0].ports[1].endPort`), or of the closest enclosing field that is written. */
  public fieldLine(fieldPath: string): number | undefined {
    const prefix = this.#prefix;
    const keys = [...prefix, ...parseFieldPath(fieldPath)];
    for (let n = keys.length; n >= prefix.length; n--) {
      const l = this.#locator.lineAt(this.index, keys.slice(0, n));
      if (l !== undefined) return l;
    }
    return undefined;
  }
}

/**
 * Parses the text of one input (YAML with any number of documents, or JSON) into objects.
 * `List` and `*List` kinds are flattened into their items; empty documents are skipped.
 * Throws a `ManifestError` naming the source, line and column for text that does not parse (the
 * message says what was expected, never quoting the text), or naming the document that is not
 * an object.
 */
export function parseManifests(text: string, source: string): ManifestDoc[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a byte-order mark, as some Windows editors write
  const { raw, locator } = looksLikeJson(text) ? parseJson(text, source) : parseYaml(text, source);
  const docs: ManifestDoc[] = [];
  // (the number of objects of all inputs together is bounded by read.ts, LIMITS.maxObjects)
  for (const r of raw) flatten(r.value, r, locator, source, docs);
  return docs;
}

function flatten(value: unknown, raw: RawDoc, locator: Locator, source: string, out: ManifestDoc[]): void {
  if (value === null || value === undefined) return; // an empty document
  if (Array.isArray(value)) {
    // a bare array of objects (JSON output of some tools): each element is an object
    value.forEach((v, i) => pushObject(v, raw, locator, [i], i, source, out));
    return;
  }
  if (typeof value !== 'object') {
    throw new ManifestError(`document ${raw.index + 1} is not a Kubernetes object but ${describeValue(value)}`, source, raw.line);
  }
  if (isListKind(value)) {
    const list = value as any;
    (list.items ?? []).forEach((item: unknown, i: number) => {
      pushObject(listItem(list, item), raw, locator, ['items', i], i, source, out);
    });
    return;
  }
  pushObject(value, raw, locator, [], undefined, source, out);
}

const NOWHERE: Locator = { lineAt: () => undefined, cheap: true };

function pushObject(
  value: unknown, raw: RawDoc, locator: Locator, prefix: readonly (string | number)[], item: number | undefined, source: string, out: ManifestDoc[],
): void {
  if (value === null || value === undefined) return;
  const line = (locator.cheap && prefix.length > 0 ? locator.lineAt(raw.index, prefix) : undefined) ?? raw.line;
  if (typeof value !== 'object' || Array.isArray(value)) {
    const where = item === undefined ? `document ${raw.index + 1}` : `item ${item + 1} of document ${raw.index + 1}`;
    throw new ManifestError(`${where} is not a Kubernetes object but ${describeValue(value)}`, source, line);
  }
  if (isListKind(value)) {
    // a List inside a List: its items are not located (rare)
    flatten(value, { value, index: raw.index, line }, NOWHERE, source, out);
    return;
  }
  out.push(new LocatedDoc(value, source, raw.index, item, line, locator, prefix));
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

/**
 * What a document that is not an object holds, without its content: a file named by mistake
 * (a link to /proc/self/environ, a key file) must not have its text printed in a CI log.
 */
function describeValue(value: unknown): string {
  if (Array.isArray(value)) return `a list of ${count(value.length, 'item')}`;
  if (typeof value === 'string') return `a text of ${count(value.length, 'character')}`;
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return `a ${typeof value}`;
}

function count(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : `${word}s`}`;
}

/** JSON is what starts with `{` or `[` (after white space). */
function looksLikeJson(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) continue;
    return c === 123 || c === 91;
  }
  return false;
}

function readError(e: unknown, kind: string, text: string, source: string): never {
  if (e instanceof ReadError) {
    const at = new LineIndex(text).position(e.offset);
    throw new ManifestError(`invalid ${kind}: ${e.message}`, source, at.line, at.column);
  }
  throw e;
}

/** JSON, read strictly as kubectl and the API server read it. */
function parseJson(text: string, source: string): { raw: RawDoc[]; locator: Locator } {
  let stream;
  try {
    stream = readJson(text);
  } catch (e) {
    readError(e, 'JSON', text, source);
  }
  // lines are only needed to point at an error: the text is read again (exactly) then, once
  let located: { fields: FieldOffsets; values: unknown[]; offsets: number[]; lines: LineIndex } | undefined;
  const locator: Locator = {
    cheap: false,
    lineAt: (index, path) => {
      located ??= { ...locateJson(text), lines: new LineIndex(text) };
      const offset = fieldOffset(located.fields, located.values[index], located.offsets[index], path);
      return offset === undefined ? undefined : located.lines.line(offset);
    },
  };
  return { raw: stream.values.map((value, index) => ({ value, index })), locator };
}

function parseYaml(text: string, source: string): { raw: RawDoc[]; locator: Locator } {
  let stream;
  try {
    stream = readYaml(text);
  } catch (e) {
    readError(e, 'YAML', text.replace(/\r\n/g, '\n'), source);
  }
  const lines = new LineIndex(stream.text);
  const { documents, fields, locate } = stream;
  // the top level and the items of top-level sequences (a List's) are located while reading;
  // other fields by reading the document again, once
  const located: ({ value: unknown; fields: FieldOffsets } | undefined)[] = [];
  const locator: Locator = {
    cheap: true,
    lineAt: (index, path) => {
      const d = documents[index];
      let offset = path.length <= 2 ? fieldOffset(fields, d.value, d.offset, path) : undefined;
      if (offset === undefined) {
        const full = located[index] ??= locate(d);
        offset = fieldOffset(full.fields, full.value, d.offset, path);
      }
      return offset === undefined ? undefined : lines.line(offset);
    },
  };
  // the line of each document: newlines counted once, from one document to the next (the full
  // index of lines is only built when a field's line is asked for)
  const s = stream.text;
  let line = 1;
  let counted = 0;
  const raw = documents.map((d) => {
    if (d.offset < 0) return { value: d.value, index: d.index };
    for (let i = s.indexOf('\n', counted); i >= 0 && i < d.offset; i = s.indexOf('\n', counted)) {
      line++;
      counted = i + 1;
    }
    return { value: d.value, index: d.index, line };
  });
  return { raw, locator };
}
