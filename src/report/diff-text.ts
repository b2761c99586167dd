/** The connectivity changes as plain text, one line per change (the `diff` command's default). */
import { ChangeKind, ConnectionChange } from './connection-diff';
import { terminalText } from '../text';

const SIGN: Record<ChangeKind, string> = { added: '+', removed: '-', changed: '~' };

/**
 * One line per change:
 * `+ shop/frontend => shop/db : TCP 5432 (added)`,
 * `- shop/frontend => shop/db : TCP 5432 (removed)`,
 * `~ shop/frontend => shop/db : TCP 5432 -> TCP 5432-5433 (changed)`.
 * Endpoints and ports are `terminalText`: the change is one line, whatever they hold, with no
 * control or bidirectional character (so it is also literal text for a code block).
 */
export function formatChange(c: ConnectionChange): string {
  const t = terminalText;
  const conns = c.kind === 'added' ? t(c.after.toString())
    : c.kind === 'removed' ? t(c.before.toString())
      : `${t(c.before.toString())} -> ${t(c.after.toString())}`;
  return `${SIGN[c.kind]} ${t(c.from)} => ${t(c.to)} : ${conns} (${c.kind})`;
}

/** `1 added, 0 removed, 2 changed`: the summary line of the text and Markdown renderers. */
export function changeSummary(changes: readonly ConnectionChange[]): string {
  const count = (k: ChangeKind) => changes.filter((c) => c.kind === k).length;
  return `${count('added')} added, ${count('removed')} removed, ${count('changed')} changed`;
}

/** The changes as text, one per line, with a summary line; `No changes.` when nothing changed. */
export function renderDiffText(changes: readonly ConnectionChange[]): string {
  if (changes.length === 0) return 'No changes in connectivity.\n';
  return changes.map(formatChange).join('\n') + `\n\n${changeSummary(changes)}\n`;
}
