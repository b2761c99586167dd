import type { Policy, Rule } from '../../engine';
import { LintContext } from '../context';
import { Severity } from '../finding';
import { LintRule, Violation } from '../rule';

function destinations(ctx: LintContext, policy: Policy, rule: Rule) {
  // a named port is resolved on the destination: the selected pods for ingress, the peers for egress
  return rule.direction === 'Ingress' ? ctx.selectedPods(policy) : ctx.podsOfRule(rule);
}

/** NP006: a named port no destination declares matches nothing. */
export const NP006: LintRule = {
  id: 'NP006',
  name: 'named-port-unresolved',
  severity: Severity.ERROR,
  cause: 'Named port that no destination pod of the rule declares.',
  explanation: 'A named port is resolved on the destination pod\'s container ports (for ingress and for egress): it ' +
    'matches only where the destination declares a container port with that name and protocol. If none does, the rule ' +
    'admits nothing. Toward an ipBlock a named port never matches.',
  fix: 'Use a container port name the destination declares (with the same protocol), or a port number.',
  check: (ctx) => {
    const out: Violation[] = [];
    for (const policy of ctx.policies) {
      for (const rule of [...policy.ingress, ...policy.egress]) {
        if (rule.namedPorts.length === 0) continue;
        const field = rule.direction === 'Ingress' ? 'ingress' : 'egress';
        const onlyIpBlocks = rule.direction === 'Egress' && !!rule.peers && rule.peers.every((p) => p.kind === 'ipBlock');
        const pods = destinations(ctx, policy, rule);
        if (pods.length === 0 && !onlyIpBlocks) continue; // NP004 / NP005 say why
        for (const named of rule.namedPorts) {
          const j = (rule.ports ?? []).findIndex((p) => p.port === named.name && p.protocol === named.protocol);
          const location = `spec.${field}[${rule.index}].ports[${j}]`;
          if (onlyIpBlocks) {
            out.push({
              object: ctx.objectOfPolicy(policy),
              location,
              message: `NetworkPolicy ${policy.id}: named port "${named.name}" in ${field}[${rule.index}] goes only to ipBlock peers, where a named port matches nothing.`,
              fix: 'Use the port number: toward an address there is no container port to resolve a name on.',
            });
            continue;
          }
          if (pods.some((p) => p.ports.some((cp) => cp.name === named.name && cp.protocol === named.protocol))) continue;
          const declared = [...new Set(pods.flatMap((p) => p.ports.filter((cp) => cp.name).map((cp) => `${cp.name} (${cp.protocol} ${cp.port})`)))];
          out.push({
            object: ctx.objectOfPolicy(policy),
            location,
            message: `NetworkPolicy ${policy.id}: named port "${named.name}" (${named.protocol}) in ${field}[${rule.index}] is declared by no destination pod ` +
              `(${pods.slice(0, 3).map((p) => p.id).join(', ')}${pods.length > 3 ? ', ...' : ''}): the rule admits nothing on it.`,
            fix: declared.length > 0
              ? `Use one of the declared names: ${declared.slice(0, 5).join(', ')}; or a port number.`
              : 'The destination pods declare no named container port: use the port number.',
          });
        }
      }
    }
    return out;
  },
};
