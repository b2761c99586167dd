/**
 * A YAML reader that reads manifests as kubectl does, in time and memory linear in the text.
 *
 * kubectl (k8s.io/apimachinery's YAMLOrJSONDecoder) cuts the text into documents at every line
 * that starts with `---` (refusing anything but a comment after it), then converts each document
 * to JSON with sigs.k8s.io/yaml, which reads it with its fork of go-yaml v2 (a port of libyaml).
 * This reader does the same cut, then reads each document in one pass straight into plain JSON
 * values, following libyaml's scanner where the YAML specification and libyaml differ (plain
 * scalars, quoted scalars and block scalars are folded as libyaml folds them; flow collections
 * need no indentation; scalars resolve as in `scalars.ts`). Where kubectl would read a text in a
 * way a reviewer could easily misread, or where this reader does not follow libyaml, it stops with
 * an error instead: it never reads a text differently from kubectl.
 *
 * Refused although kubectl reads them (each a way to make a diff say something else than what
 * is applied):
 * - a key written twice in a mapping (kubectl keeps the last, silently), also two keys kubectl
 *   converts to the same JSON key (`1` and `"1"`: it keeps one of them, at random);
 * - a key written before a `<<` merge that sets it too (go-yaml lets the merge win, the YAML
 *   merge rules the key); a second `<<` in one mapping;
 * - tags other than the core ones and `!` (kubectl ignores them: `!!omap`, `!!set`, `!foo`);
 * - content after a `...` document end (kubectl drops it up to the next `---`);
 * - NEL, LS, PS and a CR alone (line breaks to libyaml, not in most editors), a byte-order mark
 *   inside the text;
 * - `{a:}` and the like: a ':' right before a flow indicator (kubectl reads the text "a:");
 * - a comment right after a quoted scalar or a bracket, without a space (`"a"#b`);
 * - an alias of the merge key `<<` (a plain key "<<" to go-yaml), `%`-escapes in tags.
 * Refused as kubectl refuses them: `%YAML` and `%TAG` directives (kubectl's cut at `---` leaves
 * them without a document), text after `---` on its line, null keys, keys above int64, keys
 * longer than 1024 characters, `.inf` and `.nan` values, tabs in indentation, undefined aliases.
 *
 * Costs: every character is looked at a bounded number of times; nesting is bounded by
 * `LIMITS.maxDepth` before any recursion; aliases are copied (JSON has no shared values) within
 * `LIMITS.maxAliasNodes` nodes per document; mapping keys are checked for duplicates in constant
 * time each. Objects get their keys as own properties (`__proto__` included).
 */
import { LIMITS } from './limits';
import { keyString, KeyError, plainScalarValue, resolvePlain, resolveTagged, ScalarError, ScalarTag } from './scalars';
import { FieldOffsets, LineIndex, ReadError, setOwn, shownKey } from './text-position';

/** One document of a YAML stream. */
export interface YamlDocument {
  /** the document's value as JSON data; undefined for a document without content */
  readonly value: unknown;
  /** 0-based index of the document in the stream */
  readonly index: number;
  /** offset of the document's root node (-1 when it has none) */
  readonly offset: number;
  /** the document's text: offsets `from` (included) to `to` (excluded) */
  readonly from: number;
  readonly to: number;
}

/** The documents of a YAML text, and where their fields are written. */
export interface YamlStream {
  /** the text the offsets refer to (line ends normalized to `\n`; the lines are the input's) */
  readonly text: string;
  readonly documents: YamlDocument[];
  /**
   * Where the fields of the top level of each document are written, and the items of its
   * sequences (the items of a `List`): recording every field would take almost half the time of
   * reading, and is done on demand by `locate`.
   */
  readonly fields: FieldOffsets;
  /** A document read again, with where every field is written (the value is an equal copy). */
  locate(document: YamlDocument): { value: unknown; fields: FieldOffsets };
}

/** what is recorded while reading: the document's fields, and the items of its sequences (a List's) */
const RECORD_TOP = 0;
/** what is recorded when a document is read again: everything */
const RECORD_ALL = 1;

// character codes
const TAB = 9;
const LF = 10;
const SPACE = 32;
const BANG = 33;
const DQUOTE = 34;
const HASH = 35;
const PERCENT = 37;
const AMP = 38;
const SQUOTE = 39;
const STAR = 42;
const COMMA = 44;
const DASH = 45;
const DOT = 46;
const COLON = 58;
const GT = 62;
const QMARK = 63;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const LBRACE = 123;
const PIPE = 124;
const RBRACE = 125;

/** a space, a tab, a line end, or the end of the text */
function blankz(c: number): boolean {
  return c === SPACE || c === LF || c === TAB || c !== c; // NaN past the end
}

function flowIndicator(c: number): boolean {
  return c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;
}

// the characters of anchor names and tag handles (libyaml's is_alpha)
const ALPHA = new Uint8Array(128);
for (const c of '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-') ALPHA[c.charCodeAt(0)] = 1;
// the characters a plain scalar cannot start with (besides - ? : followed by a space)
const INDICATOR = new Uint8Array(128);
for (const c of ',[]{}#&*!|>\'"%@`') INDICATOR[c.charCodeAt(0)] = 1;
// the characters a plain scalar's scan must look at: line end, blanks, '#', ':'
const PLAIN_SPECIAL = new Uint8Array(128);
for (const c of '\n \t#:') PLAIN_SPECIAL[c.charCodeAt(0)] = 1;
// the characters of tag URIs (libyaml's yaml_parser_scan_tag_uri), '%' apart
const URI = new Uint8Array(128);
for (const c of "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-;/?:@&=+$,.!~*'()[]%") URI[c.charCodeAt(0)] = 1;

type CoreTag = ScalarTag | 'map' | 'seq' | 'merge';
const CORE_TAGS = new Map<string, CoreTag>([
  ['tag:yaml.org,2002:str', 'str'], ['tag:yaml.org,2002:int', 'int'], ['tag:yaml.org,2002:float', 'float'],
  ['tag:yaml.org,2002:bool', 'bool'], ['tag:yaml.org,2002:null', 'null'], ['tag:yaml.org,2002:binary', 'binary'],
  ['tag:yaml.org,2002:timestamp', 'timestamp'], ['tag:yaml.org,2002:map', 'map'], ['tag:yaml.org,2002:seq', 'seq'],
  ['tag:yaml.org,2002:merge', 'merge'], ['!', '!'],
]);

/** An anchored scalar: kept as written, since an alias of it may be a key (read as a key) or a value. */
class AnchoredScalar {
  public constructor(public readonly text: string, public readonly plain: boolean, public readonly tag: CoreTag | null) {}
}
/** An anchored collection that is still being read (an alias of it would be inside it). */
class Pending {}

/** where a node is: after `key:`, after `-`, after `?` */
const CTX_VALUE = 0;
const CTX_ENTRY = 1;
const CTX_KEY = 2;
/** what a node on one line may be: a value only, a value or a key, a key only */
const VALUE_ONLY = 0;
const KEY_ALLOWED = 1;
const KEY_REQUIRED = 2;
/** the kind of the node `inline()` read */
const R_SCALAR = 0;
const R_ALIAS = 1;
const R_COLLECTION = 2;

/** the value of an explicit key (`? key`), read as a key and not as a value */
const KEY_SCALAR = Symbol('key scalar');

const STRING_CACHE_SIZE = 4096;

/**
 * Reads a YAML text (a stream of documents) as kubectl does. Throws a `ReadError` at the first
 * text it cannot read, or that kubectl would read in a way this reader refuses.
 */
export function readYaml(input: string): YamlStream {
  let text = input.indexOf('\r') >= 0 ? input.replace(/\r\n/g, '\n') : input;
  checkCharacters(text);
  // kubectl's line reader ends every line, the last one too, with '\n'
  if (text.length > 0 && text.charCodeAt(text.length - 1) !== LF) text += '\n';
  const reader = new Reader(text, RECORD_TOP);
  const documents = reader.readStream();
  return {
    text,
    documents,
    fields: reader.fields,
    locate: (document) => {
      const full = new Reader(text, RECORD_ALL);
      return { value: full.readDocument(document.from, document.to).value, fields: full.fields };
    },
  };
}

/** Thrown where a message needs the positions of a level that is not recorded: the document is read again, recording all. */
class NeedsPositions extends Error {}

/**
 * Characters YAML does not allow (libyaml refuses them as "control characters"), and the ones it
 * reads differently from what an editor or a diff shows: NEL, LS and PS are line breaks to
 * libyaml, a lone CR too, and a byte-order mark inside the text is skipped silently.
 */
