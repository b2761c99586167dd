import type { ConnSet, Endpoint, Policy, Rule, TierName } from '../../engine';
import { LintContext, TierVerdict } from '../context';
import { Severity } from '../finding';
import { LintRule, Violation } from '../rule';

interface Shadow { readonly from: Endpoint; readonly to: Endpoint; readonly conns: ConnSet; readonly by: TierVerdict }

/**
 * The connections a NetworkPolicy rule admits, as (from, to, ports): the selected pods and the
 * pods or outside ranges its peers match. Calls back until the callback returns true.
 */
function forEachAdmitted(ctx: LintContext, policy: Policy, rule: Rule, cb: (from: Endpoint, to: Endpoint, conns: ConnSet) => boolean): void {
  // the Admin tier answers alike for the endpoints of one group: one pair per pair of groups
  const selected = ctx.distinct(ctx.selectedPods(policy).filter((p) => !p.hostNetwork), rule.direction, 'side');
  const others: Endpoint[] = [
    ...ctx.distinct(ctx.podsOfRule(rule).filter((p) => !p.hostNetwork), rule.direction, 'peer'),
    ...ctx.externalRanges().filter((r) => !rule.peers || rule.peers.some((peer) => ctx.peerMatchesRange(peer, r))),
  ];
  for (const s of selected) {
    for (const o of others) {
      if (o.id === s.id) continue;
      const [from, to] = rule.direction === 'Egress' ? [s, o] : [o, s];
      const conns = ctx.rulePorts(rule, to.kind === 'pod' ? to.ports : []);
      if (conns.isEmpty) continue;
      if (cb(from, to, conns)) return;
    }
  }
}

const ADMIN: TierName = 'Admin';

/** NP019: a NetworkPolicy rule every connection of which the Admin tier decides first, denying some: it is dead. */
export const NP019: LintRule = {
  id: 'NP019',
  name: 'shadowed-by-admin-deny',
  severity: Severity.WARNING,
  cause: 'NetworkPolicy rule that admits nothing in effect: every connection it admits is decided at the Admin tier first, by a Deny.',
  explanation: 'The Admin tier of cluster policies is evaluated before NetworkPolicy, and what it denies no NetworkPolicy can ' +
    're-open. A NetworkPolicy rule whose every connection (selected pods and peers of the input, on its ports) an Admin rule ' +
    'decides first, with a Deny for some of it, allows nothing: the connection it was written for stays blocked, and the ' +
    'rule misleads whoever reads the namespace\'s policies.',
  fix: 'Remove the rule, or, if the traffic is meant, let it through in the Admin policy (an Accept, or a Pass to NetworkPolicy, before its Deny).',
  check: (ctx) => {
    if (!ctx.clusterPolicies.some((p) => p.tier === 'Admin' && [...p.ingress, ...p.egress].some((r) => r.action === 'Deny'))) return [];
    const out: Violation[] = [];
    for (const policy of ctx.policies) {
      for (const rule of [...policy.ingress, ...policy.egress]) {
        let alive = false;
        let shadow: Shadow | undefined;
        forEachAdmitted(ctx, policy, rule, (from, to, conns) => {
          if (!ctx.portsReachingNetworkPolicy(from, to, rule.direction, conns).isEmpty) {
            alive = true;
            return true;
          }
          const by = ctx.clusterVerdicts(from, to, rule.direction, conns).find((v) => v.tier === ADMIN && v.outcome === 'denied');
          if (by && !shadow) shadow = { from, to, conns: by.conns, by };
          return false;
        });
        if (alive || !shadow?.by.policy || !shadow.by.rule) continue;
        const field = rule.direction.toLowerCase();
        out.push({
          object: ctx.objectOfPolicy(policy),
          related: [ctx.objectOfClusterPolicy(shadow.by.policy)],
          location: `spec.${field}[${rule.index}]`,
          message: `NetworkPolicy ${policy.id} spec.${field}[${rule.index}] allows nothing: the Admin tier decides every connection it admits first, ` +
            `and ${ctx.describeClusterRule(shadow.by.policy, shadow.by.rule)} denies e.g. ${shadow.from.id} => ${shadow.to.id} on ${shadow.conns}.`,
          fix: `Remove spec.${field}[${rule.index}] from ${policy.id}, or, if the traffic is meant, accept or pass it in ${shadow.by.policy.id} before its Deny.`,
        });
      }
    }
    return out;
  },
};
