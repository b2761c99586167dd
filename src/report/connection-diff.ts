/**
 * What changed between two connectivity listings: connections added, removed, and changed
 * (same endpoints, different ports). Both sides come from the engine's listing; this module
 * only compares them; the renderers are `diff-text.ts`, `diff-markdown.ts` and `diff-json.ts`.
 */
import { ConnSet } from '../engine/conn-set';
import { compare } from '../text';

/** One line of a connectivity listing: `from => to : conns`. */
export interface ListedConnection {
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

/** Compares two listings. Output is sorted by source, then destination. */
export function diffConnections(before: readonly ListedConnection[], after: readonly ListedConnection[]): ConnectionChange[] {
  const key = (c: ListedConnection) => `${c.from}\u0000${c.to}`;
  const old = new Map<string, ListedConnection>();
  for (const c of before) if (!c.conns.isEmpty) old.set(key(c), c);
  const now = new Map<string, ListedConnection>();
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
  return changes.sort((a, b) => compare(a.from, b.from) || compare(a.to, b.to));
}

/**
 * Policies of kinds the engine does not model, as a diff sees them: how many either side has,
 * and which were added, removed or changed (`CiliumNetworkPolicy shop/x (added)`). The diff's
 * connectivity changes hold only for the policies it models when `present` is not 0.
 */
export interface UnanalyzedChanges {
  readonly present: number;
  readonly changed: readonly string[];
}
