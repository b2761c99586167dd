import type { ClusterPeer, ClusterPolicy, PodEndpoint } from '../../engine';
import { LintContext } from '../context';
import { Severity } from '../finding';
import { LintRule, Violation } from '../rule';

/** true when a set of pods is every (non-hostNetwork) pod of the input, in more than one namespace. */
function everyPod(ctx: LintContext, pods: readonly PodEndpoint[]): boolean {
  const all = ctx.pods.filter((p) => !p.hostNetwork);
  const ids = new Set(pods.map((p) => p.id));
  return new Set(all.map((p) => p.namespace)).size > 1 && all.every((p) => ids.has(p.id));
}

/** The subject selects every namespace: written `{}`, or every pod of a multi-namespace input. */
function subjectIsEverything(ctx: LintContext, policy: ClusterPolicy): boolean {
  return (ctx.selectsEverything(policy.subject.namespaceSelector) && ctx.selectsEverything(policy.subject.podSelector)) ||
    everyPod(ctx, ctx.clusterSubjectPods(policy));
}

/** The peer is every pod (or every address of a family): written `{}` or `0.0.0.0/0`, or matching every pod of a multi-namespace input. */
function peerIsEverything(ctx: LintContext, peer: ClusterPeer): boolean {
  if (peer.kind === 'networks') return peer.cidrs.some((c) => c.prefix === 0);
  if (peer.kind !== 'pods') return false;
  return (ctx.selectsEverything(peer.namespaceSelector) && ctx.selectsEverything(peer.podSelector)) ||
    everyPod(ctx, ctx.pods.filter((p) => !p.hostNetwork && ctx.clusterPeerMatches(peer, p)));
}

/** NP016: an Admin Accept of everything, for every namespace: no namespace can deny any of it. */
export const NP016: LintRule = {
  id: 'NP016',
  name: 'admin-accept-everything',
  severity: Severity.WARNING,
  cause: 'Admin tier Accept of every pod (or every address) on every port, for a subject of every namespace.',
  explanation: 'An Admin tier Accept is final: the NetworkPolicy and Baseline tiers are not consulted for what it matches. ' +
    'Accepting from (or to) every namespace, every pod or 0.0.0.0/0 without ports, for every namespace, overrides every ' +
    'default-deny and every NetworkPolicy of every namespace: the cluster is as open as if none existed. Pass leaves the ' +
    'decision to the namespaces\' own policies instead.',
  fix: 'Narrow the rule (protocols, the peers that need it, the namespaces of the subject), or use Pass to leave the decision to NetworkPolicy.',
  check: (ctx) => {
    const out: Violation[] = [];
    for (const policy of ctx.clusterPolicies) {
      if (policy.tier !== 'Admin' || !subjectIsEverything(ctx, policy)) continue;
      for (const rule of [...policy.ingress, ...policy.egress]) {
        if (rule.action !== 'Accept' || rule.hasPorts) continue;
        const field = rule.direction.toLowerCase();
        const peerField = rule.direction === 'Ingress' ? 'from' : 'to';
        const j = rule.peers.findIndex((peer) => peerIsEverything(ctx, peer));
        if (j < 0) continue;
        out.push({
          object: ctx.objectOfClusterPolicy(policy),
          location: `spec.${field}[${rule.index}].${peerField}[${j}]`,
          message: `${ctx.describeClusterRule(policy, rule)} accepts ${peerField} ${ctx.describeClusterPeer(rule.peers[j])} on every port ` +
            'for every pod of every namespace: no NetworkPolicy or Baseline policy of any namespace can deny any of it.',
          fix: `Add protocols to spec.${field}[${rule.index}], narrow its ${peerField} or the subject, or make it a Pass to leave the decision to each namespace's NetworkPolicies.`,
        });
      }
    }
    return out;
  },
};
