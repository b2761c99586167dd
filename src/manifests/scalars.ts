/**
 * YAML scalars as kubectl reads them: kubectl converts YAML to JSON with sigs.k8s.io/yaml, which
 * reads YAML with its fork of go-yaml v2 (YAML 1.1 rules, not the YAML 1.2 core schema), then
 * turns the non-string mapping keys into strings.
 *
 * Sources (kubernetes-sigs/yaml at commit 0fe7da35edc6aa625b56143f278741913b204464, the last one
 * that holds the go-yaml v2 fork; later commits only alias go.yaml.in/yaml/v2 v2.4.2, the same code):
 * - `goyaml.v2/resolve.go` `resolve()`: how a plain scalar (or a tagged one) becomes null, a
 *   boolean, an integer, a float, a timestamp or a string;
 * - `goyaml.v2/decode.go` `scalar()`: quoted scalars are strings, timestamps stay strings when
 *   decoded into `interface{}`, `!!binary` is base64-decoded into a string;
 * - `yaml.go` `convertToJSONableObject()`: keys of type int, float and bool become strings
 *   (`strconv.Itoa`, `strconv.FormatFloat(f, 'g', -1, 32)`, `true`/`false`); any other key type
 *   (null, uint64, a mapping, a sequence) is an error.
 *
 * JSON cannot hold the floats `.inf` and `.nan` (`json.Marshal` fails on them, so kubectl does);
 * this module returns them as `Infinity`/`NaN` and the reader refuses them in values.
 */

/** The type go-yaml v2 resolves a scalar to (`resolve()`'s returned tag). */
export type ScalarKind = 'str' | 'int' | 'uint' | 'float' | 'bool' | 'null' | 'timestamp' | 'binary';

/** A tag this reader accepts on a scalar: the core tags, and `!` (the non-specific tag: a string). */
export type ScalarTag = 'str' | 'int' | 'float' | 'bool' | 'null' | 'binary' | 'timestamp' | '!';

/** A scalar that a tag does not admit (`!!int abc`), or `!!binary` text that is not base64. */
export class ScalarError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'ScalarError';
  }
}

// resolve.go's resolveTable: the first character hints at what a plain scalar may be
const HINT_NONE = 0;
const HINT_NUMBER = 1; // a sign or a digit: an int, a float (or a timestamp)
const HINT_WORD = 2; // y n t f o ~ (and their capitals): only the words of the table below
const HINT_DOT = 3; // '.': a float such as .5 (or .inf, .nan)
const HINT = new Uint8Array(128);
for (const c of '+-0123456789') HINT[c.charCodeAt(0)] = HINT_NUMBER;
for (const c of 'yYnNtTfFoO~') HINT[c.charCodeAt(0)] = HINT_WORD;
HINT['.'.charCodeAt(0)] = HINT_DOT;

// resolve.go's resolveMap (YAML 1.1 booleans and nulls; the `<<` entry is unreachable from
// resolve(), whose hint for '<' is none: a merge key is recognised by the decoder, not here)
const WORDS = new Map<string, { kind: ScalarKind; value: boolean | null | number }>();
for (const w of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) WORDS.set(w, { kind: 'bool', value: true });
for (const w of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) WORDS.set(w, { kind: 'bool', value: false });
for (const w of ['~', 'null', 'Null', 'NULL']) WORDS.set(w, { kind: 'null', value: null });
for (const w of ['.nan', '.NaN', '.NAN']) WORDS.set(w, { kind: 'float', value: NaN });
for (const w of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) WORDS.set(w, { kind: 'float', value: Infinity });
for (const w of ['-.inf', '-.Inf', '-.INF']) WORDS.set(w, { kind: 'float', value: -Infinity });

// resolve.go's yamlStyleFloat, applied after every `_` is removed
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
// what Go's strconv.ParseFloat accepts from a text that starts with '.' (underscores only
// between digits; hexadecimal and inf/nan cannot start with '.')
const DOT_FLOAT = /^\.[0-9]+(_[0-9]+)*([eE][-+]?[0-9]+(_[0-9]+)*)?$/;
// a decimal integer that is exact in a double: read without BigInt
const SMALL_DECIMAL = /^[-+]?(0|[1-9][0-9]{0,14})$/;

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN_ABS = 2n ** 63n;
const UINT64_MAX = 2n ** 64n - 1n;

