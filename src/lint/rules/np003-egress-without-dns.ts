import type { PodEndpoint, Policy } from '../../engine';
import { compare, plural } from '../../text';
import { Severity } from '../finding';
import { LintRule, Violation } from '../rule';
import { shownList } from '../shown-list';
import { suppressionsOf } from '../suppressions';

/**
 * NP003: egress default-deny that forgot DNS breaks every name lookup. One finding per namespace,
 * on the policy that isolates most of its workloads, listing them; a workload that suppresses
 * NP003 itself gets a finding of its own (reported as suppressed) and is left out of the list.
 */
export const NP003: LintRule = {
  id: 'NP003',
  name: 'egress-without-dns',
  severity: Severity.WARNING,
  cause: 'Workloads isolated for egress by NetworkPolicies that cannot reach cluster DNS on UDP 53 (one finding per namespace).',
  explanation: 'Once a pod is isolated for egress, DNS is denied like everything else unless a rule allows it: every name ' +
    'lookup then times out. Cluster DNS is kube-dns/CoreDNS, pods labelled k8s-app=kube-dns in namespace kube-system ' +
    '(OpenShift: namespace openshift-dns, port 5353), standing in when the input has none. A rule toward NodeLocal DNSCache ' +
    '(169.254.20.10) or GKE Cloud DNS (169.254.169.254) on UDP 53 counts too, and so does an Admin tier Accept of DNS. ' +
    'Cut at a cluster tier instead: NP017.',
  fix: 'Allow egress on UDP and TCP 53 to pods k8s-app=kube-dns in namespace kube-system (DnsProvider does this).',
  check: (ctx) => {
    const cut = ctx.pods.filter((pod) => {
      if (pod.hostNetwork || ctx.isDnsServer(pod) || !ctx.isIsolated(pod, 'Egress')) return false;
      const reach = ctx.dnsReach(pod);
      return !reach.reaches && (!reach.cut || reach.cut.tier === 'NetworkPolicy');
    });
    const out: Violation[] = [];
    const byNamespace = new Map<string, PodEndpoint[]>();
    for (const pod of cut) {
      const own = ctx.objectOfPod(pod);
      if (suppressionsOf(own).byRule.has('NP003')) {
        out.push({
          object: own,
          message: `${pod.workloadKind} ${pod.id} is isolated for egress (by ${ctx.isolatingPolicies(pod, 'Egress').map((p) => p.id).join(', ')}) ` +
            'but no rule lets it reach cluster DNS on UDP 53: name lookups will time out.',
        });
        continue;
      }
      byNamespace.set(pod.namespace, [...(byNamespace.get(pod.namespace) ?? []), pod]);
    }
    for (const [namespace, pods] of [...byNamespace].sort(([a], [b]) => compare(a, b))) {
      // the policy isolating most of them carries the finding (the fix belongs there)
      const count = new Map<Policy, number>();
      for (const pod of pods) for (const p of ctx.isolatingPolicies(pod, 'Egress')) count.set(p, (count.get(p) ?? 0) + 1);
      const policies = [...count].sort(([a, x], [b, y]) => y - x || compare(a.name, b.name)).map(([p]) => p);
      const workloads = pods.map((p) => `${p.workloadKind} ${p.name}`).sort(compare);
      out.push({
        object: ctx.objectOfPolicy(policies[0]),
        related: policies.slice(1).map((p) => ctx.objectOfPolicy(p)),
        message: `Namespace ${namespace}: ${plural(pods.length, 'workload')} isolated for egress (by ${shownList(policies.map((p) => p.id))}) ` +
          `cannot reach cluster DNS on UDP 53: ${shownList(workloads, 10)}; their name lookups will time out.`,
        fix: `Allow egress on UDP and TCP 53 to pods k8s-app=kube-dns in namespace kube-system in ${policies[0].id} (DnsProvider does this).`,
      });
    }
    return out;
  },
};
