import { Finding } from './finding';

const ORDER: Record<string, number> = { error: 0, warning: 1, info: 2 };

/** Sorts findings: severity, then rule id, then namespace/name. Stable output for diffs. */
export function sortFindings<T extends Finding>(findings: readonly T[]): T[] {
  return [...findings].sort((a, b) =>
    (ORDER[a.severity] - ORDER[b.severity]) ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.namespace.localeCompare(b.namespace) ||
    a.kind.localeCompare(b.kind) ||
    a.name.localeCompare(b.name) ||
    (a.location ?? '').localeCompare(b.location ?? '') ||
    a.message.localeCompare(b.message));
}

/** `Deployment shop/frontend` */
export function objectRef(f: { kind: string; namespace: string; name: string }): string {
  return `${f.kind} ${f.namespace}/${f.name}`;
}
