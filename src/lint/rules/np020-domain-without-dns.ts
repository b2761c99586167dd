import type { ClusterPolicy, ClusterRule, PodEndpoint } from '../../engine';
import { Severity } from '../finding';
import { LintRule, Violation } from '../rule';
import { shownList } from '../shown-list';

/** NP020: an Accept of `domainNames` for pods that cannot resolve a name. */
export const NP020: LintRule = {
  id: 'NP020',
  name: 'domain-without-dns',
  severity: Severity.WARNING,
  cause: 'Cluster policy Accept of `domainNames` for workloads whose egress does not reach cluster DNS on UDP 53.',
  explanation: 'A `domainNames` peer matches the addresses the pod resolved the name to: a pod that cannot reach cluster DNS ' +
    'never resolves the name, and the Accept never applies. DNS counts as reached when the pod\'s egress, every tier ' +
    'included, lets UDP 53 through to kube-dns (pods k8s-app=kube-dns in kube-system, standing in when the input has none), ' +
    'OpenShift\'s DNS pods, NodeLocal DNSCache or GKE Cloud DNS.',
  fix: 'Accept UDP and TCP 53 to pods k8s-app=kube-dns in namespace kube-system for the same pods, before any Deny (AllowEgressToDomains writes it).',
  check: (ctx) => {
    const groups = new Map<ClusterRule, { policy: ClusterPolicy; names: string[] }>();
    for (const { name, policy, rule } of ctx.domainNames()) {
      const g = groups.get(rule) ?? { policy, names: [] };
      g.names.push(name);
      groups.set(rule, g);
    }
    const out: Violation[] = [];
    for (const [rule, { policy, names }] of groups) {
      if (rule.action !== 'Accept') continue;
      const cut: PodEndpoint[] = ctx.clusterSubjectPods(policy).filter((pod) => !ctx.dnsReach(pod).reaches);
      if (cut.length === 0) continue;
      const j = rule.peers.findIndex((p) => p.kind === 'domainNames');
      out.push({
        object: ctx.objectOfClusterPolicy(policy),
        location: `spec.egress[${rule.index}].to[${j}]`,
        message: `${ctx.describeClusterRule(policy, rule)} accepts domainNames ${shownList(names)}, but ${shownList(cut.map((p) => p.id))} ` +
          'cannot reach cluster DNS on UDP 53: they cannot resolve the names, so the Accept never applies.',
        fix: `Accept UDP and TCP 53 to pods k8s-app=kube-dns in namespace kube-system before any Deny for the subject of ${policy.id} (or in their namespaces' NetworkPolicies).`,
      });
    }
    return out;
  },
};
