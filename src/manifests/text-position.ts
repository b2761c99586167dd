/**
 * Positions in a text: the readers work with character offsets, and messages name 1-based lines
 * and columns. The index of line starts is built once, on first use, in one pass.
 */

/** A text that does not read: the message says what was expected, never what was found. */
export class ReadError extends Error {
  public constructor(message: string, public readonly offset: number) {
    super(message);
    this.name = 'ReadError';
  }
}

/** 1-based line and column of offsets in one text. */
export class LineIndex {
  private starts: Int32Array | undefined;

  public constructor(private readonly text: string) {}

  /** The 1-based line and column (in UTF-16 code units) of a character offset. */
  public position(offset: number): { line: number; column: number } {
    const starts = this.starts ?? (this.starts = lineStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  }

  public line(offset: number): number {
    return this.position(offset).line;
  }
}

function lineStarts(text: string): Int32Array {
  // one pass, growing the array as lines come (a line every 40 characters to begin with)
  let starts = new Int32Array(Math.max(16, Math.floor(text.length / 40)));
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (n === starts.length) {
      const grown = new Int32Array(starts.length * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[n++] = i + 1;
  }
  return starts.subarray(0, n);
}

/**
 * Where each field of the values read from a text is written: for an array, the offset of each
 * item; for an object, its keys and their offsets in pairs (`[key, offset, key, offset, ...]`;
 * a key written again, as after a `<<` merge, appears again and the last pair counts).
 */
export type FieldOffsets = Map<object, unknown[]>;

/**
 * The offset where the field at `path` (keys and indexes) of `root` is written, or undefined
 * when it is not written (or was copied from an alias, which has no place of its own).
 */
export function fieldOffset(table: FieldOffsets, root: unknown, rootOffset: number, path: readonly (string | number)[]): number | undefined {
  let node: any = root;
  let offset = rootOffset;
  for (const k of path) {
    if (node === null || typeof node !== 'object') return undefined;
    const info = table.get(node);
    if (info === undefined) return undefined;
    if (Array.isArray(node)) {
      if (typeof k !== 'number' || k >= info.length) return undefined;
      offset = info[k] as number;
      node = node[k];
    } else {
      const key = String(k);
      let found = -1;
      for (let i = info.length - 2; i >= 0; i -= 2) {
        if (info[i] === key) {
          found = info[i + 1] as number;
          break;
        }
      }
      if (found < 0) return undefined;
      offset = found;
      node = node[key];
    }
  }
  return offset;
}

/** Sets an own property, also for the key `__proto__` (which plain assignment would take as the prototype). */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}

/** A key as a message names it: quoted and escaped, cut when long. */
export function shownKey(key: string): string {
  const cut = key.length > 60 ? `${key.slice(0, 60)}...` : key;
  return JSON.stringify(cut).replace(/[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
