/**
 * Quotes a value for a message: strings in double quotes (JSON escapes, so a newline or a quote
 * in the value cannot break the message apart), numbers and booleans bare, objects and lists as
 * JSON, `undefined` as the word.
 */
export function quote(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
