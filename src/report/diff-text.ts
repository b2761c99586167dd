/** The connectivity changes as plain text, one line per opening and per closing (the `diff` command's default). */
import { changedEndpoints, closedChanges, ConnectionChange, openedChanges, UnanalyzedChanges } from './connection-diff';
import { plural, terminalText } from '../text';

/**
 * The line of what a change opens, or undefined when it opens nothing:
 * `+ shop/frontend => shop/db : TCP 5432 (added)` for a new pair (everything it allows is new),
 * `+ shop/web => shop/api : TCP 1-8079,8081-65535 (opened: TCP 8080 -> TCP)` for a widened one
 * (the added ports first, then what the pair allowed before and allows now).
 * Endpoints and ports are `terminalText`: the line is one line, whatever they hold, with no
 * control or bidirectional character (so it is also literal text for a code block).
 */
export function formatOpened(c: ConnectionChange): string | undefined {
  if (c.opened.isEmpty) return undefined;
  const t = terminalText;
  const why = c.kind === 'added' ? 'added' : `opened: ${t(c.before.toString())} -> ${t(c.after.toString())}`;
  return `+ ${t(c.from)} => ${t(c.to)} : ${t(c.opened.toString())} (${why})`;
}

/**
 * The line of what a change closes, or undefined when it closes nothing:
 * `- shop/frontend => shop/cache : TCP 6379 (removed)` for a pair that allows nothing now,
 * `- shop/web => shop/api : TCP 8080 (closed: TCP 8080 -> UDP 53)` for a narrowed one.
 */
export function formatClosed(c: ConnectionChange): string | undefined {
  if (c.closed.isEmpty) return undefined;
  const t = terminalText;
  const why = c.kind === 'removed' ? 'removed' : `closed: ${t(c.before.toString())} -> ${t(c.after.toString())}`;
  return `- ${t(c.from)} => ${t(c.to)} : ${t(c.closed.toString())} (${why})`;
}

/** The lines of one change: what it opens, then what it closes (a pair can do both). */
export function changeLines(c: ConnectionChange): string[] {
  return [formatOpened(c), formatClosed(c)].filter((l): l is string => l !== undefined);
}

/** Counts of a diff: pairs that open (added or widened) and close (removed or narrowed). */
export interface DiffCounts {
  readonly opened: number;
  readonly added: number;
  readonly widened: number;
  readonly closed: number;
  readonly removed: number;
  readonly narrowed: number;
}

export function diffCounts(changes: readonly ConnectionChange[]): DiffCounts {
  const opened = openedChanges(changes);
  const closed = closedChanges(changes);
  const added = opened.filter((c) => c.kind === 'added').length;
  const removed = closed.filter((c) => c.kind === 'removed').length;
  return { opened: opened.length, added, widened: opened.length - added, closed: closed.length, removed, narrowed: closed.length - removed };
}

/**
 * `Opens 2 pairs (1 added, 1 widened); closes 1 pair (1 removed, 0 narrowed).`: the summary line
 * of the text and Markdown renderers, what opens first.
 */
export function changeSummary(changes: readonly ConnectionChange[]): string {
  const n = diffCounts(changes);
  const opens = n.opened === 0 ? 'Opens nothing' : `Opens ${plural(n.opened, 'pair')} (${n.added} added, ${n.widened} widened)`;
  const closes = n.closed === 0 ? 'closes nothing' : `closes ${plural(n.closed, 'pair')} (${n.removed} removed, ${n.narrowed} narrowed)`;
  return `${opens}; ${closes}.`;
}

/** `New workloads (...)`: what the sentence about workloads on one side only starts with. */
export const NEW_WORKLOADS = 'New workloads (every connection they have counts as opened)';
export const REMOVED_WORKLOADS = 'Removed workloads (every connection they had counts as closed)';

/**
 * The changes as text: the openings (`+`), then the closings (`-`), one per line, a summary line,
 * the workloads only one side has; `No changes in connectivity.` when nothing changed.
 */
export function renderDiffText(changes: readonly ConnectionChange[], unanalyzed?: UnanalyzedChanges): string {
  const notes = unanalyzedNotes(unanalyzed).map((l) => `${l}\n`).join('');
  if (changes.length === 0) return `${noChanges(unanalyzed)}\n${notes ? `\n${notes}` : ''}`;
  const lines = [
    ...openedChanges(changes).map((c) => formatOpened(c)!),
    ...closedChanges(changes).map((c) => formatClosed(c)!),
  ];
  const workloads = [
    ...endpointLine(NEW_WORKLOADS, changedEndpoints(changes, 'new')),
    ...endpointLine(REMOVED_WORKLOADS, changedEndpoints(changes, 'removed')),
  ];
  return `${lines.join('\n')}\n\n${changeSummary(changes)}\n${workloads.map((l) => `${l}\n`).join('')}${notes ? `\n${notes}` : ''}`;
}

function endpointLine(lead: string, names: readonly string[]): string[] {
  return names.length === 0 ? [] : [`${lead}: ${names.map(terminalText).join(', ')}`];
}

/** `No changes in connectivity.`, saying of which policies when some were not analyzed. */
export function noChanges(unanalyzed?: UnanalyzedChanges): string {
  return unanalyzed && unanalyzed.present > 0
    ? 'No changes in connectivity under the policies it models.'
    : 'No changes in connectivity.';
}

/**
 * The lines that say the diff holds only for the policies it models (Kubernetes NetworkPolicies and the cluster tiers), and which policies of
 * other kinds the change adds, removes or changes (each `terminalText`, one line). `max` keeps
 * the first that many names and says how many more there are.
 */
export function unanalyzedNotes(unanalyzed?: UnanalyzedChanges, max: number = Infinity): string[] {
  if (!unanalyzed || unanalyzed.present === 0) return [];
  const lines = [`Note: ${unanalyzed.present === 1 ? '1 policy' : `${unanalyzed.present} policies`} of kinds this tool does not analyze ` +
    '(CiliumNetworkPolicy, Calico, Antrea, ...) are left out: the changes above are those of the policies it models only.'];
  if (unanalyzed.changed.length > 0) {
    const shown = unanalyzed.changed.slice(0, max).map(terminalText);
    const more = unanalyzed.changed.length - shown.length;
    lines.push(`Policies not analyzed that this change touches (review them by hand): ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`);
  }
  return lines;
}
