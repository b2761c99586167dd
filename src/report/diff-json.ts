import { ConnectionChange } from './connection-diff';
import { jsonText } from '../text';

/** The changes as JSON (`jsonText`: no raw invisible character from the input on a terminal). */
export function renderDiffJson(changes: readonly ConnectionChange[]): string {
  return jsonText(changes.map((c) => ({
    change: c.kind, from: c.from, to: c.to, before: c.before.toString(), after: c.after.toString(),
  })), 2) + '\n';
}