let resolvedKind: ScalarKind = 'str';

/**
 * The value of a plain (unquoted, untagged) scalar, as kubectl reads it: `null`, a boolean, a
 * number (`Infinity` and `NaN` for `.inf` and `.nan`, which JSON cannot hold) or the text itself.
 */
export function plainScalarValue(text: string): string | number | boolean | null {
  if (text.length > 0) {
    const c = text.charCodeAt(0);
    if (c >= 128 || HINT[c] === HINT_NONE) return text;
  }
  return resolve(text, false);
}

/** The value and the kind of a plain scalar (the kind decides how a key is written as a string). */
export function resolvePlain(text: string): { kind: ScalarKind; value: string | number | boolean | null } {
  const value = resolve(text, false);
  return { kind: resolvedKind, value };
}

/**
 * A scalar with an explicit tag, as go-yaml v2 reads it: the text (plain or quoted) is resolved
 * as a plain scalar would be, and the tag must agree (`!!int "10"` is 10, `!!int abc` is an
 * error); `!!float` also takes integers; `!!str` and `!` keep the text; `!!binary` decodes base64.
 */
export function resolveTagged(tag: ScalarTag, text: string): { kind: ScalarKind; value: string | number | boolean | null } {
  switch (tag) {
    case '!':
    case 'str':
      return { kind: 'str', value: text };
    case 'binary':
      return { kind: 'binary', value: decodeBase64(text) };
    default: {
      const value = resolve(text, tag === 'timestamp');
      const kind = resolvedKind;
      if (kind === tag) return { kind, value: kind === 'timestamp' ? text : value };
      // decode.go: a !!float may be written as an integer (int and int64 only, not uint64)
      if (tag === 'float' && kind === 'int') return { kind: 'float', value };
      throw new ScalarError(`a !!${tag} scalar that does not read as one (it reads as !!${kind === 'uint' ? 'int' : kind})`);
    }
  }
}

/**
 * resolve.go's resolve() for an untagged plain scalar (`tag` ""), or for a tag that resolves
 * like one; sets `resolvedKind`. Timestamps are only looked for under a `!!timestamp` tag: an
 * untagged timestamp resolves to its text anyway (decode.go keeps it a string), and no text that
 * looks like one (4 digits and '-') can read as a number.
 */
function resolve(text: string, timestampTag: boolean): string | number | boolean | null {
  const hint = text.length === 0 ? HINT_WORD : text.charCodeAt(0) < 128 ? HINT[text.charCodeAt(0)] : HINT_NONE;
  if (hint === HINT_NONE) {
    resolvedKind = 'str';
    return text;
  }
  if (text.length === 0) {
    resolvedKind = 'null';
    return null;
  }
  const word = text.length <= 5 ? WORDS.get(text) : undefined; // the longest word is 5 characters
  if (word) {
    resolvedKind = word.kind;
    return word.value;
  }
  if (hint === HINT_WORD) {
    resolvedKind = 'str';
    return text;
  }
  if (hint === HINT_DOT) {
    // strconv.ParseFloat(in, 64); an overflow (.1e400) is an error there, so the text stays a string
    if (DOT_FLOAT.test(text)) {
      const f = Number(text.replace(/_/g, ''));
      if (Number.isFinite(f)) {
        resolvedKind = 'float';
        return f;
      }
    }
    resolvedKind = 'str';
    return text;
  }
  if (timestampTag && isGoTimestamp(text)) {
    resolvedKind = 'timestamp';
    return text;
  }
  const plain = text.indexOf('_') < 0 ? text : text.replace(/_/g, '');
  if (SMALL_DECIMAL.test(plain)) {
    resolvedKind = 'int';
    const n = Number(plain);
    return n === 0 ? 0 : n; // -0 is the integer 0
  }
  // strconv.ParseInt(plain, 0, 64), then strconv.ParseUint(plain, 0, 64)
  const signed = goParseInt(plain, 0);
  if (signed !== undefined) {
    resolvedKind = 'int';
    return Number(signed);
  }
  const unsigned = goParseUint(plain, 0);
  if (unsigned !== undefined) {
    resolvedKind = 'uint';
    return Number(unsigned);
  }
  if (YAML_STYLE_FLOAT.test(plain)) {
    const f = Number(plain);
    if (Number.isFinite(f)) {
      resolvedKind = 'float';
      return f === 0 && plain.charCodeAt(0) === 45 ? -0 : f;
    }
  }
  // binary with the prefix alone taken off, so that a sign may follow it (`0b-1` is -1)
  if (plain.startsWith('0b')) {
    const b = goParseInt(plain.slice(2), 2);
    if (b !== undefined) {
      resolvedKind = 'int';
      return Number(b);
    }
    const ub = goParseUint(plain.slice(2), 2);
    if (ub !== undefined) {
      resolvedKind = 'uint';
      return Number(ub);
    }
  } else if (plain.startsWith('-0b')) {
    const b = goParseInt('-' + plain.slice(3), 2);
    if (b !== undefined) {
      resolvedKind = 'int';
      return Number(b);
    }
  }
  resolvedKind = 'str';
  return text;
}

