/**
 * JSON as kubectl and the API server read it: a stream of JSON values (kubectl's decoder reads
 * one value after another), refused when an object has a key twice (the API server's strict
 * decoding: `duplicate field`), nests deeper than `LIMITS.maxDepth` or has a number beyond a
 * double. Keys of any length are read (kubectl reads them; the limit on YAML keys is libyaml's).
 *
 * The values come from `JSON.parse`, the fastest reader there is (and it needs no stack for deep
 * nesting); a walk over them checks the depth and the numbers and counts keys and colons (see
 * `readJson`). Only when something is wrong (or the text holds several values) is it read again
 * by the exact reader below, which names the line, the column and the key. The same exact reader
 * finds the lines of fields, on demand.
 */
import { LIMITS } from './limits';
import { FieldOffsets, LineIndex, ReadError, setOwn, shownKey } from './text-position';

/** The JSON values of a text, with the offset each starts at. */
export interface JsonStream {
  readonly values: unknown[];
  readonly offsets: number[];
}

/** Located values: the exact reader's copy of the values, and where their fields are written. */
export interface LocatedJson extends JsonStream {
  readonly fields: FieldOffsets;
}

const QUOTE = 34;
const COLON = 58;
const SIMPLE_ESCAPES = new Map([['"', '"'], ['\\', '\\'], ['/', '/'], ['b', '\b'], ['f', '\f'], ['n', '\n'], ['r', '\r'], ['t', '\t']]);

/**
 * Reads a JSON text (one value, or several one after another). Throws a `ReadError`.
 *
 * `JSON.parse` keeps the last of two equal keys. To know that no key was written twice without
 * reading the text again, the walk over the values counts the keys the objects got, and the
 * colons inside their strings: every ':' of the text is either the one of a member or one inside
 * a string, and the ':' of a string's value come from its text or from a `\u003a` escape. With
 * E the escapes counted in the text (every real one, perhaps more),
 * `colons of the text + E = keys + colons of the strings` holds only when no key was dropped
 * (and E counted exactly); any other count sends the text to the exact reader, which names the key.
 */
export function readJson(text: string): JsonStream {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // an error (the exact reader says where and what), or several values one after another
    return exact(text);
  }
  let keys = 0;
  let stringColons = 0;
  let suspect = false;
  // an explicit stack (the depth is not bounded yet), of values and their depths
  const stack: unknown[] = [value, 1];
  while (stack.length > 0) {
    const depth = stack.pop() as number;
    const v = stack.pop();
    if (depth > LIMITS.maxDepth) {
      suspect = true;
      break;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const e = v[i];
        if (typeof e === 'string') {
          if (e.indexOf(':') >= 0) stringColons += colons(e);
        } else if (typeof e === 'object') {
          if (e !== null) stack.push(e, depth + 1);
        } else if (typeof e === 'number' && !Number.isFinite(e)) {
          suspect = true;
        }
      }
    } else {
      const o = v as Record<string, unknown>;
      for (const key in o) {
        keys++;
        if (key.indexOf(':') >= 0) stringColons += colons(key);
        const e = o[key];
        if (typeof e === 'string') {
          if (e.indexOf(':') >= 0) stringColons += colons(e);
        } else if (typeof e === 'object') {
          if (e !== null) stack.push(e, depth + 1);
        } else if (typeof e === 'number' && !Number.isFinite(e)) {
          suspect = true;
        }
      }
    }
  }
  if (suspect || colons(text) + escapedColons(text) !== keys + stringColons) exact(text);
  return { values: [value], offsets: [firstNonSpace(text)] };
}

function colons(s: string): number {
  let n = 0;
  for (let i = s.indexOf(':'); i >= 0; i = s.indexOf(':', i + 1)) n++;
  return n;
}

/** `\u003a` and `\u003A` in the text (real escapes, and perhaps the text of an escaped backslash followed by u003a). */
function escapedColons(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\\u003'); i >= 0; i = s.indexOf('\\u003', i + 1)) {
    const c = s.charCodeAt(i + 5);
    if (c === 97 || c === 65) n++;
  }
  return n;
}

function firstNonSpace(s: string): number {
  let i = 0;
  while (i < s.length && (s[i] === ' ' || s[i] === '\n' || s[i] === '\r' || s[i] === '\t')) i++;
  return i;
}

/** Reads a JSON text with the exact reader (errors with their place), and where its fields are written. */
export function locateJson(text: string): LocatedJson {
  return exact(text);
}

function exact(text: string): LocatedJson {
  return new ExactReader(text).read();
}

/** A JSON reader in plain code: slower than JSON.parse, but it knows where everything is. */
class ExactReader {
  private pos = 0;
  private depth = 0;
  public readonly fields: FieldOffsets = new Map();
  private lines: LineIndex | undefined;

  public constructor(private readonly s: string) {}

  public read(): LocatedJson {
    const values: unknown[] = [];
    const offsets: number[] = [];
    this.space();
    if (this.pos >= this.s.length) this.fail('no JSON value in the text', this.pos);
    while (this.pos < this.s.length) {
      offsets.push(this.pos);
      values.push(this.value());
      this.space();
    }
    return { values, offsets, fields: this.fields };
  }

