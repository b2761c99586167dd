import { Severity } from '../finding';
import { LintRule } from '../rule';

/** NP014: a policy of a kind the analysis does not model (Cilium, Calico, Antrea, EgressFirewall, ...). */
export const NP014: LintRule = {
  id: 'NP014',
  name: 'unanalyzed-policy',
  severity: Severity.WARNING,
  cause: 'A policy of a kind this tool does not analyze (a CNI\'s own policy, such as Cilium\'s or Calico\'s).',
  explanation: 'CiliumNetworkPolicy, Calico NetworkPolicy and GlobalNetworkPolicy, Antrea policies, OVN\'s EgressFirewall ' +
    'and the like change what a cluster that enforces them allows, before or after the Kubernetes NetworkPolicies. The engine ' +
    'reads Kubernetes NetworkPolicies and the cluster tiers of network-policy-api (ClusterNetworkPolicy, AdminNetworkPolicy, ' +
    'BaselineAdminNetworkPolicy) only, so every finding ' +
    'about reachability (NP001-NP003, NP005, NP007, NP012, NP013) holds only for them: a pod reported open may be closed ' +
    'by one of these, and a pod reported closed may be opened.',
  fix: 'Check these policies with their own tools, or express the rule as a Kubernetes NetworkPolicy. ' +
    'The CLI\'s --unanalyzed-policies error makes their presence an error.',
  check: (ctx) => ctx.unmodelledPolicies().map(({ object, enforcedBy }) => ({
    object,
    message: `${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${object.name} is enforced by ${enforcedBy}, ` +
      'which this tool does not analyze: the reachability findings hold only for the policies it models.',
  })),
};
