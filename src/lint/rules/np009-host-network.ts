import { Severity } from '../finding';
import { LintRule } from '../rule';

/** NP009: NetworkPolicy does not apply to hostNetwork pods. */
export const NP009: LintRule = {
  id: 'NP009',
  name: 'host-network',
  severity: Severity.WARNING,
  cause: 'hostNetwork workload: NetworkPolicy does not apply to it.',
  explanation: 'A hostNetwork pod uses the node\'s network namespace and address. Policies that select it do not restrict ' +
    'it, and peers that select it do not match its traffic (it comes from the node\'s IP). The engine leaves it out of ' +
    'the reachability picture.',
  fix: 'Drop hostNetwork if the workload does not need it; otherwise restrict it with host firewall rules, not NetworkPolicy.',
  check: (ctx) => ctx.pods
    .filter((pod) => pod.hostNetwork)
    .map((pod) => {
      const selecting = ctx.policies.filter((p) => ctx.selects(p, pod));
      return {
        object: ctx.objectOfPod(pod),
        location: pod.workloadKind === 'Pod' ? 'spec.hostNetwork' : pod.workloadKind === 'CronJob' ? 'spec.jobTemplate.spec.template.spec.hostNetwork' : 'spec.template.spec.hostNetwork',
        message: `${pod.workloadKind} ${pod.id} uses hostNetwork: NetworkPolicy does not apply to it` +
          (selecting.length > 0 ? `, although ${selecting.map((p) => p.id).join(', ')} select${selecting.length === 1 ? 's' : ''} it.` : '.'),
      };
    }),
};