function checkCharacters(text: string): void {
  const bad = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\r\ud800-\udfff]/g;
  for (let m = bad.exec(text); m !== null; m = bad.exec(text)) {
    const c = m[0].charCodeAt(0);
    const at = m.index;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(at + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bad.lastIndex = at + 2;
        continue;
      }
    }
    const hex = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
    if (c === 13) throw new ReadError('a carriage return that is not followed by a line feed (kubectl reads it as a line break; most editors do not show one)', at);
    if (c === 0x85 || c === 0x2028 || c === 0x2029) throw new ReadError(`the character ${hex}, which kubectl reads as a line break and most editors do not show as one`, at);
    if (c === 0xfeff) throw new ReadError('a byte-order mark (U+FEFF) inside the text', at);
    if (c >= 0xd800 && c <= 0xdfff) throw new ReadError('an unpaired UTF-16 surrogate', at);
    throw new ReadError(`the control character ${hex}, which YAML does not allow`, at);
  }
}

class Reader {
  public readonly fields: FieldOffsets = new Map();
  private readonly s: string;
  private lines: LineIndex | undefined;
  /** the current position, and the end of the current document (the start of its `---` line) */
  private pos = 0;
  private end = 0;
  /** the start of the line of the last content `nextContent()` found */
  private ls = 0;
  /** the column of the next content (-1: none left in this document), after a node was read */
  private col = -1;
  /** the offset of the last node read (-1 for an empty node) */
  private nodeStart = -1;
  /** the next content line, as continues() found it from the line start `aheadFrom` */
  private aheadFrom = -1;
  private aheadAt = 0;
  private aheadLs = 0;
  /** the last value came from an alias (a `<<` merge must then name a mapping) */
  private fromAlias = false;
  private depth = 0;
  private aliasBudget = 0;
  private anchors: Map<string, object> | undefined;
  // properties read by readProps()
  private pAnchor: string | null = null;
  private pTag: CoreTag | null = null;
  // the node read by inline()
  private rKind = R_SCALAR;
  private rText = '';
  private rPlain = false;
  private rValue: unknown = undefined;
  private rStart = 0;
  private rMultiline = false;
  private isKey = false;
  // the scalar of an explicit key (`? key`)
  private kText = '';
  private kPlain = false;
  private kTag: CoreTag | null = null;
  private kAlias: AnchoredScalar | null = null;
  /** the character of the last `\` escape read by escape() */
  private escaped = '';

  private readonly strings: (string | undefined)[] = new Array(STRING_CACHE_SIZE);

  public constructor(text: string, private readonly recording: number) {
    this.s = text;
  }

  /**
   * The text from `start` to `end`: short texts come from a small cache of the ones read before
   * (manifests repeat their keys and many values), which spares allocating them again and spares
   * V8 internalizing a new copy of each key.
   */
  private text(start: number, end: number): string {
    const len = end - start;
    const s = this.s;
    if (len > 40 || len === 0) return s.slice(start, end);
    const h = (len * 31 + s.charCodeAt(start) * 7 + s.charCodeAt(end - 1) * 131 + s.charCodeAt(start + Math.floor(len / 2))) % STRING_CACHE_SIZE;
    const cached = this.strings[h];
    if (cached !== undefined && cached.length === len && s.startsWith(cached, start)) return cached;
    const t = s.slice(start, end);
    this.strings[h] = t;
    return t;
  }

  /** whether the fields of the collection just entered are recorded */
  private records(sequence: boolean): boolean {
    return this.recording === RECORD_ALL || this.depth === 1 || (this.depth === 2 && sequence);
  }

  private fail(message: string, offset: number): never {
    throw new ReadError(message, offset);
  }

  private lineOf(offset: number): number {
    return (this.lines ??= new LineIndex(this.s)).line(offset);
  }

  // ---------------------------------------------------------------------------- documents

  public readStream(): YamlDocument[] {
    const s = this.s;
    const documents: YamlDocument[] = [];
    // kubectl's YAMLReader: a line that starts with `---` ends a document; only spaces and a
    // comment may follow on it (`--- |`, `--- !tag`, `---x` are errors there, so they are here)
    const separator = /^---/gm;
    let start = 0;
    let index = 0;
    const read = (from: number, to: number, first: boolean) => {
      let doc: { value: unknown; offset: number };
      try {
        doc = this.readDocument(from, to);
      } catch (e) {
        if (!(e instanceof NeedsPositions)) throw e;
        // an error whose message names another place: read the document again, recording all
        new Reader(s, RECORD_ALL).readDocument(from, to);
        throw e;
      }
      // text before the first `---` is a document only when it has content
      if (first && doc.offset < 0) return;
      documents.push({ value: doc.value, index: index++, offset: doc.offset, from, to });
    };
    for (let m = separator.exec(s); m !== null; m = separator.exec(s)) {
      const eol = s.indexOf('\n', m.index);
      const rest = s.slice(m.index + 3, eol).trim();
      if (rest.length > 0 && rest[0] !== '#') {
        this.fail('text after the document separator `---` (kubectl accepts only a comment after it)', m.index + 3 + s.slice(m.index + 3).search(/\S/));
      }
      read(start, m.index, start === 0);
      start = eol + 1;
      separator.lastIndex = start;
    }
    read(start, s.length, start === 0);
    return documents;
  }

  public readDocument(from: number, to: number): { value: unknown; offset: number } {
    this.pos = from;
    this.end = to;
    this.depth = 0;
    this.anchors = undefined;
    this.aliasBudget = LIMITS.maxAliasNodes;
    const col = this.nextContent();
    if (col < 0) return { value: undefined, offset: -1 };
    const value = this.nodeAtLineStart(col, -1, null, null, -1);
    const offset = this.nodeStart;
    if (this.col >= 0) this.fail('more content after the end of the document\'s root node (is it indented less than it?)', this.pos);
    return { value, offset: offset >= 0 ? offset : this.pos };
  }

  /**
   * From a line start, skips blank lines and comment lines to the next content: sets `pos` on it
   * and returns (and sets `col` to) its column; -1 at the end of the document (or at `...`).
   */
  private nextContent(): number {
    const s = this.s;
    const end = this.end;
    let p = this.pos;
    if (p === this.aheadFrom) {
      // continues() found this line
      this.aheadFrom = -1;
      this.pos = this.aheadAt;
      this.ls = this.aheadLs;
      return (this.col = this.aheadAt - this.aheadLs);
    }
    for (;;) {
      if (p >= end) {
        this.pos = end;
        return (this.col = -1);
      }
      const ls = p;
      let c = s.charCodeAt(p);
      while (c === SPACE) c = s.charCodeAt(++p);
      if (c === LF) {
        p++;
        continue;
      }
      if (c === HASH) {
        p = s.indexOf('\n', p) + 1;
        continue;
      }
      if (c === TAB) this.fail('a tab character in the indentation (YAML indents with spaces only)', p);
      if (p === ls) {
        if (c === DOT && s.startsWith('...', p) && blankz(s.charCodeAt(p + 3))) {
          this.documentEnd(p);
          return (this.col = -1);
        }
        if (c === PERCENT) {
          this.fail('a `%` directive: kubectl cannot read directives (it cuts documents at `---` lines, which leaves each directive without its document)', p);
        }
      }
      this.pos = p;
      this.ls = ls;
      return (this.col = p - ls);
    }
  }

  /** `...` ends the document: kubectl ignores everything after it up to the next `---`, so there must be nothing. */
  private documentEnd(at: number): void {
    const s = this.s;
    let p = at + 3;
    for (;;) {
      let c = s.charCodeAt(p);
      while (c === SPACE || c === TAB) c = s.charCodeAt(++p);
      if (c === HASH) {
        p = s.indexOf('\n', p);
        c = LF;
      }
      if (c !== LF) {
        if (p >= this.end) break;
        this.fail('content after the document end marker `...` (kubectl ignores it without a word; start a new document with `---`)', p);
      }
      p++;
      if (p >= this.end) break;
    }
    this.pos = this.end;
  }

  /** After a node that ends on its line: spaces, a comment, the line end; then the next content. */
  private after(): void {
    this.finishLine();
    this.nextContent();
  }

  private finishLine(): void {
    const s = this.s;
    let p = this.pos;
    let c = s.charCodeAt(p);
    while (c === SPACE || c === TAB) c = s.charCodeAt(++p);
    if (c === HASH) {
      const prev = s.charCodeAt(p - 1);
      if (prev !== SPACE && prev !== TAB) this.fail('a comment must be separated from what precedes it by a space', p);
      p = s.indexOf('\n', p);
      c = LF;
    }
    if (c !== LF) {
      if (c === COLON) this.fail('unexpected ":" (a value cannot start a mapping on the line of its key; quote it if the colon belongs to the text)', p);
      this.fail('unexpected text after the value (is a quote or a bracket misplaced?)', p);
    }
    this.pos = p + 1;
  }

  // -------------------------------------------------------------------------- block nodes

