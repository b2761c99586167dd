import type { PodEndpoint, Rule } from '../../engine';
import { LintContext } from '../context';
import { Severity } from '../finding';
import { LintRule, Violation } from '../rule';

/** A pod of a peer and a selected pod, as the client and the server of a connection. */
interface Pair { readonly from: PodEndpoint; readonly to: PodEndpoint }

/** The rule's connection between the peer's pod and a selected pod: ingress, peer -> selected; egress, the other way. */
function pair(rule: Rule, peerPod: PodEndpoint, selected: PodEndpoint): Pair {
  return rule.direction === 'Ingress' ? { from: peerPod, to: selected } : { from: selected, to: peerPod };
}

/** true when the rule admits something on this pair that the other side lets through too. */
function works(ctx: LintContext, rule: Rule, { from, to }: Pair): boolean {
  const admitted = ctx.rulePorts(rule, to.ports);
  const otherSide = rule.direction === 'Ingress' ? ctx.egressConnections(from, to) : ctx.ingressConnections(from, to);
  return !admitted.intersect(otherSide).isEmpty;
}

/** true when the rule admits anything at all on this pair (named ports may resolve to nothing: NP006). */
function admits(ctx: LintContext, rule: Rule, { to }: Pair): boolean {
  return !ctx.rulePorts(rule, to.ports).isEmpty;
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
  cause: 'Peer of a rule none of whose pods can use it: their own side (egress of the client, or ingress of the server) allows none of it.',
  explanation: 'A connection is allowed only when BOTH the client\'s egress and the server\'s ingress allow it. When the ' +
    'client is isolated for egress (or the server for ingress), a rule on the other side alone admits nothing: the ' +
    'connection fails silently, usually because the other half was forgotten under a default deny.',
  fix: 'Write the other half too: an egress rule on the client (AllowTo) for an ingress rule, an ingress rule on the ' +
    'server (AllowFrom) for an egress rule; Firewall.allow() writes both.',
  check: (ctx: LintContext) => {
    const out: Violation[] = [];
    for (const policy of ctx.policies) {
      const selected = ctx.selectedPods(policy).filter((p) => !p.hostNetwork);
      if (selected.length === 0) continue; // NP004
      for (const rule of [...policy.ingress, ...policy.egress]) {
        const ingress = rule.direction === 'Ingress';
        const field = ingress ? 'ingress' : 'egress';
        (rule.peers ?? []).forEach((peer, j) => {
          if (peer.kind !== 'selector') return;
          // each peer states an intent: these pods may connect. It is half-open when none of its
          // pods can use the rule end to end (a broad peer some of whose pods can is not reported).
          const pods = ctx.pods.filter((p) => !p.hostNetwork && ctx.peerMatchesPod(peer, p));
          // stop at the first pair that works; collect the admitted pairs only while none does
          const pairs: Pair[] = [];
          for (const p of pods) {
            for (const s of selected) {
              if (s.id === p.id) continue;
              const x = pair(rule, p, s);
              if (!admits(ctx, rule, x)) continue;
              if (works(ctx, rule, x)) return;
              pairs.push(x);
            }
          }
          if (pairs.length === 0) return;
          const first = pairs[0];
          const otherPod = ingress ? first.from : first.to;
          const others = [...new Set(pairs.map((x) => (ingress ? x.from : x.to).id))];
          const shown = `${others.slice(0, 3).join(', ')}${others.length > 3 ? ` (+${others.length - 3} more)` : ''}`;
          const isolating = ctx.isolatingPolicies(otherPod, ingress ? 'Egress' : 'Ingress').map((p) => p.id).join(', ');
          const ports = ctx.rulePorts(rule, first.to.ports).toString();
          out.push({
            object: ctx.objectOfPolicy(policy),
            location: `spec.${field}[${rule.index}].${ingress ? 'from' : 'to'}[${j}]`,
            message: ingress
              ? `NetworkPolicy ${policy.id}: ${field}[${rule.index}] admits ${shown} to ${first.to.id} on ${ports}, ` +
                `but ${otherPod.id} is isolated for egress (by ${isolating}) and no egress rule lets it send that: the connection never happens.`
              : `NetworkPolicy ${policy.id}: ${field}[${rule.index}] lets ${first.from.id} reach ${shown} on ${ports}, ` +
                `but ${otherPod.id} is isolated for ingress (by ${isolating}) and no ingress rule accepts that: the connection never happens.`,
            fix: ingress
              ? `Add the egress half on ${otherPod.id} (AllowTo, or Firewall.allow() for both halves).`
              : `Add the ingress half on ${otherPod.id} (AllowFrom, or Firewall.allow() for both halves).`,
          });
        });
      }
    }
    return out;
  },
};
