/** `a, b, c (+2 more)`: the first few of a list in a message, and how many were left out. */
export function shownList(items: readonly string[], max = 3): string {
  return `${items.slice(0, max).join(', ')}${items.length > max ? ` (+${items.length - max} more)` : ''}`;
}
