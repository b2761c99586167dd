import { Severity } from '../finding';
import { LintRule, Violation } from '../rule';

/** NP012: an ingress rule that admits every peer on every port. */
export const NP012: LintRule = {
  id: 'NP012',
  name: 'ingress-from-anywhere',
  severity: Severity.INFO,
  cause: 'Ingress from anywhere on every port.',
  explanation: 'An ingress rule without from (or with an ipBlock of 0.0.0.0/0 or ::/0 and no except) and without ports ' +
    'admits every pod and every address on every port: the selected pods are as open as if no policy selected them. ' +
    'Fine for a public endpoint, but usually ports were meant.',
  fix: 'Restrict the rule to the ports the workload serves (and to the clients that need it).',
  check: (ctx) => {
    const out: Violation[] = [];
    for (const policy of ctx.policies) {
      for (const rule of policy.ingress) {
        if (rule.ports !== undefined) continue;
        const anywhere = !rule.peers || rule.peers.some((p) => p.kind === 'ipBlock' && p.cidr.prefix === 0 && p.except.length === 0);
        if (!anywhere) continue;
        out.push({
          object: ctx.objectOfPolicy(policy),
          location: `spec.ingress[${rule.index}]`,
          message: `NetworkPolicy ${policy.id}: ingress[${rule.index}] admits every pod and address on every port.`,
          fix: `Add ports (e.g. - port: 443) to ingress[${rule.index}] of ${policy.id}, and a from if not every client needs it.`,
        });
      }
    }
    return out;
  },
};
