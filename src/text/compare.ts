/**
 * Plain code-point order, independent of the locale (`localeCompare` is not): every listing the
 * library writes sorts with this, so output is byte-identical on every machine.
 */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