/** Go's strconv.ParseUint(s, base, 64) for base 0 (prefixes 0b, 0o, 0x, a leading 0 is octal) or 2; undefined when it fails. */
function goParseUint(s: string, base: 0 | 2): bigint | undefined {
  if (s.length === 0) return undefined;
  let digits = s;
  let radix = 10;
  if (base === 2) {
    radix = 2;
  } else if (s.charCodeAt(0) === 48 /* 0 */) {
    const p = s.length >= 3 ? s[1] : '';
    if (p === 'b' || p === 'B') {
      radix = 2;
      digits = s.slice(2);
    } else if (p === 'o' || p === 'O') {
      radix = 8;
      digits = s.slice(2);
    } else if (p === 'x' || p === 'X') {
      radix = 16;
      digits = s.slice(2);
    } else {
      radix = 8;
      digits = s.slice(1);
      if (digits.length === 0) return 0n;
    }
  }
  const valid = radix === 2 ? /^[01]+$/ : radix === 8 ? /^[0-7]+$/ : radix === 16 ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/;
  if (!valid.test(digits)) return undefined;
  const prefix = radix === 2 ? '0b' : radix === 8 ? '0o' : radix === 16 ? '0x' : '';
  const v = BigInt(prefix + digits);
  return v <= UINT64_MAX ? v : undefined;
}

/** Go's strconv.ParseInt(s, base, 64): an optional sign, then ParseUint, in the int64 range. */
function goParseInt(s: string, base: 0 | 2): bigint | undefined {
  if (s.length === 0) return undefined;
  const c = s.charCodeAt(0);
  const neg = c === 45; /* - */
  const u = goParseUint(neg || c === 43 /* + */ ? s.slice(1) : s, base);
  if (u === undefined) return undefined;
  if (neg) return u <= INT64_MIN_ABS ? -u : undefined;
  return u <= INT64_MAX ? u : undefined;
}

/**
 * resolve.go's parseTimestamp: four digits and '-', then one of the layouts
 * `2006-1-2T15:4:5.999999999Z07:00` (T or t), `2006-1-2 15:4:5.999999999` or `2006-1-2`, as Go's
 * time.Parse reads them (one or two digits for month, day, hour, minute and second; a fraction
 * after ',' or '.'; the zone Z or ±hh:mm; dates that exist).
 */