  /**
   * The node after an indicator: after `key:` (CTX_VALUE), `-` (CTX_ENTRY) or `?` (CTX_KEY), on
   * the same line or the lines below. `parent` is the indentation of the enclosing collection.
   */
  private value(parent: number, ctx: number): unknown {
    const s = this.s;
    let p = this.pos;
    let c = s.charCodeAt(p);
    if (ctx === CTX_VALUE) {
      while (c === SPACE || c === TAB) c = s.charCodeAt(++p);
    } else {
      while (c === SPACE) c = s.charCodeAt(++p);
      if (c === TAB) this.fail(`a tab after the "${ctx === CTX_ENTRY ? '-' : '?'}" indicator (use spaces)`, p);
    }
    this.pos = p;
    if (c === LF || c === HASH) return this.onNextLines(parent, ctx, null, null, -1);
    const startCol = p - this.ls;
    if ((c === DASH || c === QMARK) && blankz(s.charCodeAt(p + 1))) {
      if (ctx === CTX_VALUE) {
        this.fail(c === DASH ? 'a sequence entry cannot start on the line of its key (start it on the next line)' : 'an explicit key "?" cannot start on the line of a key', p);
      }
      return c === DASH
        ? this.blockSequence(startCol, null, null, false, ctx === CTX_KEY)
        : this.blockMapping(startCol, null, null, false, ctx === CTX_KEY);
    }
    this.readProps(false);
    const anchor = this.pAnchor;
    const tag = this.pTag;
    c = s.charCodeAt(this.pos);
    if (c === LF || c === HASH) return this.onNextLines(parent, ctx, anchor, tag, p);
    if (c === PIPE || c === GT) return this.blockScalar(parent, anchor, tag, ctx === CTX_KEY);
    this.inline(parent, ctx === CTX_VALUE ? VALUE_ONLY : KEY_ALLOWED, anchor, tag);
    if (this.isKey) {
      // a compact mapping (`- key: value`, `? key: value`): it starts where its first key does
      this.rStart = p;
      return this.blockMapping(startCol, null, null, true, ctx === CTX_KEY, anchor, tag);
    }
    return this.inlineValue(anchor, tag, ctx === CTX_KEY);
  }

  /** A node whose properties (if any) end its line: it is on the lines below, or it is empty. */
  private onNextLines(parent: number, ctx: number, anchor: string | null, tag: CoreTag | null, propsAt: number): unknown {
    this.finishLine();
    const col = this.nextContent();
    if (col > parent) return this.nodeAtLineStart(col, parent, anchor, tag, ctx === CTX_KEY ? 1 : 0);
    if (col === parent && ctx === CTX_VALUE && this.s.charCodeAt(this.pos) === DASH && blankz(this.s.charCodeAt(this.pos + 1))) {
      // `key:` then `- item` at the key's indentation: an indentless sequence
      return this.blockSequence(col, anchor, tag, true, false);
    }
    return this.emptyNode(anchor, tag, propsAt, ctx === CTX_KEY);
  }

  /**
   * A node that starts a line (at column `col`, more indented than `parent`): a block collection,
   * a block scalar, or a node that may be the first key of a mapping. `asKey`: 1 when the node is
   * an explicit key (`?` then the key below), -1 at the root of a document.
   */
  private nodeAtLineStart(col: number, parent: number, anchor: string | null, tag: CoreTag | null, asKey: number): unknown {
    const s = this.s;
    const start = this.pos;
    let c = s.charCodeAt(start);
    if ((c === DASH || c === QMARK) && blankz(s.charCodeAt(start + 1))) {
      return c === DASH ? this.blockSequence(col, anchor, tag, false, asKey === 1) : this.blockMapping(col, anchor, tag, false, asKey === 1);
    }
    if (c === PIPE || c === GT) return this.blockScalar(parent, anchor, tag, asKey === 1);
    this.readProps(false);
    const lineAnchor = this.pAnchor;
    const lineTag = this.pTag;
    c = s.charCodeAt(this.pos);
    if ((lineAnchor !== null || lineTag !== null) && (c === LF || c === HASH)) {
      // properties on a line of their own, again
      if ((lineAnchor !== null && anchor !== null) || (lineTag !== null && tag !== null)) this.fail('a node with two anchors or two tags', start);
      return this.onNextLines(parent, asKey === 1 ? CTX_KEY : CTX_ENTRY, anchor ?? lineAnchor, tag ?? lineTag, start);
    }
    if (lineAnchor !== null && anchor !== null) this.fail('a node with two anchors', start);
    if (lineTag !== null && tag !== null) this.fail('a node with two tags', start);
    if (c === PIPE || c === GT) return this.blockScalar(parent, anchor ?? lineAnchor, tag ?? lineTag, asKey === 1);
    this.inline(parent, KEY_ALLOWED, lineAnchor, lineTag);
    if (this.isKey) {
      this.rStart = start;
      return this.blockMapping(col, anchor, tag, true, asKey === 1, lineAnchor, lineTag);
    }
    return this.inlineValue(anchor ?? lineAnchor, tag ?? lineTag, asKey === 1);
  }

  /**
   * A block mapping whose entries are at column `indent`. With `haveKey`, its first key was just
   * read by `inline()` (with the properties `keyAnchor`, `keyTag`) and `pos` is at its ':';
   * otherwise `pos` is at its first entry.
   */
  private blockMapping(
    indent: number, anchor: string | null, tag: CoreTag | null, haveKey: boolean, asKey: boolean,
    keyAnchor: string | null = null, keyTag: CoreTag | null = null,
  ): unknown {
    if (asKey) this.fail('a mapping as a mapping key (kubectl cannot convert it to JSON)', haveKey ? this.rStart : this.pos);
    if (tag !== null && tag !== 'map' && tag !== '!') this.fail('a mapping with a tag that is not !!map', haveKey ? this.rStart : this.pos);
    const s = this.s;
    const start = haveKey ? this.rStart : this.pos;
    this.enter(start);
    const pending = anchor !== null ? this.startAnchor(anchor) : undefined;
    const obj: Record<string, unknown> = {};
    const info: unknown[] | undefined = this.records(false) ? [] : undefined;
    let merged: Set<string> | undefined;
    for (;;) {
      let key: string | undefined;
      let keyAt = this.pos;
      let val: unknown;
      let valAt: number;
      let isMerge = false;
      if (haveKey) {
        keyAt = this.rStart;
        const k = this.keyOfInline(keyAnchor, keyTag);
        if (k === MERGE) isMerge = true;
        else key = k;
        this.pos++; // the ':'
        val = this.value(indent, CTX_VALUE);
        valAt = this.nodeStart >= 0 ? this.nodeStart : keyAt;
        haveKey = false;
      } else {
        const c = s.charCodeAt(this.pos);
        if (c === QMARK && blankz(s.charCodeAt(this.pos + 1))) {
          // an explicit key: `? key` then, at the same indentation, `: value` (or no value)
          this.pos++;
          if (this.value(indent, CTX_KEY) !== KEY_SCALAR) this.fail('a collection as a mapping key (kubectl cannot convert it to JSON)', keyAt);
          const k = this.keyOfExplicit(keyAt);
          if (k === MERGE) isMerge = true;
          else key = k;
          if (this.col === indent && s.charCodeAt(this.pos) === COLON && blankz(s.charCodeAt(this.pos + 1))) {
            this.pos++;
            val = this.value(indent, CTX_VALUE);
            valAt = this.nodeStart >= 0 ? this.nodeStart : keyAt;
          } else {
            val = null;
            valAt = keyAt;
            this.fromAlias = false;
          }
        } else {
          if (c === DASH && blankz(s.charCodeAt(this.pos + 1))) this.fail('a sequence entry where a mapping key is expected (is it indented too little?)', this.pos);
          this.readProps(false);
          const a = this.pAnchor;
          const t = this.pTag;
          this.inline(indent, KEY_REQUIRED, a, t);
          this.rStart = keyAt;
          haveKey = true;
          keyAnchor = a;
          keyTag = t;
          continue;
        }
      }
      if (isMerge) merged = this.merge(obj, info, val, keyAt, merged);
      else this.put(obj, info, key as string, val, keyAt, valAt, merged);
      const col = this.col;
      if (col !== indent) {
        if (col > indent) this.fail('this line is indented more than the mapping entries before it (a value cannot continue here)', this.pos);
        break;
      }
      if (s.charCodeAt(this.pos) === COLON && blankz(s.charCodeAt(this.pos + 1))) this.fail('a mapping value without a key', this.pos);
    }
    this.depth--;
    if (info !== undefined) this.fields.set(obj, info);
    if (anchor !== null) this.endAnchor(anchor, pending!, obj);
    this.nodeStart = start;
    this.fromAlias = false;
    return obj;
  }

