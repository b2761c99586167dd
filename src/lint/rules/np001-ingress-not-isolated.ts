import { notIsolated } from './not-isolated';
import { Severity } from '../finding';
import { LintRule } from '../rule';

/** NP001: a workload no policy isolates for ingress accepts connections from everything. */
export const NP001: LintRule = {
  id: 'NP001',
  name: 'ingress-not-isolated',
  severity: Severity.WARNING,
  cause: 'Workload not isolated for ingress: no NetworkPolicy selects it, and no cluster policy decides every connection to it from a pod.',
  explanation: 'A pod is isolated for ingress only when at least one NetworkPolicy that selects it has Ingress in its ' +
    'policyTypes. Until then every pod in the cluster and every address that can route to it may connect, on every port, ' +
    'unless cluster policies (Admin, Baseline tier) decide otherwise. With cluster policies, the pod counts as isolated when ' +
    'they decide every port from every pod of the input (a Baseline Deny from every namespace, as ClusterDefaultDeny ' +
    'writes): nothing is left to the default allow. Addresses outside the cluster are then not judged: cluster policy ' +
    'ingress rules cannot match them (their peers are namespaces and pods), only a NetworkPolicy ipBlock can. Otherwise ' +
    'the finding says what is left, with an example.',
  fix: 'Add a default-deny ingress policy for the namespace (podSelector: {}, policyTypes: [Ingress]), then allow what it needs.',
  check: (ctx) => notIsolated(ctx, 'Ingress'),
};
