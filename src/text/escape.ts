/**
 * Escaping free text for each output format. Names, label keys and values, messages that quote
 * input, suppression reasons, file paths and option values all come from whoever wrote the
 * input (a pull request): each renderer passes every such text through the function of its
 * format, so that the text cannot change the structure of the output nor hide a line.
 *
 * Every function starts from `visibleText`: characters a reader cannot see (controls, format
 * and bidirectional characters, line separators) are shown as escapes (`\x1b`, `\u202e`, `\n`),
 * so that the text stays on one line, in the order it was written, and nothing in it is hidden.
 * A backslash already in the text is left as it is: a literal `\x1b` reads the same as an
 * escaped ESC, and either way the reader sees something odd. The data model keeps the raw text;
 * only what is written is escaped.
 */

/**
 * Characters shown as escapes: C0 controls (line breaks and tabs too), DEL, C1 controls, format
 * characters (bidirectional embeddings, overrides, isolates and marks, zero-width characters,
 * the soft hyphen, the byte-order mark, tags), the line and paragraph separators, lone
 * surrogates, and the few letters that are drawn as nothing (Hangul fillers, the combining
 * grapheme joiner, Khmer and Mongolian invisible vowels and selectors).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\uffa0]/gu;

/** The same set without C0 controls, which `JSON.stringify` already escapes inside strings. */
const INVISIBLE_IN_JSON = /[\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\uffa0]/gu;

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

function escapeCodePoint(c: string): string {
  switch (c) {
    case '\n': return '\\n';
    case '\r': return '\\r';
    case '\t': return '\\t';
  }
  const cp = c.codePointAt(0)!;
  if (cp <= 0xff) return `\\x${hex(cp, 2)}`;
  if (cp <= 0xffff) return `\\u${hex(cp, 4)}`;
  return `\\u{${cp.toString(16)}}`;
}

/**
 * The text with every character a reader cannot see shown as an escape: `\n`, `\r`, `\t`,
 * `\x1b` (up to U+00FF), `\u202e` (up to U+FFFF), `\u{e0041}` (beyond).
 *
 * Guarantees: the result has no control character (C0, DEL, C1), no bidirectional or other
 * format character, no line or paragraph separator and no lone surrogate, so it is one line and
 * reads in the order it was written. Everything else is kept as it is.
 */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, escapeCodePoint);
}

/**
 * Text for the terminal (the text output of a command, on stdout or stderr): `visibleText`.
 *
 * Guarantees: no ESC (so no ANSI sequence from the input: the colours a command writes itself
 * are added around the escaped text), no other control character, no bidirectional override,
 * isolate or mark, no line break: one field never spans two lines.
 */
export function terminalText(text: string): string {
  return visibleText(text);
}

/**
 * Text for a SARIF `message.text` (or any plain-text field a code-scanning UI shows):
 * `visibleText`. JSON keeps the structure safe by itself; this keeps what GitHub shows honest:
 * no control character, no bidirectional override, one line.
 */
export function sarifText(text: string): string {
  return visibleText(text);
}

/**
 * JSON for output: `JSON.stringify(value, undefined, indent)` with the characters a reader
 * cannot see escaped as `\uXXXX` inside the strings (DEL, C1 controls, format and bidirectional
 * characters, line separators; JSON.stringify already escapes C0 controls and lone surrogates).
 *
 * Guarantees: the same value when parsed, and no raw invisible character when printed on a
 * terminal. A value JSON cannot write at all (`undefined`, a function) is written `null`.
 */
export function jsonText(value: unknown, indent?: number): string {
  const json = JSON.stringify(value, undefined, indent) ?? 'null';
  return json.replace(INVISIBLE_IN_JSON, (c) => [...Array(c.length).keys()].map((i) => `\\u${hex(c.charCodeAt(i), 4)}`).join(''));
}

// ---------------------------------------------------------------------------------------------
// Markdown (CommonMark and GitHub Flavored Markdown)

