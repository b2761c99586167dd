import type { ClusterPolicy, ClusterRule, ConnSet, PodEndpoint } from '../../engine';
import { LintContext } from '../context';
import { Severity } from '../finding';
import { LintRule, Violation } from '../rule';

interface Cut { readonly from: PodEndpoint; readonly to: PodEndpoint; readonly conns: ConnSet }

/** Up to `max` connections between pods that the rule denies (first match, as the tiers are walked). */
function podTrafficCut(ctx: LintContext, policy: ClusterPolicy, rule: ClusterRule, max: number): Cut[] {
  const out: Cut[] = [];
  // the cluster tiers answer alike for the endpoints of one group: one pair per pair of groups
  const others = ctx.distinct(ctx.pods.filter((p) => !p.hostNetwork), rule.direction, 'peer');
  for (const subject of ctx.distinct(ctx.clusterSubjectPods(policy), rule.direction, 'side')) {
    for (const other of others) {
      if (other.id === subject.id) continue;
      // a rule that names the pod by a `namespaces` or `pods` peer too denies it on purpose
      if (rule.peers.some((p) => p.kind === 'pods' && ctx.clusterPeerMatches(p, other))) continue;
      const [from, to] = rule.direction === 'Egress' ? [subject, other] : [other, subject];
      const denied = ctx.clusterVerdicts(from, to, rule.direction).find((v) => v.rule === rule && v.outcome === 'denied');
      if (!denied) continue;
      out.push({ from, to, conns: denied.conns });
      if (out.length >= max) return out;
    }
  }
  return out;
}

/** NP018: a Deny of `networks` (0.0.0.0/0, ...) that also denies pod-to-pod traffic, since networks match pod IPs. */
export const NP018: LintRule = {
  id: 'NP018',
  name: 'deny-network-cuts-pods',
  severity: Severity.WARNING,
  cause: 'Cluster policy Deny of `networks` (0.0.0.0/0, ::/0, or a range holding pod IPs) that also denies traffic between pods.',
  explanation: 'Unlike a NetworkPolicy ipBlock, a cluster policy\'s `networks` peer matches pod IPs too: a Deny of 0.0.0.0/0 ' +
    'meant for "the internet" also drops every connection to and from pods that no earlier rule decided. Checked with the ' +
    'pod IPs the input gives (status.podIP); for pods without one, a whole-family CIDR (0.0.0.0/0, ::/0) is taken to match ' +
    'them, narrower CIDRs are not judged. Pods the same rule also names by a `namespaces` or `pods` peer are denied on ' +
    'purpose and not reported.',
  fix: 'Decide pod traffic before the Deny (a Pass to namespaces: {} leaves it to NetworkPolicy, or an Accept of what is meant), or deny only ranges outside the pod network.',
  check: (ctx) => {
    const out: Violation[] = [];
    for (const policy of ctx.clusterPolicies) {
      for (const rule of [...policy.ingress, ...policy.egress]) {
        if (rule.action !== 'Deny') continue;
        const j = rule.peers.findIndex((p) => p.kind === 'networks');
        if (j < 0) continue;
        const cuts = podTrafficCut(ctx, policy, rule, 3);
        if (cuts.length === 0) continue;
        const field = rule.direction.toLowerCase();
        const peerField = rule.direction === 'Ingress' ? 'from' : 'to';
        out.push({
          object: ctx.objectOfClusterPolicy(policy),
          location: `spec.${field}[${rule.index}].${peerField}[${j}]`,
          message: `${ctx.describeClusterRule(policy, rule)} denies ${ctx.describeClusterPeer(rule.peers[j])}, which match pod IPs too: ` +
            `it also denies traffic between pods, e.g. ${cuts.map((c) => `${c.from.id} => ${c.to.id} (${c.conns})`).join(', ')}.`,
          fix: `Put a rule before spec.${field}[${rule.index}] of ${policy.id} for the pod traffic (Pass ${peerField} namespaces: {} to leave it to NetworkPolicy), ` +
            'or deny only ranges outside the pod network.',
        });
      }
    }
    return out;
  },
};
