import { Severity } from '../finding';
import { LintRule, Violation } from '../rule';
import { metadataIps } from '../well-known';

/** NP007: an egress-isolated workload that can still reach the cloud metadata endpoint. */
export const NP007: LintRule = {
  id: 'NP007',
  name: 'metadata-reachable',
  severity: Severity.ERROR,
  cause: 'Workload isolated for egress that can still reach a cloud metadata endpoint.',
  explanation: 'NetworkPolicy cannot deny: blocking metadata is an egress allow of 0.0.0.0/0 and ::/0 with the metadata ' +
    'addresses in except. Any other policy that selects the same pods and allows those addresses (a rule with no `to`, ' +
    'an ipBlock without the except) re-opens them, and the pod can read node credentials. Checked on TCP 80, where every ' +
    'listed metadata service answers.',
  fix: 'Add the metadata addresses to the except list of the re-opening rule (or narrow its to/ports).',
  check: (ctx) => {
    const out: Violation[] = [];
    const metadata = metadataIps();
    for (const pod of ctx.pods) {
      if (pod.hostNetwork) continue;
      const policies = ctx.isolatingPolicies(pod, 'Egress');
      for (const policy of policies) {
        for (const rule of policy.egress) {
          if (!rule.staticPorts.contains('TCP', 80)) continue;
          const reached = metadata.filter((m) => ctx.ruleAdmitsIp(rule, m.ip));
          if (reached.length === 0) continue;
          const policyObject = ctx.objectOfPolicy(policy);
          out.push({
            object: ctx.objectOfPod(pod),
            related: [policyObject],
            message: `${pod.workloadKind} ${pod.id} can reach the cloud metadata endpoint ${reached.slice(0, 3).map((m) => m.address).join(', ')}` +
              `${reached.length > 3 ? ` (+${reached.length - 3} more)` : ''} on TCP 80: NetworkPolicy ${policy.id} spec.egress[${rule.index}] re-opens it.`,
            fix: `In NetworkPolicy ${policy.id} spec.egress[${rule.index}], use an ipBlock with except: [${reached.map((m) => `${m.address}/${m.address.includes(':') ? 128 : 32}`).slice(0, 3).join(', ')}${reached.length > 3 ? ', ...' : ''}] instead of allowing every address.`,
          });
        }
      }
    }
    return out;
  },
};
