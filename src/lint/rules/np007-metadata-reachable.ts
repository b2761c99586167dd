import type { Policy } from '../../engine';
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
      if (!ctx.isIsolated(pod, 'Egress')) continue; // NP002 says it is open to everything
      // which metadata addresses the pod reaches on TCP 80, and through which policy rules
      const byRule = new Map<string, { policy: Policy; index: number; addresses: string[] }>();
      for (const m of metadata) {
        if (!ctx.connectionsToAddress(pod, m.address).contains('TCP', 80)) continue;
        for (const match of ctx.egressRulesToAddress(pod, m.address)) {
          if (!match.conns.contains('TCP', 80)) continue;
          const key = `${match.policy.id}#${match.rule.index}`;
          const entry = byRule.get(key) ?? { policy: match.policy, index: match.rule.index, addresses: [] as string[] };
          entry.addresses.push(m.address);
          byRule.set(key, entry);
        }
      }
      for (const { policy, index, addresses } of byRule.values()) {
        const shown = addresses.slice(0, 3).join(', ') + (addresses.length > 3 ? ` (+${addresses.length - 3} more)` : '');
        const cidrs = addresses.slice(0, 3).map((a) => `${a}/${a.includes(':') ? 128 : 32}`).join(', ') + (addresses.length > 3 ? ', ...' : '');
        out.push({
          object: ctx.objectOfPod(pod),
          related: [ctx.objectOfPolicy(policy)],
          message: `${pod.workloadKind} ${pod.id} can reach the cloud metadata endpoint ${shown} on TCP 80: ` +
            `NetworkPolicy ${policy.id} spec.egress[${index}] re-opens it.`,
          fix: `In NetworkPolicy ${policy.id} spec.egress[${index}], use an ipBlock with except: [${cidrs}] instead of allowing every address.`,
        });
      }
    }
    return out;
  },
};