  /** A block sequence whose `-` are at column `indent` (`indentless`: the value of a key at the same column). */
  private blockSequence(indent: number, anchor: string | null, tag: CoreTag | null, indentless: boolean, asKey: boolean): unknown {
    if (asKey) this.fail('a sequence as a mapping key (kubectl cannot convert it to JSON)', this.pos);
    if (tag !== null && tag !== 'seq' && tag !== '!') this.fail('a sequence with a tag that is not !!seq', this.pos);
    const s = this.s;
    const start = this.pos;
    this.enter(start);
    const pending = anchor !== null ? this.startAnchor(anchor) : undefined;
    const arr: unknown[] = [];
    const info: number[] | undefined = this.records(true) ? [] : undefined;
    for (;;) {
      const dash = this.pos;
      this.pos++;
      arr.push(this.value(indent, CTX_ENTRY));
      if (info !== undefined) info.push(this.nodeStart >= 0 ? this.nodeStart : dash);
      const col = this.col;
      if (col !== indent) {
        if (col > indent) this.fail('this line is indented more than the sequence entries before it (a value cannot continue here)', this.pos);
        break;
      }
      if (s.charCodeAt(this.pos) !== DASH || !blankz(s.charCodeAt(this.pos + 1))) {
        if (indentless) break;
        this.fail('expected a sequence entry "-" at this indentation', this.pos);
      }
    }
    this.depth--;
    if (info !== undefined) this.fields.set(arr, info);
    if (anchor !== null) this.endAnchor(anchor, pending!, arr);
    this.nodeStart = start;
    this.fromAlias = false;
    return arr;
  }

  /**
   * An alias, a quoted or plain scalar, or a flow collection, starting on the current line (its
   * properties read). Sets `isKey` when it is followed on its line by ':' and a space (then `pos`
   * is at the ':'); otherwise `pos` is after the node.
   */
  private inline(parent: number, mode: number, anchor: string | null, tag: CoreTag | null): void {
    const s = this.s;
    const start = this.pos;
    const c = s.charCodeAt(start);
    this.rStart = start;
    this.isKey = false;
    this.rMultiline = false;
    this.rKind = R_SCALAR;
    if (c === DQUOTE || c === SQUOTE) {
      this.rText = this.quoted(c === SQUOTE);
      this.rPlain = false;
    } else if (c === LBRACKET || c === LBRACE) {
      if (mode === KEY_REQUIRED) this.fail('a collection as a mapping key (kubectl cannot convert it to JSON)', start);
      const line = this.ls;
      const value = this.flowCollection(anchor, tag);
      // (the nodes inside it used the r* fields too)
      this.rKind = R_COLLECTION;
      this.rValue = value;
      this.rStart = start;
      this.rMultiline = s.lastIndexOf('\n', this.pos - 1) >= line;
    } else if (c === STAR) {
      this.alias(false);
    } else if (c === PIPE || c === GT) {
      this.fail('a block scalar as a mapping key', start);
    } else {
      this.plain(parent, mode);
      return;
    }
    let p = this.pos;
    let d = s.charCodeAt(p);
    while (d === SPACE || d === TAB) d = s.charCodeAt(++p);
    if (d === COLON && blankz(s.charCodeAt(p + 1))) {
      if (mode === VALUE_ONLY) this.fail('unexpected ":" (a value cannot start a mapping on the line of its key; quote it if the colon belongs to the text)', p);
      if (this.rMultiline) this.fail('a mapping key on more than one line', start);
      this.isKey = true;
      this.pos = p;
    } else if (mode === KEY_REQUIRED) {
      this.fail('expected ":" after this mapping key', p);
    }
  }

  /** The value of the node `inline()` read (not a key), then on to the next content. */
  private inlineValue(anchor: string | null, tag: CoreTag | null, asKey: boolean): unknown {
    let v: unknown;
    this.fromAlias = false;
    switch (this.rKind) {
      case R_SCALAR:
        if (asKey) {
          this.setKeyScalar(this.rText, this.rPlain, tag, null);
          if (anchor !== null) this.setAnchor(anchor, new AnchoredScalar(this.rText, this.rPlain, tag));
          v = KEY_SCALAR;
          break;
        }
        v = this.scalarValue(this.rText, this.rPlain, tag, this.rStart);
        if (anchor !== null) this.setAnchor(anchor, new AnchoredScalar(this.rText, this.rPlain, tag));
        break;
      case R_ALIAS:
        if (anchor !== null || tag !== null) this.fail('an alias cannot have an anchor or a tag', this.rStart);
        if (this.rValue instanceof AnchoredScalar) {
          const a = this.rValue;
          if (asKey) {
            this.setKeyScalar(a.text, a.plain, a.tag, a);
            v = KEY_SCALAR;
          } else {
            this.spend(1, this.rStart);
            v = this.scalarValue(a.text, a.plain, a.tag, this.rStart);
          }
        } else {
          if (asKey) this.fail('a collection as a mapping key (kubectl cannot convert it to JSON)', this.rStart);
          v = this.copy(this.rValue, this.rStart);
        }
        this.fromAlias = true;
        break;
      default:
        if (asKey) this.fail('a collection as a mapping key (kubectl cannot convert it to JSON)', this.rStart);
        v = this.rValue;
    }
    this.nodeStart = this.rStart;
    this.after();
    return v;
  }

  /** A node with no content (`key:` and nothing below): null, or what its tag makes of an empty text. */
  private emptyNode(anchor: string | null, tag: CoreTag | null, at: number, asKey: boolean): unknown {
    this.fromAlias = false;
    this.nodeStart = -1;
    if (anchor !== null) this.setAnchor(anchor, new AnchoredScalar('', true, tag));
    if (asKey) {
      this.setKeyScalar('', true, tag, null);
      return KEY_SCALAR;
    }
    return this.scalarValue('', true, tag, at >= 0 ? at : this.pos);
  }

  // ------------------------------------------------------------------------------ scalars

  private scalarValue(text: string, plain: boolean, tag: CoreTag | null, at: number): unknown {
    let v: string | number | boolean | null;
    if (tag === null) {
      v = plain ? plainScalarValue(text) : text;
    } else {
      v = this.tagged(tag, text, at).value;
    }
    if (typeof v === 'number' && !Number.isFinite(v)) {
      this.fail('.inf and .nan cannot be written in JSON (kubectl fails on them too)', at);
    }
    return v;
  }

  private tagged(tag: CoreTag, text: string, at: number): { kind: any; value: string | number | boolean | null } {
    if (tag === 'map' || tag === 'seq') this.fail(`a scalar with the tag !!${tag}`, at);
    if (tag === 'merge') this.fail('the tag !!merge on something else than the merge key <<', at);
    try {
      return resolveTagged(tag, text);
    } catch (e) {
      if (e instanceof ScalarError) this.fail(e.message, at);
      throw e;
    }
  }

  /** The JSON key of a scalar key (or MERGE for the merge key `<<`). */
  private keyOf(text: string, plain: boolean, tag: CoreTag | null, at: number, alias: AnchoredScalar | null): string | typeof MERGE {
    if (text === '<<' && ((plain && tag === null) || tag === 'merge')) {
      // go-yaml merges on a `<<` scalar node; an alias of one is a plain key "<<" there
      if (alias !== null) this.fail('an alias as the merge key <<', at);
      return MERGE;
    }
    let key: string;
    try {
      if (tag === null) {
        key = plain ? plainKey(text) : text;
      } else {
        const r = this.tagged(tag, text, at);
        key = keyString(r.kind, r.value, text);
      }
    } catch (e) {
      if (e instanceof KeyError) this.fail(e.message, at);
      throw e;
    }
    if (key.length > LIMITS.maxKeyLength) this.fail(`a mapping key of more than ${LIMITS.maxKeyLength.toLocaleString('en-US')} characters`, at);
    return key;
  }

  private keyOfInline(anchor: string | null, tag: CoreTag | null): string | typeof MERGE {
    const at = this.rStart;
    if (this.rKind === R_COLLECTION) this.fail('a collection as a mapping key (kubectl cannot convert it to JSON)', at);
    if (this.rKind === R_ALIAS) {
      if (anchor !== null || tag !== null) this.fail('an alias cannot have an anchor or a tag', at);
      const a = this.rValue;
      if (!(a instanceof AnchoredScalar)) this.fail('a collection as a mapping key (kubectl cannot convert it to JSON)', at);
      return this.keyOf(a.text, a.plain, a.tag, at, a);
    }
    const key = this.keyOf(this.rText, this.rPlain, tag, at, null);
    if (anchor !== null) this.setAnchor(anchor, new AnchoredScalar(this.rText, this.rPlain, tag));
    return key;
  }

  private setKeyScalar(text: string, plain: boolean, tag: CoreTag | null, alias: AnchoredScalar | null): void {
    this.kText = text;
    this.kPlain = plain;
    this.kTag = tag;
    this.kAlias = alias;
  }

  private keyOfExplicit(at: number): string | typeof MERGE {
    return this.keyOf(this.kText, this.kPlain, this.kTag, at, this.kAlias);
  }

