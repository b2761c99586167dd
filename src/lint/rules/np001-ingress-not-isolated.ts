import { Severity } from '../finding';
import { LintRule } from '../rule';

/** NP001: a workload no policy selects for ingress accepts connections from everything. */
export const NP001: LintRule = {
  id: 'NP001',
  name: 'ingress-not-isolated',
  severity: Severity.WARNING,
  cause: 'Workload not selected by any policy for ingress: open to every pod and address.',
  explanation: 'A pod is isolated for ingress only when at least one NetworkPolicy that selects it has Ingress in its ' +
    'policyTypes. Until then every pod in the cluster and every address that can route to it may connect, on every port.',
  fix: 'Add a default-deny ingress policy for the namespace (podSelector: {}, policyTypes: [Ingress]), then allow what it needs.',
  check: (ctx) => ctx.pods
    .filter((pod) => !pod.hostNetwork && !ctx.isIsolated(pod, 'Ingress'))
    .map((pod) => ({
      object: ctx.objectOfPod(pod),
      message: `${pod.workloadKind} ${pod.id} is not selected by any policy for ingress: every pod and address can connect to it on every port.`,
      fix: `Add a default-deny ingress policy in namespace ${pod.namespace} and allow only the clients ${pod.name} needs.`,
    })),
};
