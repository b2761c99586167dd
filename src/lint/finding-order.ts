import { Finding } from './finding';
import { compare } from '../text';

const ORDER: Record<string, number> = { error: 0, warning: 1, info: 2 };

/**
 * Sorts findings: severity, then rule id, then namespace/name. Stable output for diffs: strings
 * in code-point order, the same on every machine (not the locale's).
 */
export function sortFindings<T extends Finding>(findings: readonly T[]): T[] {
  return [...findings].sort((a, b) =>
    (ORDER[a.severity] - ORDER[b.severity]) ||
    compare(a.ruleId, b.ruleId) ||
    compare(a.namespace, b.namespace) ||
    compare(a.kind, b.kind) ||
    compare(a.name, b.name) ||
    compare(a.location ?? '', b.location ?? '') ||
    compare(a.message, b.message));
}

/** `Deployment shop/frontend`; `ClusterNetworkPolicy guard` for a cluster-scoped object (no namespace). */
export function objectRef(f: { kind: string; namespace: string; name: string }): string {
  return f.namespace ? `${f.kind} ${f.namespace}/${f.name}` : `${f.kind} ${f.name}`;
}