function isGoTimestamp(s: string): boolean {
  const m = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:([Tt ])([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,][0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (day > days) return false;
  if (m[4] === undefined) return true;
  if (Number(m[5]) > 23 || Number(m[6]) > 59 || Number(m[7]) > 59) return false;
  const zone = m[8];
  if (m[4] === ' ') return zone === undefined; // this layout has no zone
  if (zone === undefined) return false; // the T layouts require one
  return zone === 'Z' || (Number(zone.slice(1, 3)) <= 24 && Number(zone.slice(4, 6)) <= 60);
}

/**
 * Go's base64.StdEncoding.DecodeString (line breaks are skipped; padding is required), the bytes
 * then read as Go reads a string into JSON: each byte that is not part of valid UTF-8 becomes
 * U+FFFD.
 */
function decodeBase64(text: string): string {
  const b64 = text.replace(/[\r\n]/g, '');
  if (!/^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(b64)) {
    throw new ScalarError('a !!binary scalar that is not valid base64');
  }
  return goUtf8(Buffer.from(b64, 'base64'));
}

function goUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // invalid UTF-8: one U+FFFD per byte that does not start a valid sequence (Go's utf8.DecodeRune)
    let out = '';
    for (let i = 0; i < bytes.length;) {
      const n = validSequenceLength(bytes, i);
      if (n === 0) {
        out += '\uFFFD';
        i++;
      } else {
        out += new TextDecoder('utf-8').decode(bytes.subarray(i, i + n));
        i += n;
      }
    }
    return out;
  }
}

function validSequenceLength(b: Uint8Array, i: number): number {
  const c = b[i];
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k] >= lo && b[i + k] <= hi;
  if (c < 0x80) return 1;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (c === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0; // no surrogates
  if (c === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xf1 && c <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** A mapping key kubectl cannot turn into a JSON key (a null, an integer above int64, a collection). */
export class KeyError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'KeyError';
  }
}

/**
 * A resolved scalar key as the JSON key kubectl makes of it (`convertToJSONableObject`): strings
 * as they are, integers in decimal, floats as Go's `FormatFloat(f, 'g', -1, 32)` (`.inf`,
 * `-.inf`, `.nan` for the special values), booleans as `true`/`false`. `text` is the scalar as
 * written, for the digits of integers that a double cannot hold exactly.
 */
export function keyString(kind: ScalarKind, value: string | number | boolean | null, text: string): string {
  switch (kind) {
    case 'str':
    case 'timestamp':
    case 'binary':
      return value as string;
    case 'bool':
      return value ? 'true' : 'false';
    case 'null':
      throw new KeyError('a null mapping key (kubectl cannot convert it to JSON)');
    case 'uint':
      throw new KeyError('a mapping key that is an integer above 9223372036854775807 (kubectl cannot convert it to JSON)');
    case 'int':
      return Number.isSafeInteger(value) ? String(value) : exactInteger(text);
    case 'float':
      return formatFloat32(value as number);
  }
}

/** The decimal digits of an integer scalar whose value a double does not hold exactly. */
function exactInteger(text: string): string {
  const plain = text.replace(/_/g, '');
  const v = goParseInt(plain, 0) ?? (plain.startsWith('0b') ? goParseInt(plain.slice(2), 2) : goParseInt('-' + plain.slice(3), 2));
  return String(v);
}

/** Go's strconv.FormatFloat(f, 'g', -1, 32), with go-yaml's names for the special values. */
export function formatFloat32(f: number): string {
  if (Number.isNaN(f)) return '.nan';
  const x = Math.fround(f);
  if (x === Infinity) return '.inf';
  if (x === -Infinity) return '-.inf';
  const neg = x < 0 || Object.is(x, -0);
  const sign = neg ? '-' : '';
  const a = Math.abs(x);
  if (a === 0) return `${sign}0`;
  // the shortest decimal that reads back as the same float32
  let digits = '';
  let exp = 0;
  for (let p = 1; p <= 9; p++) {
    const s = a.toExponential(p - 1);
    if (Math.fround(Number(s)) === a || p === 9) {
      const [mantissa, e] = s.split('e');
      digits = mantissa.replace('.', '').replace(/0+$/, '') || '0';
      exp = Number(e);
      break;
    }
  }
  // %e when the exponent is < -4 or >= 6 (the precision Go uses for this decision with -1)
  if (exp < -4 || exp >= 6) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp);
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
  }
  const dp = exp + 1; // digits before the decimal point
  if (dp <= 0) return `${sign}0.${'0'.repeat(-dp)}${digits}`;
  if (dp >= digits.length) return `${sign}${digits}${'0'.repeat(dp - digits.length)}`;
  return `${sign}${digits.slice(0, dp)}.${digits.slice(dp)}`;
}
