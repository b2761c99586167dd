/**
 * Quoting values for messages. A value quoted in a message may come from the input, so it is
 * cut to `MAX_QUOTED_VALUE` characters, saying how long it was (`"aaaa…" (4194304 characters)`),
 * and the cost of quoting is bounded by that length, not by the value's size.
 */
import { jsonText } from './escape';
import { plural } from './plural';

/**
 * Characters of a value quoted in a message; longer values are cut, saying how long they were.
 * The same figure as `LIMITS.maxQuotedValue` (src/manifests/limits.ts), which lists every input
 * limit; this layer imports nothing, so it is stated here and a test keeps the two equal.
 */
export const MAX_QUOTED_VALUE = 120;

const ELLIPSIS = '\u2026';

/** Options of `quote`: an object, so that `values.map(quote)` cannot pass an index as one. */
export interface QuoteOptions {
  /** characters kept of a longer value (default `MAX_QUOTED_VALUE`) */
  readonly max?: number;
}

/**
 * Quotes a value for a message: strings in double quotes (JSON escapes, so a newline or a quote
 * in the value cannot break the message apart; invisible and bidirectional characters are
 * escaped too, as `jsonText` writes them), numbers and booleans bare, objects and lists as
 * JSON, `undefined` as the word. Values longer than `options.max` characters are cut:
 * `"aaaa…" (4194304 characters)`, `[1,2,3… (a list of 100000 items)`,
 * `{"a":1,… (an object of 12 fields)`.
 */
export function quote(value: unknown, options: QuoteOptions = {}): string {
  const max = options.max ?? MAX_QUOTED_VALUE;
  if (typeof value === 'string') {
    if (value.length <= max) return jsonText(value);
    return `${jsonText(cutCodeUnits(value, max)).slice(0, -1)}${ELLIPSIS}" (${value.length} characters)`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return cutText(String(value), max);
  if (value === undefined) return 'undefined';
  const json = boundedJson(value, max);
  if (json === undefined) return cutText(String(value), max); // a cycle, or nothing JSON can write
  if (json.complete) return json.text;
  return `${json.text.slice(0, max)}${ELLIPSIS} (${describeSize(value)})`;
}

/**
 * `text` when it has at most `max` characters, otherwise its first `max` and how long it was:
 * `aaaa… (4194304 characters)`. For text that is not quoted (a field path, a message).
 */
export function cutText(text: string, max: number = MAX_QUOTED_VALUE): string {
  return text.length <= max ? text : `${cutCodeUnits(text, max)}${ELLIPSIS} (${text.length} characters)`;
}

/** The first `max` UTF-16 code units, without splitting a surrogate pair. */
function cutCodeUnits(text: string, max: number): string {
  const end = max > 0 && /[\ud800-\udbff]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return text.slice(0, end);
}

function describeSize(value: unknown): string {
  if (Array.isArray(value)) return `a list of ${plural(value.length, 'item')}`;
  return `an object of ${plural(Object.keys(value as object).length, 'field')}`;
}

const STOP = Symbol('stop');

/**
 * `jsonText(value)` for the plain data that manifests decode to (and the same text for values
 * with `toJSON`), stopping once the text is longer than `max`: the cost is O(max), however
 * large or deeply shared the value is. `undefined` for a cycle, or a value JSON cannot write.
 */
function boundedJson(value: unknown, max: number): { text: string; complete: boolean } | undefined {
  const parts: string[] = [];
  let length = 0;
  const open = new Set<object>();
  const emit = (s: string) => {
    parts.push(s);
    length += s.length;
    if (length > max) throw STOP;
  };
  // a string longer than what is left is cut: JSON.stringify would copy all of it
  const str = (s: string) => emit(jsonText(s.length > max ? s.slice(0, max + 1) : s));
  const write = (v: unknown, inList: boolean): void => {
    if (v !== null && typeof v === 'object' && typeof (v as any).toJSON === 'function') v = (v as any).toJSON();
    if (v === null) return emit('null');
    switch (typeof v) {
      case 'string': return str(v);
      case 'number': return emit(Number.isFinite(v) ? String(v) : 'null');
      case 'boolean': return emit(String(v));
      case 'bigint': throw new TypeError('a bigint'); // as JSON.stringify
      case 'object': break;
      default: return inList ? emit('null') : undefined; // undefined, a function, a symbol
    }
    if (open.has(v as object)) throw new TypeError('a cycle');
    open.add(v as object);
    if (Array.isArray(v)) {
      emit('[');
      for (let i = 0; i < v.length; i++) {
        if (i > 0) emit(',');
        write(v[i], true);
      }
      emit(']');
    } else {
      emit('{');
      let first = true;
      for (const key of Object.keys(v as object)) {
        const item = (v as any)[key];
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
        if (!first) emit(',');
        first = false;
        str(key);
        emit(':');
        write(item, false);
      }
      emit('}');
    }
    open.delete(v as object);
  };
  try {
    write(value, false);
  } catch (e) {
    if (e === STOP) return { text: parts.join(''), complete: false };
    return undefined;
  }
  return parts.length === 0 ? undefined : { text: parts.join(''), complete: true };
}
