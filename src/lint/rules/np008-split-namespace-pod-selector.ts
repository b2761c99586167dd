import { Severity } from '../finding';
import { LintRule, Violation } from '../rule';

/** NP008: namespaceSelector and podSelector as two peers (OR) where one peer (AND) was meant. */
export const NP008: LintRule = {
  id: 'NP008',
  name: 'split-namespace-pod-selector',
  severity: Severity.WARNING,
  cause: 'namespaceSelector and podSelector in separate peers of one rule, where one peer with both (AND) was probably meant.',
  explanation: 'Entries of from/to are OR-ed. `- namespaceSelector: {...}` followed by `- podSelector: {...}` admits EVERY ' +
    'pod of the selected namespaces plus the selected pods of the policy\'s own namespace. Written as one entry (no dash ' +
    'before podSelector) it admits only the selected pods inside the selected namespaces: the most common NetworkPolicy mistake.',
  fix: 'Merge the two entries into one peer that has both namespaceSelector and podSelector (remove the dash before podSelector).',
  check: (ctx) => {
    const out: Violation[] = [];
    for (const policy of ctx.policies) {
      for (const rule of [...policy.ingress, ...policy.egress]) {
        const peers = rule.peers ?? [];
        const nsOnly = peers.findIndex((p) => p.kind === 'selector' && !!p.namespaceSelector && !p.podSelector);
        const podOnly = peers.findIndex((p) => p.kind === 'selector' && !p.namespaceSelector && !!p.podSelector);
        if (nsOnly === -1 || podOnly === -1) continue;
        const field = rule.direction === 'Ingress' ? 'ingress' : 'egress';
        const peerField = rule.direction === 'Ingress' ? 'from' : 'to';
        out.push({
          object: ctx.objectOfPolicy(policy),
          location: `spec.${field}[${rule.index}].${peerField}`,
          message: `NetworkPolicy ${policy.id}: ${peerField}[${nsOnly}] (${ctx.describePeer(peers[nsOnly])}) and ${peerField}[${podOnly}] ` +
            `(${ctx.describePeer(peers[podOnly])}) are separate peers (OR): every pod of those namespaces is admitted, not only the selected pods.`,
          fix: `Merge ${peerField}[${nsOnly}] and ${peerField}[${podOnly}] into one peer with both namespaceSelector and podSelector, if AND was meant.`,
        });
      }
    }
    return out;
  },
};
