import { Severity } from '../finding';
import { LintRule } from '../rule';

/** NP004: a policy whose podSelector matches no workload protects nothing. */
export const NP004: LintRule = {
  id: 'NP004',
  name: 'policy-selects-nothing',
  severity: Severity.WARNING,
  cause: 'Policy whose podSelector selects no workload in the inventory.',
  explanation: 'A policy applies only to pods of its own namespace that match spec.podSelector. A typo in a label, or a ' +
    'policy in the wrong namespace, silently protects nothing. Policies with podSelector {} (every pod) are not reported, ' +
    'nor is anything when the input holds no workload at all.',
  fix: 'Make spec.podSelector match the labels of the pod template, and put the policy in the namespace of the workload.',
  check: (ctx) => {
    if (ctx.pods.length === 0) return [];
    return ctx.policies
      .filter((policy) => policy.podSelector.requirements.length > 0 && ctx.selectedPods(policy).length === 0)
      .map((policy) => {
        const elsewhere = ctx.pods.filter((p) => p.namespace !== policy.namespace && ctx.podSelectorMatches(policy, p));
        const hint = elsewhere.length > 0
          ? `It would select ${elsewhere.slice(0, 3).map((p) => p.id).join(', ')} in another namespace: move it there.`
          : `Make spec.podSelector {${policy.podSelector.key}} match the labels of a workload in namespace ${policy.namespace}.`;
        return {
          object: ctx.objectOfPolicy(policy),
          location: 'spec.podSelector',
          message: `NetworkPolicy ${policy.id} selects no workload: no pod in namespace ${policy.namespace} matches {${policy.podSelector.key}}.`,
          fix: hint,
        };
      });
  },
};
