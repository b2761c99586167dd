import { ConnectionChange } from './connection-diff';

/** The changes as JSON. */
export function renderDiffJson(changes: readonly ConnectionChange[]): string {
  return JSON.stringify(changes.map((c) => ({
    change: c.kind, from: c.from, to: c.to, before: c.before.toString(), after: c.after.toString(),
  })), undefined, 2) + '\n';
}
