/**
 * A small YAML writer for JSON values: block style, two-space indentation, sequences indented
 * under their key (as cdk8s writes them), keys in the order given. Deterministic: the same value
 * gives the same text, byte for byte.
 *
 * A string is written plain only when it is made of characters that cannot start or end a YAML
 * structure and kubectl would read it back as that same string (`scalars.ts`: go-yaml v2's YAML
 * 1.1 rules, so `yes`, `on`, `0x1f`, `1_000`, `.5` and `~` are quoted, as are `null` and `true`);
 * every other string is double-quoted, with the characters a reader cannot see (and the line
 * breaks libyaml knows: NEL, LS, PS) written as escapes. So the text reads back, with this
 * package's reader (`yaml-reader.ts`) as with kubectl, as the value it was written from.
 */
import { plainScalarValue } from './scalars';
import { visibleText } from '../text';

/** One document of a YAML stream: a value, and comment lines written above it. */
export interface YamlOutputDocument {
  readonly value: unknown;
  /** lines written as `# line` before the document (each shown on one line: invisible characters escaped) */
  readonly comments?: readonly string[];
}

/**
 * Characters of a plain scalar: letters, digits and `-_./:@+=`; the first one a letter, a digit,
 * `_`, `.` or `/` (never an indicator: `-`, `:`, `*`, `&`, `!`, `?`, `|`, `>`, `'`, `"`, `%`, `@`,
 * `` ` ``, `#`, `{`, `[`, `,`), and never a `:` at the end. A digit followed later by a `:` is quoted
 * too: YAML 1.1 reads `1:20` as the sexagesimal 80 (go-yaml v2 does not, other readers do).
 */
const PLAIN = /^[A-Za-z0-9_./][-A-Za-z0-9_./:@+=]*$/;

/**
 * Characters escaped in a double-quoted scalar: C0 controls, `"`, `\`, DEL, C1 controls (NEL is
 * a line break to libyaml), format characters, the line and paragraph separators, the byte-order
 * mark, lone surrogates, and the non-characters U+FFFE and U+FFFF.
 */
const ESCAPED = /[\u0000-\u001f"\\\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}\p{Cs}\ufffe\uffff]/gu;

const NAMED_ESCAPES: Record<string, string> = {
  '\0': '\\0', '\t': '\\t', '\n': '\\n', '\r': '\\r', '"': '\\"', '\\': '\\\\', '\u001b': '\\e',
};

/** A value YAML cannot hold (a lone surrogate, a number JSON has not, a function). */
export class YamlWriteError extends Error {
  public constructor(message: string) {
    super(`YAML writer: ${message}`);
    this.name = 'YamlWriteError';
  }
}

/** A string as a YAML scalar: plain when it reads back as itself, double-quoted otherwise. */
export function yamlString(text: string): string {
  if (PLAIN.test(text) && !text.endsWith(':') && !/^[0-9].*:/.test(text) && plainScalarValue(text) === text) return text;
  return `"${text.replace(ESCAPED, (c) => {
    const named = NAMED_ESCAPES[c];
    if (named) return named;
    const cp = c.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) throw new YamlWriteError(`a lone surrogate (U+${cp.toString(16)}) is no character: text with one cannot be written as YAML`);
    if (cp <= 0xff) return `\\x${cp.toString(16).padStart(2, '0')}`;
    if (cp <= 0xffff) return `\\u${cp.toString(16).padStart(4, '0')}`;
    return `\\U${cp.toString(16).padStart(8, '0')}`;
  })}"`;
}

/** A JSON scalar (or an empty collection) on one line. */
function scalar(value: unknown): string | undefined {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string': return yamlString(value);
    case 'boolean': return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new YamlWriteError(`${value} is not a JSON number`);
      return String(value);
  }
  if (Array.isArray(value)) return value.length === 0 ? '[]' : undefined;
  if (typeof value === 'object') return Object.keys(value as object).length === 0 ? '{}' : undefined;
  throw new YamlWriteError(`a ${typeof value} is not a JSON value`);
}

/** The lines of a collection, indented by `indent` spaces. */
function lines(value: unknown, indent: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    for (const item of value) {
      const one = scalar(item);
      if (one !== undefined) {
        out.push(`${pad}- ${one}`);
        continue;
      }
      // the item's first line goes after the dash, the rest under it
      const inner: string[] = [];
      lines(item, indent + 2, inner);
      out.push(`${pad}- ${inner[0].slice(indent + 2)}`, ...inner.slice(1));
    }
    return;
  }
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    const one = scalar(v);
    if (one !== undefined) {
      out.push(`${pad}${yamlString(key)}: ${one}`);
    } else {
      out.push(`${pad}${yamlString(key)}:`);
      lines(v, indent + 2, out);
    }
  }
}

/** One JSON value as a YAML document's text (no `---`), ending with a newline. */
export function writeYamlValue(value: unknown): string {
  const one = scalar(value);
  if (one !== undefined) return `${one}\n`;
  const out: string[] = [];
  lines(value, 0, out);
  return out.join('\n') + '\n';
}

/**
 * A stream of documents, each starting with `---` (the comments first). Comment text is shown
 * on one line per entry (`visibleText`: line breaks and other invisible characters as escapes).
 */
export function writeYamlStream(documents: readonly YamlOutputDocument[]): string {
  return documents.map((d) => {
    const comments = (d.comments ?? []).map((c) => `# ${visibleText(c)}\n`).join('');
    return `---\n${comments}${writeYamlValue(d.value)}`;
  }).join('');
}