  /**
   * A plain scalar in the block context, first line from `pos`. A first line that ends with ':'
   * and a space is a key (when `mode` allows one); otherwise the scalar continues on the lines
   * below that are more indented than `parent` (libyaml's folding: one line break is a space,
   * n breaks are n-1 newlines).
   */
  private plain(parent: number, mode: number): void {
    const s = this.s;
    const start = this.pos;
    const c = s.charCodeAt(start);
    this.checkPlainStart(c, start, false);
    let i = start;
    let endContent = start;
    let stop = 0; // 0 line end, 1 comment, 2 key
    for (;;) {
      const d = s.charCodeAt(i);
      if (d < 128 && PLAIN_SPECIAL[d] === 0) {
        endContent = ++i;
        continue;
      }
      if (d === LF) break;
      if (d === SPACE || d === TAB) {
        i++;
        continue;
      }
      if (d === HASH && i > start && (s.charCodeAt(i - 1) === SPACE || s.charCodeAt(i - 1) === TAB)) {
        stop = 1;
        break;
      }
      if (d === COLON && blankz(s.charCodeAt(i + 1))) {
        stop = 2;
        break;
      }
      endContent = ++i;
    }
    this.rPlain = true;
    this.rKind = R_SCALAR;
    if (stop === 2) {
      if (mode === VALUE_ONLY) this.fail('unexpected ":" (a value cannot start a mapping on the line of its key; quote it if the colon belongs to the text)', i);
      this.rText = this.text(start, endContent);
      this.isKey = true;
      this.pos = i;
      return;
    }
    if (mode === KEY_REQUIRED) this.fail('expected ":" after this mapping key (or is this line meant to continue the value above? it is not indented more)', start);
    if (stop === 1 || !this.continues(i + 1, parent + 1)) {
      this.rText = this.text(start, endContent);
      this.pos = endContent;
      return;
    }
    // a multi-line plain scalar
    let text = s.slice(start, endContent);
    let p = i + 1; // the start of the line below
    for (;;) {
      // blank lines between: n breaks in all fold into n-1 newlines
      let breaks = 0;
      let q = p;
      for (;;) {
        const ls = q;
        let e = s.charCodeAt(q);
        while (e === SPACE || e === TAB) {
          if (e === TAB && q - ls < parent + 1) this.fail('a tab character in the indentation (YAML indents with spaces only)', q);
          e = s.charCodeAt(++q);
        }
        if (e !== LF) break;
        breaks++;
        q++;
      }
      text += breaks === 0 ? ' ' : '\n'.repeat(breaks);
      // the content of this continuation line (continues() checked it may continue)
      const lineStart = q;
      let j = q;
      let end = q;
      let lineStop = 0;
      for (;;) {
        const d = s.charCodeAt(j);
        if (d === LF) break;
        if (d === SPACE || d === TAB) {
          j++;
          continue;
        }
        if (d === HASH && (s.charCodeAt(j - 1) === SPACE || s.charCodeAt(j - 1) === TAB)) {
          lineStop = 1;
          break;
        }
        if (d === COLON && blankz(s.charCodeAt(j + 1))) {
          this.fail('a mapping key on more than one line, or a ":" inside a plain value that continues on several lines (quote the value)', j);
        }
        end = ++j;
      }
      text += s.slice(lineStart, end);
      endContent = end;
      if (lineStop === 1 || !this.continues(j + 1, parent + 1)) break;
      p = j + 1;
    }
    this.rText = text;
    this.rMultiline = true;
    this.pos = endContent;
  }

  /** Whether a plain scalar continues on the line at `p` (after blank lines): more indented than `minIndent - 1`, not a comment, not `...`. */
  private continues(p: number, minIndent: number): boolean {
    const s = this.s;
    const end = this.end;
    const from = p;
    let tabs = false;
    for (;;) {
      if (p >= end) return false;
      const ls = p;
      let c = s.charCodeAt(p);
      while (c === SPACE) c = s.charCodeAt(++p);
      const spaces = p;
      while (c === SPACE || c === TAB) c = s.charCodeAt(++p);
      if (spaces !== p) tabs = true;
      if (c === LF) {
        p++;
        continue;
      }
      const col = p - ls;
      if (col < minIndent) {
        // the next content line, after lines indented with spaces only: nextContent() need not look again
        if (!tabs && c !== HASH && !(col === 0 && (c === DOT || c === PERCENT))) {
          this.aheadFrom = from;
          this.aheadAt = p;
          this.aheadLs = ls;
        }
        return false;
      }
      if (c === HASH) return false;
      if (col === 0 && c === DOT && s.startsWith('...', p) && blankz(s.charCodeAt(p + 3))) return false;
      if (col === 0 && c === PERCENT) return false;
      return true;
    }
  }

  /** The characters a plain scalar cannot start with (libyaml's list). */
  private checkPlainStart(c: number, at: number, flow: boolean): void {
    const next = this.s.charCodeAt(at + 1);
    if (c === DASH) {
      if (blankz(next)) this.fail(flow ? 'a block sequence entry "-" inside a flow collection' : 'a "-" where a value is expected', at);
    } else if (c === QMARK || c === COLON) {
      if (flow || blankz(next)) this.fail(c === COLON ? 'a mapping value without a key' : 'an unexpected "?"', at);
    } else if (c < 128 && INDICATOR[c] === 1) {
      this.fail(`a plain value cannot start with "${String.fromCharCode(c)}" (quote the value)`, at);
    } else if (blankz(c)) {
      this.fail('expected a value', at);
    }
  }

  /**
   * A single- or double-quoted scalar at `pos`, folded as libyaml folds it (one line break is a
   * space, n breaks are n-1 newlines, spaces around breaks go; an escaped line break joins).
   * Quoted scalars need no indentation in libyaml, so none is checked.
   */
  private quoted(single: boolean): string {
    const s = this.s;
    const start = this.pos;
    const q = single ? SQUOTE : DQUOTE;
    // fast path: no escape and no line break before the closing quote
    for (let i = start + 1; ; i++) {
      const c = s.charCodeAt(i);
      if (c === q) {
        if (single && s.charCodeAt(i + 1) === SQUOTE) break;
        this.pos = i + 1;
        return this.text(start + 1, i);
      }
      if (c === LF || (c === BACKSLASH && !single) || c !== c) break;
    }
    let out = '';
    let p = start + 1;
    const end = this.end;
    for (;;) {
      if (p >= end) this.fail(`a ${single ? 'single' : 'double'}-quoted scalar without its closing quote`, start);
      if (s.charCodeAt(p - 1) === LF && s.startsWith('...', p) && blankz(s.charCodeAt(p + 3))) {
        this.fail('the document end marker `...` inside a quoted scalar', p);
      }
      let leadingBlanks = false;
      // non-blank characters
      let c = s.charCodeAt(p);
      let runStart = p;
      while (!blankz(c)) {
        if (c === q) {
          if (single && s.charCodeAt(p + 1) === SQUOTE) {
            out += s.slice(runStart, p) + "'";
            p += 2;
            runStart = p;
            c = s.charCodeAt(p);
            continue;
          }
          break;
        }
        if (c === BACKSLASH && !single) {
          out += s.slice(runStart, p);
          const e = s.charCodeAt(p + 1);
          if (e === LF) {
            // an escaped line break: the lines join without a space
            p += 2;
            runStart = p;
            leadingBlanks = true;
            break;
          }
          p = this.escape(p);
          out += this.escaped;
          runStart = p;
          c = s.charCodeAt(p);
          continue;
        }
        c = s.charCodeAt(++p);
      }
      out += s.slice(runStart, p);
      if (c === q) break;
      // blanks and line breaks
      let whitespaces = '';
      let leadingBreak = false;
      let trailingBreaks = 0;
      for (;;) {
        c = s.charCodeAt(p);
        if (c === SPACE || c === TAB) {
          if (!leadingBlanks) whitespaces += String.fromCharCode(c);
          p++;
        } else if (c === LF) {
          if (p + 1 >= end) this.fail(`a ${single ? 'single' : 'double'}-quoted scalar without its closing quote`, start);
          if (!leadingBlanks) {
            whitespaces = '';
            leadingBreak = true;
            leadingBlanks = true;
          } else {
            trailingBreaks++;
          }
          p++;
        } else {
          break;
        }
      }
      if (leadingBlanks) {
        if (leadingBreak) out += trailingBreaks === 0 ? ' ' : '\n'.repeat(trailingBreaks);
        else out += '\n'.repeat(trailingBreaks);
      } else {
        out += whitespaces;
      }
    }
    this.pos = p + 1;
    return out;
  }

