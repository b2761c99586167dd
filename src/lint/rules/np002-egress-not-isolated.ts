import { Severity } from '../finding';
import { LintRule } from '../rule';

/** NP002: a workload no policy selects for egress may connect anywhere. */
export const NP002: LintRule = {
  id: 'NP002',
  name: 'egress-not-isolated',
  severity: Severity.WARNING,
  cause: 'Workload not selected by any policy for egress: it may connect to every pod and address.',
  explanation: 'A pod is isolated for egress only when a NetworkPolicy that selects it has Egress in its (defaulted) ' +
    'policyTypes. Without that, a compromised pod can reach every service, the cloud metadata endpoint and the internet.',
  fix: 'Add a default-deny egress policy for the namespace (policyTypes: [Egress]), then allow DNS and what the workload needs.',
  check: (ctx) => ctx.pods
    .filter((pod) => !pod.hostNetwork && !ctx.isIsolated(pod, 'Egress'))
    .map((pod) => ({
      object: ctx.objectOfPod(pod),
      message: `${pod.workloadKind} ${pod.id} is not selected by any policy for egress: it can connect to every pod and address.`,
      fix: `Add a default-deny egress policy in namespace ${pod.namespace}, then allow DNS and the destinations ${pod.name} needs.`,
    })),
};
