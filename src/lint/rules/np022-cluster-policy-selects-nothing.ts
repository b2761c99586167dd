import { Severity } from '../finding';
import { LintRule, Violation } from '../rule';

/** NP022: a cluster policy whose subject selects no pod of the input (NP004 for cluster policies). */
export const NP022: LintRule = {
  id: 'NP022',
  name: 'cluster-policy-selects-nothing',
  severity: Severity.WARNING,
  cause: 'Cluster policy whose subject selects no namespace, or no pod, of the input.',
  explanation: 'A cluster policy applies to the pods its spec.subject selects: every pod of the namespaces `namespaces` ' +
    'matches, or the pods `pods.podSelector` matches in the namespaces `pods.namespaceSelector` matches (hostNetwork pods ' +
    'never). A typo in a label silently protects nothing. Not judged when the input holds no workload, nor when the ' +
    'subject names a namespace (kubernetes.io/metadata.name) the input does not contain.',
  fix: 'Make spec.subject match the labels of the namespaces (kubernetes.io/metadata.name for one by name) and of the pods meant.',
  check: (ctx) => {
    if (ctx.pods.length === 0) return [];
    const out: Violation[] = [];
    for (const policy of ctx.clusterPolicies) {
      if (ctx.clusterSubjectPods(policy).length > 0) continue;
      const pinned = ctx.clusterSubjectPinnedNamespace(policy);
      if (pinned !== undefined && !ctx.namespaces.some((n) => n.name === pinned)) continue;
      const namespaces = ctx.clusterSubjectNamespaces(policy);
      const problem = namespaces.length === 0
        ? `no namespace of the input matches {${policy.subject.namespaceSelector.key}}`
        : `namespace${namespaces.length === 1 ? '' : 's'} ${namespaces.slice(0, 3).map((n) => n.name).join(', ')}${namespaces.length > 3 ? ', ...' : ''} ` +
          `match${namespaces.length === 1 ? 'es' : ''}, but no pod there matches {${policy.subject.podSelector?.key ?? ''}} (hostNetwork pods are never subjects)`;
      out.push({
        object: ctx.objectOfClusterPolicy(policy),
        location: 'spec.subject',
        message: `${policy.id} selects nothing: ${problem}.`,
      });
    }
    return out;
  },
};