  /** A `\` escape of a double-quoted scalar at `p` (libyaml's list; `\/` is not in it): sets `escaped`, returns the position after it. */
  private escape(p: number): number {
    const s = this.s;
    const e = s[p + 1];
    let n = 0;
    switch (e) {
      case '0': this.escaped = '\0'; break;
      case 'a': this.escaped = '\x07'; break;
      case 'b': this.escaped = '\b'; break;
      case 't': case '\t': this.escaped = '\t'; break;
      case 'n': this.escaped = '\n'; break;
      case 'v': this.escaped = '\v'; break;
      case 'f': this.escaped = '\f'; break;
      case 'r': this.escaped = '\r'; break;
      case 'e': this.escaped = '\x1b'; break;
      case ' ': this.escaped = ' '; break;
      case '"': this.escaped = '"'; break;
      case "'": this.escaped = "'"; break;
      case '\\': this.escaped = '\\'; break;
      case 'N': this.escaped = '\x85'; break;
      case '_': this.escaped = '\xa0'; break;
      case 'L': this.escaped = '\u2028'; break;
      case 'P': this.escaped = '\u2029'; break;
      case 'x': n = 2; break;
      case 'u': n = 4; break;
      case 'U': n = 8; break;
      default:
        this.fail('an unknown escape sequence in a double-quoted scalar (YAML has no \\/, for one)', p);
    }
    if (n === 0) return p + 2;
    const hex = s.slice(p + 2, p + 2 + n);
    if (hex.length !== n || !/^[0-9a-fA-F]+$/.test(hex)) this.fail(`expected ${n} hexadecimal digits after \\${e}`, p);
    const code = parseInt(hex, 16);
    if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) this.fail('an escape of a code point that is not a character (a surrogate, or above U+10FFFF)', p);
    this.escaped = String.fromCodePoint(code);
    return p + 2 + n;
  }

  /**
   * A literal (`|`) or folded (`>`) block scalar, with its chomping and indentation indicators,
   * as libyaml reads it (`yaml_parser_scan_block_scalar`): the indentation is given, or that of
   * the first non-empty line (at least one more than the enclosing collection's).
   */
  private blockScalar(parent: number, anchor: string | null, tag: CoreTag | null, asKey: boolean): unknown {
    const s = this.s;
    const start = this.pos;
    const literal = s.charCodeAt(start) === PIPE;
    let p = start + 1;
    let chomp = 0;
    let increment = 0;
    let c = s.charCodeAt(p);
    if (c === 43 /* + */ || c === DASH) {
      chomp = c === DASH ? -1 : 1;
      c = s.charCodeAt(++p);
      if (c >= 48 && c <= 57) {
        if (c === 48) this.fail('a block scalar indentation indicator of 0', p);
        increment = c - 48;
        c = s.charCodeAt(++p);
      }
    } else if (c >= 48 && c <= 57) {
      if (c === 48) this.fail('a block scalar indentation indicator of 0', p);
      increment = c - 48;
      c = s.charCodeAt(++p);
      if (c === 43 || c === DASH) {
        chomp = c === DASH ? -1 : 1;
        c = s.charCodeAt(++p);
      }
    }
    const afterIndicators = p;
    while (c === SPACE || c === TAB) c = s.charCodeAt(++p);
    if (c === HASH) {
      if (p === afterIndicators) this.fail('a comment must be separated from what precedes it by a space', p);
      p = s.indexOf('\n', p);
      c = LF;
    }
    if (c !== LF) this.fail('unexpected text after a block scalar indicator (the text starts on the next line)', p);
    p++;
    const end = this.end;
    let indent = increment > 0 ? (parent >= 0 ? parent + increment : increment) : 0;
    let out = '';
    let breaks = 0;
    let leadingBreak = false;
    let leadingBlank = false;
    let lineStart = p;
    let col = 0;
    // libyaml's yaml_parser_scan_block_scalar_breaks: indentation and empty lines
    const scanBreaks = () => {
      let maxIndent = 0;
      for (;;) {
        lineStart = p;
        if (p >= end) {
          col = 0;
          break;
        }
        while ((indent === 0 || p - lineStart < indent) && s.charCodeAt(p) === SPACE) p++;
        col = p - lineStart;
        if (col > maxIndent) maxIndent = col;
        const d = s.charCodeAt(p);
        if ((indent === 0 || col < indent) && d === TAB) this.fail('a tab character where the indentation of a block scalar is expected', p);
        if (d !== LF) break;
        breaks++;
        p++;
      }
      if (indent === 0) {
        indent = Math.max(maxIndent, parent + 1, 1);
      }
    };
    scanBreaks();
    while (p < end && col === indent) {
      const d = s.charCodeAt(p);
      const trailingBlank = d === SPACE || d === TAB;
      if (!literal && !leadingBlank && !trailingBlank && leadingBreak) {
        if (breaks === 0) out += ' ';
      } else if (leadingBreak) {
        out += '\n';
      }
      leadingBreak = false;
      if (breaks > 0) out += '\n'.repeat(breaks);
      breaks = 0;
      leadingBlank = trailingBlank;
      const eol = s.indexOf('\n', p);
      out += s.slice(p, eol);
      p = eol + 1;
      leadingBreak = true;
      scanBreaks();
    }
    if (chomp !== -1 && leadingBreak) out += '\n';
    if (chomp === 1 && breaks > 0) out += '\n'.repeat(breaks);
    // the line that ended the scalar is read again from its start
    this.pos = p < end ? lineStart : end;
    this.fromAlias = false;
    let v: unknown;
    if (asKey) {
      // an explicit key (`? |`)
      this.setKeyScalar(out, false, tag, null);
      v = KEY_SCALAR;
    } else if (tag === null) {
      v = out;
    } else {
      v = this.scalarValue(out, false, tag, start);
    }
    if (anchor !== null) this.setAnchor(anchor, new AnchoredScalar(out, false, tag));
    this.nodeStart = start;
    this.nextContent();
    return v;
  }

  // ----------------------------------------------------------------------------- flow nodes

  /** A flow collection (`[...]` or `{...}`) at `pos`; `pos` after its closing bracket. */
  private flowCollection(anchor: string | null, tag: CoreTag | null): unknown {
    const s = this.s;
    const start = this.pos;
    const isSeq = s.charCodeAt(start) === LBRACKET;
    if (tag !== null && tag !== '!' && tag !== (isSeq ? 'seq' : 'map')) this.fail(`a ${isSeq ? 'sequence' : 'mapping'} with a tag that is not !!${isSeq ? 'seq' : 'map'}`, start);
    this.enter(start);
    const pending = anchor !== null ? this.startAnchor(anchor) : undefined;
    this.pos++;
    let result: unknown;
    const record = this.records(isSeq);
    if (isSeq) {
      const arr: unknown[] = [];
      const info: number[] | undefined = record ? [] : undefined;
      for (let first = true; ; first = false) {
        let c = this.flowSpace(start);
        if (c === RBRACKET) break;
        if (!first) {
          if (c !== COMMA) this.fail('expected "," or "]" in this flow sequence', this.pos);
          this.pos++;
          c = this.flowSpace(start);
          if (c === RBRACKET) break;
        }
        if (c === COMMA) this.fail('an empty entry in a flow sequence', this.pos);
        const at = this.pos;
        if (c === QMARK && blankz(s.charCodeAt(this.pos + 1))) {
          // `[? key : value]`: a mapping of one pair
          this.pos++;
          this.flowSpace(start);
          arr.push(this.flowPair(start, at, true));
        } else {
          const v = this.flowNode(start);
          let p = this.pos;
          let d = s.charCodeAt(p);
          while (d === SPACE || d === TAB) d = s.charCodeAt(++p);
          if (d === COLON) {
            // `[key: value]`: a mapping of one pair
            if (v !== KEY_SCALAR) this.fail('a collection as a mapping key (kubectl cannot convert it to JSON)', at);
            this.pos = p;
            arr.push(this.flowPair(start, at, false));
          } else {
            arr.push(v === KEY_SCALAR ? this.scalarValue(this.kText, this.kPlain, this.kTag, at) : v);
            if (v === KEY_SCALAR && this.kAlias !== null) this.spend(1, at);
          }
        }
        if (info !== undefined) info.push(at);
      }
      if (info !== undefined) this.fields.set(arr, info);
      result = arr;
    } else {
      const obj: Record<string, unknown> = {};
      const info: unknown[] | undefined = record ? [] : undefined;
      let merged: Set<string> | undefined;
      for (let first = true; ; first = false) {
        let c = this.flowSpace(start);
        if (c === RBRACE) break;
        if (!first) {
          if (c !== COMMA) this.fail('expected "," or "}" in this flow mapping', this.pos);
          this.pos++;
          c = this.flowSpace(start);
          if (c === RBRACE) break;
        }
        if (c === COMMA) this.fail('an empty entry in a flow mapping', this.pos);
        if (c === COLON) this.fail('a mapping value without a key', this.pos);
        const at = this.pos;
        if (c === QMARK && blankz(s.charCodeAt(this.pos + 1))) {
          this.pos++;
          this.flowSpace(start);
        }
        merged = this.flowEntry(obj, info, merged, start, at);
      }
      if (info !== undefined) this.fields.set(obj, info);
      result = obj;
    }
    this.pos++; // the closing bracket
    this.depth--;
    if (anchor !== null) this.endAnchor(anchor, pending!, result as object);
    this.fromAlias = false;
    return result;
  }

  /** One `key: value` (or `key`) of a flow mapping, the key at `pos`. */
  private flowEntry(
    obj: Record<string, unknown>, info: unknown[] | undefined, merged: Set<string> | undefined, collectionStart: number, at: number,
  ): Set<string> | undefined {
    const s = this.s;
    if (s.charCodeAt(this.pos) === COLON) this.fail('a mapping value without a key', this.pos);
    if (this.flowNode(collectionStart) !== KEY_SCALAR) this.fail('a collection as a mapping key (kubectl cannot convert it to JSON)', at);
    const key = this.keyOf(this.kText, this.kPlain, this.kTag, at, this.kAlias);
    // the ':' must be on the line of the key
    let p = this.pos;
    let d = s.charCodeAt(p);
    while (d === SPACE || d === TAB) d = s.charCodeAt(++p);
    let val: unknown = null;
    let valAt = at;
    this.fromAlias = false;
    if (d === COLON) {
      this.pos = p + 1;
      const c = this.flowSpace(collectionStart);
      if (c !== COMMA && c !== RBRACE && c !== RBRACKET) {
        valAt = this.pos;
        val = this.flowValue(collectionStart);
      }
    } else {
      this.pos = p;
    }
    if (key === MERGE) return this.merge(obj, info, val, at, merged);
    this.put(obj, info, key, val, at, valAt, merged);
    return merged;
  }

  /** A single pair in a flow sequence (`[a: 1]`, `[? a : 1]`): a mapping of its own. */
  private flowPair(collectionStart: number, at: number, explicit: boolean): unknown {
    this.enter(at);
    const obj: Record<string, unknown> = {};
    const info: unknown[] | undefined = this.records(false) ? [] : undefined;
    if (!explicit) {
      // the key was read by flowNode(): its scalar is in k*
      const key = this.keyOf(this.kText, this.kPlain, this.kTag, at, this.kAlias);
      this.pos++; // ':'
      let val: unknown = null;
      let valAt = at;
      this.fromAlias = false;
      const c = this.flowSpace(collectionStart);
      if (c !== COMMA && c !== RBRACKET) {
        valAt = this.pos;
        val = this.flowValue(collectionStart);
      }
      if (key === MERGE) this.merge(obj, info, val, at, undefined);
      else this.put(obj, info, key, val, at, valAt, undefined);
    } else {
      this.flowEntry(obj, info, undefined, collectionStart, at);
    }
    this.depth--;
    if (info !== undefined) this.fields.set(obj, info);
    this.fromAlias = false;
    return obj;
  }

  private flowValue(collectionStart: number): unknown {
    const at = this.pos;
    const v = this.flowNode(collectionStart);
    if (v !== KEY_SCALAR) return v;
    if (this.kAlias !== null) {
      this.spend(1, at);
      this.fromAlias = true;
    }
    return this.scalarValue(this.kText, this.kPlain, this.kTag, at);
  }

  /**
   * A node inside a flow collection. A scalar (or an alias of one) is returned as KEY_SCALAR with
   * its text in k*, for the caller to read as a key or a value; collections as their value.
   */
  private flowNode(collectionStart: number): unknown {
    const s = this.s;
    this.readProps(true, collectionStart);
    const anchor = this.pAnchor;
    const tag = this.pTag;
    const at = this.pos;
    const c = s.charCodeAt(at);
    this.fromAlias = false;
    if (c === LBRACKET || c === LBRACE) return this.flowCollection(anchor, tag);
    if (c === STAR) {
      if (anchor !== null || tag !== null) this.fail('an alias cannot have an anchor or a tag', at);
      this.alias(true);
      const a = this.rValue;
      if (a instanceof AnchoredScalar) {
        this.setKeyScalar(a.text, a.plain, a.tag, a);
        return KEY_SCALAR;
      }
      this.fromAlias = true;
      return this.copy(a, at);
    }
    let text: string;
    let plain: boolean;
    if (c === DQUOTE || c === SQUOTE) {
      text = this.quoted(c === SQUOTE);
      plain = false;
    } else if ((anchor !== null || tag !== null)
      && (c === COMMA || c === RBRACKET || c === RBRACE || (c === COLON && blankz(s.charCodeAt(at + 1))))) {
      text = ''; // properties and no content
      plain = true;
    } else {
      text = this.flowPlain(collectionStart);
      plain = true;
    }
    if (anchor !== null) this.setAnchor(anchor, new AnchoredScalar(text, plain, tag));
    this.setKeyScalar(text, plain, tag, null);
    return KEY_SCALAR;
  }

  /** A plain scalar inside a flow collection: it ends at `,` `[` `]` `{` `}` `?`, at ':' and a space, at a comment. */
  private flowPlain(collectionStart: number): string {
    const s = this.s;
    const start = this.pos;
    const c = s.charCodeAt(start);
    if (c === PIPE || c === GT) this.fail('a block scalar inside a flow collection', start);
    if (c === QMARK) this.fail('an unexpected "?" (in a flow collection, "?" starts an explicit key and needs a space after it)', start);
    this.checkPlainStart(c, start, true);
    let text = '';
    let p = start;
    let lineStart = start;
    let endContent = start;
    for (;;) {
      const d = s.charCodeAt(p);
      if (d === LF) {
        // the scalar may go on after the line break(s)
        text += s.slice(lineStart, endContent);
        let q = p;
        let breaks = 0;
        for (;;) {
          let e = s.charCodeAt(q);
          if (e === LF) {
            breaks++;
            if (q + 1 >= this.end) this.fail('a flow collection without its closing bracket', collectionStart);
            e = s.charCodeAt(++q);
          }
          while (e === SPACE || e === TAB) e = s.charCodeAt(++q);
          if (e !== LF) break;
        }
        const e = s.charCodeAt(q);
        const col0 = s.charCodeAt(q - 1) === LF;
        if (e === HASH || flowIndicator(e) || e === QMARK || (e === COLON && (blankz(s.charCodeAt(q + 1)) || flowIndicator(s.charCodeAt(q + 1))))
          || (col0 && (e === PERCENT || (e === DOT && s.startsWith('...', q) && blankz(s.charCodeAt(q + 3)))))) {
          this.pos = endContent;
          return text;
        }
        text += breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
        p = q;
        lineStart = q;
        endContent = q;
        continue;
      }
      if (d === SPACE || d === TAB) {
        p++;
        continue;
      }
      if (d === COMMA || d === LBRACKET || d === RBRACKET || d === LBRACE || d === RBRACE || d === QMARK) break;
      if (d === HASH && (s.charCodeAt(p - 1) === SPACE || s.charCodeAt(p - 1) === TAB)) break;
      if (d === COLON) {
        const e = s.charCodeAt(p + 1);
        if (blankz(e)) break;
        // `{a:}`, `[a:,b]`: kubectl reads "a:" as the text, a reader of the YAML specification a key
        if (flowIndicator(e)) this.fail('a ":" right before a bracket or a comma is ambiguous in a flow collection (add a space after it, or quote the text)', p);
      }
      endContent = ++p;
    }
    text += s.slice(lineStart, endContent);
    this.pos = endContent;
    return text;
  }

  /**
   * Spaces, line breaks and comments inside a flow collection (libyaml needs no indentation there);
   * returns the next character.
   */
  private flowSpace(collectionStart: number): number {
    const s = this.s;
    let p = this.pos;
    for (;;) {
      if (p >= this.end) this.fail('a flow collection without its closing bracket', collectionStart);
      const c = s.charCodeAt(p);
      if (c === SPACE || c === TAB) {
        p++;
      } else if (c === LF) {
        p++;
        if (p < this.end) {
          const d = s.charCodeAt(p);
          if (d === PERCENT || (d === DOT && s.startsWith('...', p) && blankz(s.charCodeAt(p + 3)))) {
            this.fail('a flow collection without its closing bracket', collectionStart);
          }
        }
      } else if (c === HASH) {
        const prev = s.charCodeAt(p - 1);
        if (prev !== SPACE && prev !== TAB && prev !== LF) this.fail('a comment must be separated from what precedes it by a space', p);
        p = s.indexOf('\n', p);
      } else {
        this.pos = p;
        return c;
      }
    }
  }

  // ------------------------------------------------------------------ anchors, aliases, tags

  /** Anchors and tags before a node, separated by spaces (and line breaks in a flow collection). */
  private readProps(flow: boolean, collectionStart = 0): void {
    const s = this.s;
    this.pAnchor = null;
    this.pTag = null;
    for (;;) {
      const p = this.pos;
      const c = s.charCodeAt(p);
      if (c === AMP) {
        if (this.pAnchor !== null) this.fail('a node with two anchors', p);
        this.pAnchor = this.name(p, flow, 'anchor');
      } else if (c === BANG) {
        if (this.pTag !== null) this.fail('a node with two tags', p);
        this.pTag = this.tag(p);
      } else {
        return;
      }
      if (flow) {
        this.flowSpace(collectionStart);
      } else {
        let q = this.pos;
        let d = s.charCodeAt(q);
        while (d === SPACE || d === TAB) d = s.charCodeAt(++q);
        this.pos = q;
      }
    }
  }

  /** An anchor or alias name after `&` or `*` at `p`; `pos` after it. */
  private name(p: number, flow: boolean, what: string): string {
    const s = this.s;
    let q = p + 1;
    let c = s.charCodeAt(q);
    while (c < 128 && ALPHA[c] === 1) c = s.charCodeAt(++q);
    if (q === p + 1) this.fail(`an ${what} without a name (names are letters, digits, "-" and "_")`, p);
    const endOk = blankz(c) || (flow && (c === COMMA || c === RBRACKET || c === RBRACE)) || (what === 'alias' && c === COLON);
    if (!endOk) this.fail(`an ${what} name may hold only letters, digits, "-" and "_"`, q);
    this.pos = q;
    return s.slice(p + 1, q);
  }

  /** A tag at `p`, as one of the core tags this reader accepts; anything else is an error. */
  private tag(p: number): CoreTag {
    const s = this.s;
    let q = p + 1;
    let handle: string;
    let suffix: string;
    if (s.charCodeAt(q) === 60 /* < */) {
      // a verbatim tag: !<tag:yaml.org,2002:str>
      const close = q + 1;
      let r = close;
      while (s.charCodeAt(r) < 128 && URI[s.charCodeAt(r)] === 1) r++;
      if (s.charCodeAt(r) !== GT || r === close) this.fail('a verbatim tag without its closing ">"', p);
      handle = '';
      suffix = s.slice(close, r);
      q = r + 1;
    } else {
      while (s.charCodeAt(q) < 128 && ALPHA[s.charCodeAt(q)] === 1) q++;
      if (s.charCodeAt(q) === BANG) {
        handle = s.slice(p, q + 1);
        q++;
        const r0 = q;
        while (s.charCodeAt(q) < 128 && URI[s.charCodeAt(q)] === 1) q++;
        suffix = s.slice(r0, q);
      } else {
        handle = '!';
        while (s.charCodeAt(q) < 128 && URI[s.charCodeAt(q)] === 1) q++;
        suffix = s.slice(p + 1, q);
      }
    }
    if (!blankz(s.charCodeAt(q))) this.fail('a tag must be followed by a space', q);
    this.pos = q;
    if (suffix.indexOf('%') >= 0) this.fail('a tag with %-escapes (not read here)', p);
    let long: string;
    if (handle === '!!') {
      if (suffix === '') this.fail('a tag without a name', p);
      long = `tag:yaml.org,2002:${suffix}`;
    } else if (handle === '!') {
      long = suffix === '' ? '!' : `!${suffix}`;
    } else if (handle === '') {
      long = suffix;
    } else {
      this.fail('a tag handle that no %TAG directive defines (kubectl refuses it too)', p);
    }
    const core = CORE_TAGS.get(long);
    if (core === undefined) {
      this.fail('an unsupported tag: only !!str, !!int, !!float, !!bool, !!null, !!binary, !!timestamp, !!map, !!seq, !!merge and ! are read '
        + '(kubectl ignores other tags, so what they seem to say is not what is applied)', p);
    }
    return core;
  }

  /** An alias at `pos`: sets rKind/rValue (an AnchoredScalar, or the anchored collection). */
  private alias(flow: boolean): void {
    const at = this.pos;
    const name = this.name(at, flow, 'alias');
    const target = this.anchors?.get(name);
    if (target === undefined) this.fail('an alias of an anchor that is not defined before it in this document', at);
    if (target instanceof Pending) this.fail('an alias inside the node its anchor is on (a value cannot contain itself)', at);
    this.rKind = R_ALIAS;
    this.rValue = target;
    this.rStart = at;
  }

  private setAnchor(name: string, value: object): void {
    (this.anchors ??= new Map()).set(name, value);
  }

  private startAnchor(name: string): Pending {
    const pending = new Pending();
    this.setAnchor(name, pending);
    return pending;
  }

  /** A collection is done: its anchor names it now, unless a node inside it took the name since. */
  private endAnchor(name: string, pending: Pending, value: object): void {
    if (this.anchors!.get(name) === pending) this.anchors!.set(name, value);
  }

  /** Spends alias nodes: a document's aliases may add at most LIMITS.maxAliasNodes nodes. */
  private spend(n: number, at: number): void {
    this.aliasBudget -= n;
    if (this.aliasBudget < 0) {
      this.fail(`aliases expand this document by more than ${LIMITS.maxAliasNodes.toLocaleString('en-US')} nodes (an alias "bomb"?)`, at);
    }
  }

  /** A copy of an anchored collection for an alias (JSON has no shared values): counted nodes, bounded depth. */
  private copy(value: unknown, at: number): unknown {
    this.spend(1, at);
    if (value === null || typeof value !== 'object') return value;
    this.enter(at);
    let out: unknown;
    if (Array.isArray(value)) {
      const arr = new Array(value.length);
      for (let i = 0; i < value.length; i++) arr[i] = this.copy(value[i], at);
      out = arr;
    } else {
      const obj: Record<string, unknown> = {};
      for (const k of Object.keys(value)) setOwn(obj, k, this.copy((value as Record<string, unknown>)[k], at));
      out = obj;
    }
    this.depth--;
    return out;
  }

  private enter(at: number): void {
    if (++this.depth > LIMITS.maxDepth) this.fail(`nesting deeper than ${LIMITS.maxDepth} levels`, at);
  }

  // ------------------------------------------------------------------------- mapping entries

  /** An entry of a mapping. A key written twice is an error (kubectl keeps the last, silently). */
  private put(
    obj: Record<string, unknown>, info: unknown[] | undefined, key: string, value: unknown,
    keyAt: number, valAt: number, merged: Set<string> | undefined,
  ): void {
    if (Object.prototype.hasOwnProperty.call(obj, key)) {
      if (merged !== undefined && merged.delete(key)) {
        // a key after a `<<` merge overrides the merged one: YAML and kubectl agree
      } else {
        if (info === undefined) throw new NeedsPositions();
        this.fail(`the key ${shownKey(key)} appears twice in this mapping (first on line ${this.lineOf(this.offsetOfKey(info, key))}); kubectl keeps only the last one`, keyAt);
      }
    }
    if (key === '__proto__') setOwn(obj, key, value);
    else obj[key] = value;
    if (info !== undefined) info.push(key, valAt);
  }

  private offsetOfKey(info: unknown[], key: string): number {
    for (let i = 0; i < info.length; i += 2) if (info[i] === key) return info[i + 1] as number;
    return 0;
  }

  /**
   * A `<<` merge, as go-yaml v2 does it: the value is a mapping, an alias of one, or a sequence
   * of them (the earlier ones win). go-yaml lets the merged keys override the keys written
   * before the `<<` (the YAML merge specification says the written keys win): as readers
   * disagree there, such a key is an error. One `<<` per mapping, for the same reason.
   */
  private merge(obj: Record<string, unknown>, info: unknown[] | undefined, value: unknown, at: number, before: Set<string> | undefined): Set<string> {
    if (before !== undefined) this.fail('a second merge key << in one mapping', at);
    let sources: Record<string, unknown>[];
    if (isPlainObject(value)) {
      sources = [value];
    } else if (Array.isArray(value) && !this.fromAlias && value.every(isPlainObject)) {
      sources = value;
    } else {
      this.fail('a merge key << needs a mapping, an alias of one, or a sequence of them', at);
    }
    const merged = new Set<string>();
    for (const src of sources) {
      for (const k of Object.keys(src)) {
        if (merged.has(k)) continue;
        if (Object.prototype.hasOwnProperty.call(obj, k)) {
          this.fail(`the key ${shownKey(k)} is written before the merge key << that also sets it: kubectl lets the merge win, the YAML merge rules the key (write the key after the <<)`, at);
        }
        setOwn(obj, k, src[k]);
        if (info !== undefined) info.push(k, at);
        merged.add(k);
      }
    }
    // the keys the merge set, that a later key may still override (and a second merge is refused)
    return merged;
  }
}

const MERGE = Symbol('merge key');

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// the first characters of plain scalars that may not be strings (scalars.ts's hints)
const KEY_HINT = new Uint8Array(128);
for (const c of '-+.0123456789yYnNtTfFoO~') KEY_HINT[c.charCodeAt(0)] = 1;

/** A plain scalar key as kubectl writes it in JSON. */
function plainKey(text: string): string {
  const c = text.charCodeAt(0);
  if (c >= 128 || KEY_HINT[c] === 0) return text;
  const r = resolvePlain(text);
  return keyString(r.kind, r.value, text);
}
