import { ConnectionChange } from './connection-diff';
import { jsonText } from '../text';

/**
 * The changes as JSON (`jsonText`: no raw invisible character from the input on a terminal):
 * every change, one object per pair, in listing order:
 * `{ change, from, to, before, after, opened, closed }`, plus `fromEndpoint` / `toEndpoint`
 * (`new` or `removed`) when an end is a workload only one side has. `change` (`added`,
 * `removed`, `changed`), `before` and `after` are as in earlier versions; `opened` and `closed`
 * (`No Connections` when nothing) are what a gate reads.
 */
export function renderDiffJson(changes: readonly ConnectionChange[]): string {
  return jsonText(changes.map((c) => ({
    change: c.kind,
    from: c.from,
    to: c.to,
    before: c.before.toString(),
    after: c.after.toString(),
    opened: c.opened.toString(),
    closed: c.closed.toString(),
    ...(c.fromEndpoint ? { fromEndpoint: c.fromEndpoint } : {}),
    ...(c.toEndpoint ? { toEndpoint: c.toEndpoint } : {}),
  })), 2) + '\n';
}
