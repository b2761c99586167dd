import type { ClusterPolicy } from '../../engine';
import { Severity } from '../finding';
import { LintRule, Violation } from '../rule';

/** What ClusterNetworkPolicy v1alpha2's CRD allows (v1alpha1 allows 100 of each). */
const V1ALPHA2_MAX = 25;

function count(list: unknown): number {
  return Array.isArray(list) ? list.length : 0;
}

/** The places of a v1alpha1 policy that hold more than v1alpha2 allows: `spec.egress` (30 rules), ... */
function beyond(policy: ClusterPolicy): string[] {
  const spec = policy.raw?.spec ?? {};
  const out: string[] = [];
  for (const field of ['ingress', 'egress'] as const) {
    const rules: unknown[] = Array.isArray(spec[field]) ? spec[field] : [];
    if (rules.length > V1ALPHA2_MAX) out.push(`spec.${field} (${rules.length} rules)`);
    rules.forEach((r: any, i) => {
      const peers = count(field === 'ingress' ? r?.from : r?.to);
      if (peers > V1ALPHA2_MAX) out.push(`spec.${field}[${i}].${field === 'ingress' ? 'from' : 'to'} (${peers} peers)`);
      const ports = count(r?.ports);
      if (ports > V1ALPHA2_MAX) out.push(`spec.${field}[${i}].ports (${ports} ports)`);
    });
  }
  return out;
}

/**
 * NP021: an AdminNetworkPolicy or BaselineAdminNetworkPolicy (v1alpha1) holding more rules,
 * peers or ports than ClusterNetworkPolicy v1alpha2 allows. A v1alpha2 policy with more is not a
 * lint finding: the API server rejects it (the validator reports it).
 */
export const NP021: LintRule = {
  id: 'NP021',
  name: 'beyond-v1alpha2-limits',
  severity: Severity.INFO,
  cause: 'v1alpha1 AdminNetworkPolicy or BaselineAdminNetworkPolicy with more than 25 rules per direction, peers per rule or ports per rule.',
  explanation: 'v1alpha1 allows 100 of each; ClusterNetworkPolicy v1alpha2, which replaces it (Calico 3.32 removed v1alpha1), ' +
    'allows 25 rules per direction, 25 peers and 25 protocols per rule. Such a policy cannot be converted one to one: ' +
    'split it into policies of consecutive priorities, or merge rules. (A v1alpha2 policy beyond the limits is refused by ' +
    'the API server: that is a validation error, not this rule.)',
  fix: 'Split the policy into several of consecutive priorities, or merge rules with the same action and peers.',
  check: (ctx) => {
    const out: Violation[] = [];
    for (const policy of ctx.clusterPolicies) {
      if (policy.kind === 'ClusterNetworkPolicy') continue;
      const places = beyond(policy);
      if (places.length === 0) continue;
      out.push({
        object: ctx.objectOfClusterPolicy(policy),
        location: places[0].split(' ')[0],
        message: `${policy.id} holds more than ClusterNetworkPolicy v1alpha2 allows (${V1ALPHA2_MAX} per list): ${places.join(', ')}; it cannot be migrated one to one.`,
      });
    }
    return out;
  },
};