const MARKDOWN_SPECIAL = /[\\`*_[\]#|~$&<>]/g;
const MARKDOWN_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Text for running Markdown text: a table cell, a list item, a heading, a paragraph.
 *
 * Guarantees, whatever the text:
 * - it is one line (`visibleText`): no line break can end a paragraph, a list item, a table row;
 * - `\`, `` ` ``, `*`, `_`, `[`, `]`, `#`, `|`, `~` and `$` are backslash-escaped, and `&`, `<`
 *   and `>` written as entities: no code span, emphasis, strikethrough, link, image, math,
 *   table cell boundary, closing heading sequence, entity, raw HTML or HTML comment (`<!--`)
 *   comes from the text;
 * - what would open a block where the text starts a block (after a list marker `- `, or at the
 *   start of a line) is escaped too: leading spaces are written `&#32;` (no indented code), a
 *   leading `-`, `+` or `=` and the `.` or `)` of a leading `1. ` are backslash-escaped (no
 *   list, no thematic break, no setext underline); `>`, `#`, `*`, `_`, `~` and `` ` `` always are.
 *
 * The text shows as it is written (its invisible characters as escapes).
 */
export function markdownText(text: string): string {
  return visibleText(text)
    .replace(MARKDOWN_SPECIAL, (c) => MARKDOWN_ENTITY[c] ?? `\\${c}`)
    .replace(/^ +/, (spaces) => '&#32;'.repeat(spaces.length))
    .replace(/^[-+=]|^(\d{1,9})([.)])(?= |$)/, (m, digits?: string, mark?: string) => (digits ? `${digits}\\${mark}` : `\\${m}`));
}

/** Options of `markdownCode`. */
export interface MarkdownCodeOptions {
  /** the code span is inside a GFM table cell: pipes are escaped (GFM splits cells first) */
  readonly inTable?: boolean;
}

/**
 * A Markdown code span showing the text literally: delimited by a run of backticks longer than
 * any run in the text, padded with a space where the text starts or ends with a backtick (or
 * with spaces on both ends, which CommonMark would strip).
 *
 * Guarantees: the text (its invisible characters as escapes, `visibleText`) is the literal
 * content of one code span, on one line; nothing inside it is Markdown or HTML. With
 * `inTable`, pipes are written `\|`, which GFM reads back as `|` before it parses the cell.
 * An empty text gives a code span of one space.
 */
export function markdownCode(text: string, options: MarkdownCodeOptions = {}): string {
  let body = visibleText(text);
  if (options.inTable) body = body.replace(/\|/g, '\\|');
  if (body === '') return '` `';
  const fence = '`'.repeat(longestRun(body, '`') + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || (body.startsWith(' ') && body.endsWith(' ') && body.trim() !== '');
  return pad ? `${fence} ${body} ${fence}` : `${fence}${body}${fence}`;
}

/**
 * The fence of a fenced code block holding `body`: at least three backticks, and more than the
 * longest run of backticks in the body, so no line of the body can close the block.
 */
export function markdownFence(body: string): string {
  return '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

// ---------------------------------------------------------------------------------------------
// Mermaid, Graphviz DOT, HTML

/** Mermaid entity codes (`#quot;`, `#35;`), which Mermaid turns into HTML entities. */
const MERMAID_ENTITY: Record<string, string> = {
  '"': '#quot;',
  '#': '#35;',
  '%': '#37;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '`': '#96;',
  '|': '#124;',
  '[': '#91;',
  ']': '#93;',
  '(': '#40;',
  ')': '#41;',
  '{': '#123;',
  '}': '#125;',
};

/**
 * A quoted Mermaid label (`"..."`, for a node, a subgraph title or an edge label).
 *
 * Guarantees: the label is one line (`visibleText`), and `"`, `#`, `%`, `&`, `<`, `>`, `` ` ``,
 * `|` and brackets are written as Mermaid entity codes (`#quot;`, `#35;`, ...): the text cannot
 * close the quotes, start a `%%` comment or directive, open a Markdown string or HTML, nor add a
 * statement (an edge, a `click`, a link); Mermaid shows it as written.
 */
export function mermaidLabel(text: string): string {
  return `"${visibleText(text).replace(/["#%&<>`|[\](){}]/g, (c) => MERMAID_ENTITY[c])}"`;
}

/**
 * A Graphviz DOT double-quoted string (an ID, a `label`, a `tooltip`).
 *
 * Guarantees: one line (`visibleText`); `\` is doubled (so no `\n`, `\l`, `\N`, `\G` escape of
 * Graphviz comes from the text) and `"` escaped, so the string cannot end early; `&` is written
 * `&amp;` (Graphviz decodes entities in labels). The string is quoted, never an HTML-like label
 * (`<...>`), so `<` and `>` are plain characters.
 */
export function dotString(text: string): string {
  return `"${visibleText(text).replace(/[\\"]/g, (c) => `\\${c}`).replace(/&/g, '&amp;')}"`;
}

const HTML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for HTML or SVG element content (also inside `<title>`).
 *
 * Guarantees: `&`, `<`, `>` and `"` are entities (no tag, comment, entity or `</script>` /
 * `</title>` from the text); the text is one line, its invisible characters shown as escapes
 * (`visibleText`): the page shows it as written, as one text node.
 */
export function htmlText(text: string): string {
  return visibleText(text).replace(/[&<>"]/g, (c) => HTML_ENTITY[c]);
}

/**
 * Text for an HTML or SVG attribute value in double (or single) quotes.
 *
 * Guarantees: as `htmlText`, and `'` is an entity too: the value cannot end the attribute.
 */
export function htmlAttribute(text: string): string {
  return visibleText(text).replace(/[&<>"']/g, (c) => HTML_ENTITY[c]);
}

/**
 * JSON for a `<script type="application/json">` element: `jsonText` (the same value when
 * parsed, invisible characters escaped), with `<`, `>` and `&` written `\u003c`, `\u003e`,
 * `\u0026` (they only occur inside strings), so no `</script` or `<!--` can come from the text.
 */
export function scriptJson(value: unknown): string {
  return jsonText(value).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
