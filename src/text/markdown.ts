/**
 * Fits Markdown the project writes itself (the rule docs of RULES.md) into one cell of a
 * Markdown table: backslashes and pipes escaped, `<` as an entity (no HTML tag can open), line
 * breaks as spaces (a cell is one line). Its code spans and emphasis stay Markdown.
 *
 * Text that comes from the input (names, labels, messages, reasons, paths) goes through
 * `markdownText` (escape.ts) instead, which also escapes emphasis, code, links and entities.
 */
export function markdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n|\r/g, ' ');
}
