/**
 * What changed between two connectivity listings: connections added, removed, and changed
 * (same endpoints, different ports). Both sides come from the engine's listing; this module
 * only compares them.
 */
import { ConnSet } from '../engine/conn-set';

/** One line of a connectivity listing: `from => to : conns`. */
export interface Connection {
  /** `namespace/workload` or an address range */
  readonly from: string;
  readonly to: string;
  readonly conns: ConnSet;
}

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface ConnectionChange {
  readonly kind: ChangeKind;
  readonly from: string;
  readonly to: string;
  /** what was allowed before (`No Connections` when added) */
  readonly before: ConnSet;
  /** what is allowed now (`No Connections` when removed) */
  readonly after: ConnSet;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Compares two listings. Output is sorted by source, then destination. */
export function diffConnections(before: readonly Connection[], after: readonly Connection[]): ConnectionChange[] {
  const key = (c: Connection) => `${c.from}\u0000${c.to}`;
  const old = new Map<string, Connection>();
  for (const c of before) if (!c.conns.isEmpty) old.set(key(c), c);
  const now = new Map<string, Connection>();
  for (const c of after) if (!c.conns.isEmpty) now.set(key(c), c);
  const changes: ConnectionChange[] = [];
  for (const [k, c] of now) {
    const o = old.get(k);
    if (!o) changes.push({ kind: 'added', from: c.from, to: c.to, before: ConnSet.NONE, after: c.conns });
    else if (!o.conns.equals(c.conns)) changes.push({ kind: 'changed', from: c.from, to: c.to, before: o.conns, after: c.conns });
  }
  for (const [k, o] of old) {
    if (!now.has(k)) changes.push({ kind: 'removed', from: o.from, to: o.to, before: o.conns, after: ConnSet.NONE });
  }
  return changes.sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to));
}

const SIGN: Record<ChangeKind, string> = { added: '+', removed: '-', changed: '~' };

/**
 * One line per change:
 * `+ shop/frontend => shop/db : TCP 5432 (added)`,
 * `- shop/frontend => shop/db : TCP 5432 (removed)`,
 * `~ shop/frontend => shop/db : TCP 5432 -> TCP 5432-5433 (changed)`.
 */
export function formatChange(c: ConnectionChange): string {
  const conns = c.kind === 'added' ? c.after.toString()
    : c.kind === 'removed' ? c.before.toString()
      : `${c.before.toString()} -> ${c.after.toString()}`;
  return `${SIGN[c.kind]} ${c.from} => ${c.to} : ${conns} (${c.kind})`;
}

/** The changes as text, one per line, with a summary line; `No changes.` when nothing changed. */
export function renderDiffText(changes: readonly ConnectionChange[]): string {
  if (changes.length === 0) return 'No changes in connectivity.\n';
  const count = (k: ChangeKind) => changes.filter((c) => c.kind === k).length;
  return changes.map(formatChange).join('\n') +
    `\n\n${count('added')} added, ${count('removed')} removed, ${count('changed')} changed\n`;
}

/** The changes for a pull-request comment: a fenced `diff` block (GitHub colours + and -). */
export function renderDiffMarkdown(changes: readonly ConnectionChange[], title = 'Connectivity changes'): string {
  if (changes.length === 0) return `### ${title}\n\nNo changes in connectivity.\n`;
  const lines = changes.map((c) => (c.kind === 'changed' ? `! ${formatChange(c).slice(2)}` : formatChange(c)));
  const count = (k: ChangeKind) => changes.filter((c) => c.kind === k).length;
  return `### ${title}\n\n${count('added')} added, ${count('removed')} removed, ${count('changed')} changed\n\n\`\`\`diff\n${lines.join('\n')}\n\`\`\`\n`;
}

/** The changes as JSON. */
export function renderDiffJson(changes: readonly ConnectionChange[]): string {
  return JSON.stringify(changes.map((c) => ({
    change: c.kind, from: c.from, to: c.to, before: c.before.toString(), after: c.after.toString(),
  })), undefined, 2) + '\n';
}
