/** `1 workload`, `3 workloads`; `word` is used as is for one, `many` (default `word` + s) otherwise. */
export function plural(count: number, word: string, many: string = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
