import { Severity } from '../finding';
import { LintRule } from '../rule';

/** NP010: a policy that relies on policyTypes defaulting. */
export const NP010: LintRule = {
  id: 'NP010',
  name: 'policy-types-defaulted',
  severity: Severity.WARNING,
  cause: 'Policy relying on policyTypes defaulting (none written); worst of all `egress: []`, which then does not isolate egress.',
  explanation: 'Without policyTypes the API server writes [Ingress], plus Egress only when spec.egress has at least one ' +
    'rule. So `egress: []` meant as "deny all egress" does nothing, and removing the last egress rule later silently stops ' +
    'isolating egress. Write policyTypes so that what is read is what is enforced.',
  fix: 'Write spec.policyTypes explicitly (e.g. [Ingress, Egress]).',
  check: (ctx) => ctx.policies
    .filter((p) => p.policyTypesDefaulted)
    .map((policy) => {
      const egress = policy.raw?.spec?.egress;
      const emptyEgress = Array.isArray(egress) && egress.length === 0;
      return {
        object: ctx.objectOfPolicy(policy),
        location: 'spec.policyTypes',
        message: emptyEgress
          ? `NetworkPolicy ${policy.id} writes egress: [] without policyTypes: policyTypes defaults to [Ingress], so egress is NOT isolated.`
          : `NetworkPolicy ${policy.id} writes no policyTypes: the API server defaults them to [${policy.policyTypes.join(', ')}].`,
        fix: emptyEgress
          ? 'Add policyTypes: [Ingress, Egress] (or [Egress]) to deny all egress.'
          : `Add policyTypes: [${policy.policyTypes.join(', ')}].`,
      };
    }),
};
