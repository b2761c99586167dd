import type { ClusterPolicy, ClusterRule, PodEndpoint } from '../../engine';
import { compare, plural } from '../../text';
import { Severity } from '../finding';
import { LintRule, Violation } from '../rule';
import { shownList } from '../shown-list';

/**
 * NP017: a cluster tier Deny that cuts pods off cluster DNS (the cluster form of NP003): the
 * Baseline deny of a cluster-wide default deny, or an Admin deny, without an Accept of DNS before it.
 */
export const NP017: LintRule = {
  id: 'NP017',
  name: 'cluster-deny-without-dns',
  severity: Severity.WARNING,
  cause: 'Cluster policy egress Deny (Baseline or Admin tier) that cuts workloads off cluster DNS on UDP 53.',
  explanation: 'A Baseline tier Deny applies to every pod no NetworkPolicy isolates for egress, an Admin tier Deny to every ' +
    'pod of its subject: when it matches cluster DNS (kube-dns/CoreDNS, pods k8s-app=kube-dns in kube-system, standing in ' +
    'when the input has none; OpenShift\'s dns-default; NodeLocal DNSCache and GKE Cloud DNS by address) and no earlier rule ' +
    'accepts DNS, every name lookup of those pods times out. A `networks` peer with 0.0.0.0/0 or ::/0 matches the DNS pods ' +
    'too. An Admin Deny cannot be re-opened by any NetworkPolicy. Pods isolated by NetworkPolicies that forget DNS are NP003.',
  fix: 'Add a rule before the Deny that accepts UDP and TCP 53 to pods k8s-app=kube-dns in namespace kube-system (ClusterDefaultDeny writes it).',
  check: (ctx) => {
    if (!ctx.clusterPolicies.some((p) => p.egress.some((r) => r.action === 'Deny'))) return [];
    const byRule = new Map<ClusterRule, { policy: ClusterPolicy; pods: PodEndpoint[] }>();
    for (const pod of ctx.pods) {
      if (pod.hostNetwork || ctx.selectingClusterPolicies(pod, 'Egress').length === 0) continue;
      const { reaches, cut } = ctx.dnsReach(pod);
      if (reaches || !cut?.rule || !cut.policy) continue;
      const entry = byRule.get(cut.rule) ?? { policy: cut.policy, pods: [] };
      entry.pods.push(pod);
      byRule.set(cut.rule, entry);
    }
    const out: Violation[] = [];
    for (const [rule, { policy, pods }] of byRule) {
      const namespaces = [...new Set(pods.map((p) => p.namespace))].sort(compare);
      const ids = pods.map((p) => p.id).sort(compare);
      out.push({
        object: ctx.objectOfClusterPolicy(policy),
        location: `spec.egress[${rule.index}]`,
        message: `${ctx.describeClusterRule(policy, rule)} denies cluster DNS (UDP 53) to ${plural(pods.length, 'workload')} ` +
          `in namespace${namespaces.length === 1 ? '' : 's'} ${shownList(namespaces)} (${shownList(ids)}): their name lookups time out` +
          (policy.tier === 'Admin' ? ', and no NetworkPolicy can re-open it.' : '.'),
        fix: `Add a rule before spec.egress[${rule.index}] of ${policy.id} that accepts UDP and TCP 53 to pods k8s-app=kube-dns in namespace kube-system.`,
      });
    }
    return out;
  },
};
