/**
 * Where a manifest object came from and how to name it in a message: `file.yaml:12`,
 * `NetworkPolicy shop/allow-web`, and the error for input that cannot be read.
 */
import { isClusterScopedKind } from '../k8s';
import { quote } from '../text';

/** One Kubernetes object read from an input, with where it came from. */
export interface ManifestDoc {
  /** the object, as plain JSON data */
  readonly object: any;
  /** the file it was read from (`<stdin>` for standard input) */
  readonly source: string;
  /** 0-based index of the YAML document (or JSON value) in the source */
  readonly index: number;
  /** 0-based index in a `List`'s `items`, when the object came from one */
  readonly item?: number;
  /** 1-based line where the object starts, when known */
  readonly line?: number;
  /**
   * The line of a field of the object, by its API path (`spec.ingress[0].ports[1].endPort`),
   * or of the closest enclosing field that is written (not enumerable).
   */
  readonly fieldLine?: (fieldPath: string) => number | undefined;
}

/** Input that cannot be read or parsed; the message names the file and, when known, the line. */
export class ManifestError extends Error {
  public constructor(
    message: string,
    public readonly source: string,
    public readonly line?: number,
    public readonly column?: number,
  ) {
    super(`${location(source, line, column)}: ${message}`);
    this.name = 'ManifestError';
  }
}

function location(source: string, line?: number, column?: number): string {
  if (line === undefined) return source;
  return column === undefined ? `${source}:${line}` : `${source}:${line}:${column}`;
}

/** `file.yaml:12` (or `file.yaml, document 3` when the line is not known). */
export function docLocation(doc: ManifestDoc): string {
  if (doc.line !== undefined) return `${doc.source}:${doc.line}`;
  const item = doc.item !== undefined ? `, item ${doc.item + 1}` : '';
  return `${doc.source}, document ${doc.index + 1}${item}`;
}

/** `file.yaml:14`: where a field of the object is written (the object's location when unknown). */
export function fieldLocation(doc: ManifestDoc, fieldPath: string): string {
  const line = doc.fieldLine?.(fieldPath);
  return line !== undefined ? `${doc.source}:${line}` : docLocation(doc);
}

/**
 * `NetworkPolicy shop/allow-web`, `Deployment default/web`, `Namespace shop`. A kind, name or
 * namespace that could not be a real one (this is what names an object in the error that rejects
 * it) is shown quoted and escaped (`Deployment shop/"a\nb"`), so that it cannot break the line or
 * hide text from the reader.
 */
export function describeObject(obj: any): string {
  const kind = typeof obj?.kind === 'string' && obj.kind ? shown(obj.kind) : 'object';
  const meta = obj?.metadata ?? {};
  const name = typeof meta.name === 'string' && meta.name ? shown(meta.name) : typeof meta.generateName === 'string' && meta.generateName ? `${shown(meta.generateName)}*` : '(unnamed)';
  if (isClusterScopedKind(kind)) return `${kind} ${name}`;
  const ns = typeof meta.namespace === 'string' && meta.namespace ? shown(meta.namespace) : 'default';
  return `${kind} ${ns}/${name}`;
}

/** A name as it is, when it is made of the characters names are made of; quoted and escaped otherwise. */
function shown(text: string): string {
  if (/^[A-Za-z0-9][-A-Za-z0-9_.:@]{0,252}$/.test(text)) return text;
  return quote(text, { max: 80 });
}
