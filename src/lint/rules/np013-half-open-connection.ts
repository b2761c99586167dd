import { PodEndpoint, Policy, Rule } from '../../engine';
import { LintContext } from '../context';
import { Severity } from '../finding';
import { LintRule, Violation } from '../rule';

/**
 * The pods a rule names as the other side of a connection, and the pods its policy selects:
 * for ingress the sources are the peers and the destinations the selected pods; for egress the
 * other way round. Rules without peers (every peer) name nobody in particular and are skipped.
 */
function pairsOf(ctx: LintContext, policy: Policy, rule: Rule): { from: PodEndpoint; to: PodEndpoint }[] {
  if (!rule.peers) return [];
  const selected = ctx.selectedPods(policy).filter((p) => !p.hostNetwork);
  const named = ctx.podsOfRule(rule).filter((p) => !p.hostNetwork);
  const pairs: { from: PodEndpoint; to: PodEndpoint }[] = [];
  for (const s of selected) {
    for (const n of named) {
      if (s.id === n.id) continue;
      pairs.push(rule.direction === 'Ingress' ? { from: n, to: s } : { from: s, to: n });
    }
  }
  return pairs;
}

/**
 * NP013: a rule that admits a connection the other side never lets through. Under default deny
 * in both directions a connection needs egress on the client AND ingress on the server; a rule
 * that writes only one half allows nothing.
 */
export const NP013: LintRule = {
  id: 'NP013',
  name: 'half-open-connection',
  severity: Severity.WARNING,
  cause: 'Rule that admits pods whose own side (egress of the client, or ingress of the server) allows none of it.',
  explanation: 'A connection is allowed only when BOTH the client\'s egress and the server\'s ingress allow it. When the ' +
    'client is isolated for egress (or the server for ingress), a rule on the other side alone admits nothing: the ' +
    'connection fails silently, usually because the other half was forgotten under a default deny.',
  fix: 'Write the other half too: an egress rule on the client (AllowTo) for an ingress rule, an ingress rule on the ' +
    'server (AllowFrom) for an egress rule; Firewall.allow() writes both.',
  check: (ctx: LintContext) => {
    const out: Violation[] = [];
    for (const policy of ctx.policies) {
      for (const rule of [...policy.ingress, ...policy.egress]) {
        const ingress = rule.direction === 'Ingress';
        // pairs this rule admits something for, but whose other side admits none of it
        const blocked = pairsOf(ctx, policy, rule).filter(({ from, to }) => {
          const admitted = ctx.rulePorts(rule, to.ports);
          if (admitted.isEmpty) return false; // NP006 explains unresolved named ports
          const otherSide = ingress ? ctx.analysis.egressConnections(from, to) : ctx.analysis.ingressConnections(from, to);
          return admitted.intersect(otherSide).isEmpty;
        });
        if (blocked.length === 0) continue;
        const field = ingress ? 'ingress' : 'egress';
        const others = [...new Set(blocked.map((b) => (ingress ? b.from : b.to).id))];
        const first = blocked[0];
        const otherPod = ingress ? first.from : first.to;
        const isolating = ctx.isolatingPolicies(otherPod, ingress ? 'Egress' : 'Ingress').map((p) => p.id);
        const shown = `${others.slice(0, 3).join(', ')}${others.length > 3 ? ` (+${others.length - 3} more)` : ''}`;
        out.push({
          object: ctx.objectOfPolicy(policy),
          location: `spec.${field}[${rule.index}]`,
          message: ingress
            ? `NetworkPolicy ${policy.id}: ${field}[${rule.index}] admits ${shown} to ${first.to.id} on ${ctx.rulePorts(rule, first.to.ports)}, ` +
              `but ${otherPod.id} is isolated for egress (by ${isolating.join(', ')}) and no egress rule lets it send that: the connection never happens.`
            : `NetworkPolicy ${policy.id}: ${field}[${rule.index}] lets ${first.from.id} reach ${shown} on ${ctx.rulePorts(rule, first.to.ports)}, ` +
              `but ${otherPod.id} is isolated for ingress (by ${isolating.join(', ')}) and no ingress rule accepts that: the connection never happens.`,
          fix: ingress
            ? `Add the egress half on ${otherPod.id} (AllowTo, or Firewall.allow() for both halves).`
            : `Add the ingress half on ${otherPod.id} (AllowFrom, or Firewall.allow() for both halves).`,
        });
      }
    }
    return out;
  },
};
