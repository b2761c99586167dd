import { notIsolated } from './not-isolated';
import { Severity } from '../finding';
import { LintRule } from '../rule';

/** NP002: a workload no policy isolates for egress may connect anywhere. */
export const NP002: LintRule = {
  id: 'NP002',
  name: 'egress-not-isolated',
  severity: Severity.WARNING,
  cause: 'Workload not isolated for egress: no NetworkPolicy selects it, and no cluster policy decides every connection from it.',
  explanation: 'A pod is isolated for egress only when a NetworkPolicy that selects it has Egress in its (defaulted) ' +
    'policyTypes. Without that, a compromised pod can reach every service, the cloud metadata endpoint and the internet, ' +
    'unless cluster policies (Admin, Baseline tier) decide otherwise. With cluster policies, the pod counts as isolated when ' +
    'they decide every port toward every pod and address of the input (a Baseline Deny of everything): nothing is left to ' +
    'the default allow. Otherwise the finding says what is left, with an example.',
  fix: 'Add a default-deny egress policy for the namespace (policyTypes: [Egress]), then allow DNS and what the workload needs.',
  check: (ctx) => notIsolated(ctx, 'Egress'),
};
