/** The connectivity changes as plain text, one line per change (the `diff` command's default). */
import { ChangeKind, ConnectionChange, UnanalyzedChanges } from './connection-diff';
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
export function renderDiffText(changes: readonly ConnectionChange[], unanalyzed?: UnanalyzedChanges): string {
  const notes = unanalyzedNotes(unanalyzed).map((l) => `${l}\n`).join('');
  if (changes.length === 0) return `${noChanges(unanalyzed)}\n${notes ? `\n${notes}` : ''}`;
  return changes.map(formatChange).join('\n') + `\n\n${changeSummary(changes)}\n${notes ? `\n${notes}` : ''}`;
}

/** `No changes in connectivity.`, saying of which policies when some were not analyzed. */
export function noChanges(unanalyzed?: UnanalyzedChanges): string {
  return unanalyzed && unanalyzed.present > 0
    ? 'No changes in connectivity under the policies it models.'
    : 'No changes in connectivity.';
}

/**
 * The lines that say the diff holds only for the policies it models (Kubernetes NetworkPolicies and the cluster tiers), and which policies of
 * other kinds the change adds, removes or changes (each `terminalText`, one line).
 */
export function unanalyzedNotes(unanalyzed?: UnanalyzedChanges): string[] {
  if (!unanalyzed || unanalyzed.present === 0) return [];
  const lines = [`Note: ${unanalyzed.present === 1 ? '1 policy' : `${unanalyzed.present} policies`} of kinds this tool does not analyze ` +
    '(CiliumNetworkPolicy, Calico, Antrea, ...) are left out: the changes above are those of the policies it models only.'];
  if (unanalyzed.changed.length > 0) {
    lines.push(`Policies not analyzed that this change touches (review them by hand): ${unanalyzed.changed.map(terminalText).join(', ')}`);
  }
  return lines;
}