  private fail(message: string, at: number): never {
    throw new ReadError(message, at);
  }

  private space(): void {
    const s = this.s;
    let p = this.pos;
    for (;;) {
      const c = s.charCodeAt(p);
      if (c === 32 || c === 10 || c === 13 || c === 9) p++;
      else break;
    }
    this.pos = p;
  }

  private value(): unknown {
    const s = this.s;
    const p = this.pos;
    const c = s.charCodeAt(p);
    if (c === 123) return this.object();
    if (c === 91) return this.array();
    if (c === QUOTE) return this.string();
    if (c === 45 || (c >= 48 && c <= 57)) return this.number();
    const word = c === 116 ? 'true' : c === 102 ? 'false' : c === 110 ? 'null' : '';
    if (word !== '' && s.startsWith(word, p)) {
      this.pos = p + word.length;
      return word === 'true' ? true : word === 'false' ? false : null;
    }
    if (p >= s.length) this.fail('the text ends where a JSON value is expected', p);
    this.fail('expected a JSON value (an object, an array, a string in double quotes, a number, true, false or null)', p);
  }

  private enter(at: number): void {
    if (++this.depth > LIMITS.maxDepth) this.fail(`nesting deeper than ${LIMITS.maxDepth} levels`, at);
  }

  private object(): Record<string, unknown> {
    const s = this.s;
    const start = this.pos;
    this.enter(start);
    this.pos++;
    const obj: Record<string, unknown> = {};
    const info: unknown[] = [];
    this.space();
    if (s.charCodeAt(this.pos) === 125) {
      this.pos++;
    } else {
      for (;;) {
        this.space();
        const keyAt = this.pos;
        if (s.charCodeAt(keyAt) !== QUOTE) {
          this.fail(keyAt >= s.length ? 'the text ends inside an object' : 'expected a key in double quotes', keyAt);
        }
        const key = this.string();
        this.space();
        if (s.charCodeAt(this.pos) !== COLON) this.fail('expected ":" after the key', this.pos);
        this.pos++;
        this.space();
        const valueAt = this.pos;
        const v = this.value();
        if (Object.prototype.hasOwnProperty.call(obj, key)) {
          let first = 0;
          for (let i = 0; i < info.length; i += 2) if (info[i] === key) first = info[i + 1] as number;
          this.fail(`duplicate key ${shownKey(key)} in this object (first on line ${this.lineOf(first)}): the API server refuses duplicate fields`, keyAt);
        }
        setOwn(obj, key, v);
        info.push(key, valueAt);
        this.space();
        const c = s.charCodeAt(this.pos);
        if (c === 44) {
          this.pos++;
          continue;
        }
        if (c === 125) {
          this.pos++;
          break;
        }
        this.fail(this.pos >= s.length ? 'the text ends inside an object' : 'expected "," or "}" after the value', this.pos);
      }
    }
    this.depth--;
    this.fields.set(obj, info);
    return obj;
  }

  private array(): unknown[] {
    const s = this.s;
    const start = this.pos;
    this.enter(start);
    this.pos++;
    const arr: unknown[] = [];
    const info: number[] = [];
    this.space();
    if (s.charCodeAt(this.pos) === 93) {
      this.pos++;
    } else {
      for (;;) {
        this.space();
        info.push(this.pos);
        arr.push(this.value());
        this.space();
        const c = s.charCodeAt(this.pos);
        if (c === 44) {
          this.pos++;
          continue;
        }
        if (c === 93) {
          this.pos++;
          break;
        }
        this.fail(this.pos >= s.length ? 'the text ends inside an array' : 'expected "," or "]" after the value', this.pos);
      }
    }
    this.depth--;
    this.fields.set(arr, info);
    return arr;
  }

  private string(): string {
    const s = this.s;
    const start = this.pos;
    let out = '';
    let run = start + 1;
    for (let p = start + 1; ; p++) {
      const c = s.charCodeAt(p);
      if (c === QUOTE) {
        this.pos = p + 1;
        return out + s.slice(run, p);
      }
      if (c !== c) this.fail('a string without its closing quote', start);
      if (c < 32) this.fail('a control character inside a string (write it as an escape, such as \\n)', p);
      if (c === 92) {
        out += s.slice(run, p);
        const e = s[p + 1];
        const simple = e === undefined ? undefined : SIMPLE_ESCAPES.get(e);
        if (simple !== undefined) {
          out += simple;
          p++;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(p + 2, p + 6))) {
          out += String.fromCharCode(parseInt(s.slice(p + 2, p + 6), 16));
          p += 5;
        } else {
          this.fail('an invalid escape sequence in a string', p);
        }
        run = p + 1;
      }
    }
  }

  private number(): number {
    const s = this.s;
    const start = this.pos;
    const m = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/y;
    m.lastIndex = start;
    const r = m.exec(s);
    if (r === null) this.fail('an invalid number', start);
    const v = Number(r[0]);
    if (!Number.isFinite(v)) this.fail('a number too large for a double (kubectl cannot read it)', start);
    this.pos = start + r[0].length;
    return v;
  }

  private lineOf(offset: number): number {
    return (this.lines ??= new LineIndex(this.s)).line(offset);
  }
}
