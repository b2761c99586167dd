import type { SelectorPeer } from '../../engine';
import { LintContext } from '../context';
import { Severity } from '../finding';
import { LintRule, Violation } from '../rule';

/**
 * true when the peer points only into namespaces the input does not describe (kube-system for
 * DNS, a namespace managed elsewhere): the linter cannot judge it.
 */
function outsideInventory(ctx: LintContext, peer: SelectorPeer): boolean {
  const ns = ctx.pinnedNamespace(peer);
  if (ns === undefined) return false;
  return !ctx.namespaces.some((n) => n.name === ns);
}

/** NP005: a peer selector that matches nothing allows nothing (and hides a typo). */
export const NP005: LintRule = {
  id: 'NP005',
  name: 'peer-matches-nothing',
  severity: Severity.WARNING,
  cause: 'Peer selector that matches no workload or namespace in the inventory.',
  explanation: 'A from/to peer whose podSelector matches no pod (or whose namespaceSelector matches no namespace) allows ' +
    'nothing: the connection the rule was written for stays blocked. Peers that point into a namespace the input does ' +
    'not contain (kube-system, a namespace managed elsewhere) are not judged, and pod selectors are not judged when the ' +
    'input holds no workload at all.',
  fix: 'Make the peer selector match the labels of the intended pods or namespaces (namespaces carry kubernetes.io/metadata.name).',
  check: (ctx) => {
    const out: Violation[] = [];
    for (const policy of ctx.policies) {
      for (const rule of [...policy.ingress, ...policy.egress]) {
        const field = rule.direction === 'Ingress' ? 'ingress' : 'egress';
        const peerField = rule.direction === 'Ingress' ? 'from' : 'to';
        (rule.peers ?? []).forEach((peer, i) => {
          if (peer.kind !== 'selector' || outsideInventory(ctx, peer)) return;
          const namespaces = ctx.namespaces.filter((n) => ctx.peerMatchesNamespace(peer, n));
          let problem: string | undefined;
          if (namespaces.length === 0) {
            problem = `no namespace in the input matches its namespaceSelector {${peer.namespaceSelector?.key}}`;
          } else if (peer.podSelector && ctx.pods.length > 0 && !ctx.pods.some((p) => ctx.peerMatchesPod(peer, p))) {
            problem = `no workload matches ${ctx.describePeer(peer)}`;
          }
          if (!problem) return;
          out.push({
            object: ctx.objectOfPolicy(policy),
            location: `spec.${field}[${rule.index}].${peerField}[${i}]`,
            message: `NetworkPolicy ${policy.id}: peer ${peerField}[${i}] of ${field}[${rule.index}] matches nothing: ${problem}.`,
          });
        });
      }
    }
    return out;
  },
};
