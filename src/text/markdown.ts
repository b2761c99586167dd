/**
 * Escapes text for one cell of a Markdown table: backslashes and pipes escaped, `<` as an entity
 * (no HTML tag can open), line breaks as spaces (a cell is one line).
 */
export function markdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n|\r/g, ' ');
}
