/**
 * The ClusterNetworkPolicy (`policy.networking.k8s.io/v1alpha2`) shape the vocabulary renders to,
 * and call-site checks that ask the one validator (`validateClusterNetworkPolicy`, src/k8s) about
 * a fragment, so that no rule of the CRD is restated here. Not part of the public API.
 */
import { CLUSTER_POLICY_VERSIONS, LabelSelectorJson, PolicyError, validateClusterNetworkPolicy } from '../k8s';

/** The API version of ClusterNetworkPolicy. */
export const CLUSTER_NETWORK_POLICY_API_VERSION = CLUSTER_POLICY_VERSIONS.ClusterNetworkPolicy;

/** Which list of a policy a rule is in. */
export type ClusterDirection = 'ingress' | 'egress';

/** A `subject` or an ingress/egress peer: exactly one field set. */
export interface ClusterPeerJson {
  namespaces?: LabelSelectorJson;
  pods?: { namespaceSelector: LabelSelectorJson; podSelector: LabelSelectorJson };
  networks?: string[];
  nodes?: LabelSelectorJson;
  domainNames?: string[];
}

/** One `protocols` entry. */
export interface ClusterProtocolJson {
  tcp?: { destinationPort: ClusterDestinationPortJson };
  udp?: { destinationPort: ClusterDestinationPortJson };
  sctp?: { destinationPort: ClusterDestinationPortJson };
  destinationNamedPort?: string;
}

/** `destinationPort`: a number or a range. */
export interface ClusterDestinationPortJson {
  number?: number;
  range?: { start: number; end: number };
}

/** One ingress or egress rule. */
export interface ClusterRuleJson {
  name?: string;
  action: string;
  from?: ClusterPeerJson[];
  to?: ClusterPeerJson[];
  protocols?: ClusterProtocolJson[];
}

/** The spec. */
export interface ClusterNetworkPolicySpecJson {
  tier: string;
  priority: number;
  subject: ClusterPeerJson;
  ingress?: ClusterRuleJson[];
  egress?: ClusterRuleJson[];
}

/**
 * The validator's errors for a ClusterNetworkPolicy made of `spec` (merged over a valid Admin
 * policy of every namespace), for checking one part where it enters.
 */
export function clusterSpecErrors(spec: Partial<ClusterNetworkPolicySpecJson>): PolicyError[] {
  return validateClusterNetworkPolicy({
    apiVersion: CLUSTER_NETWORK_POLICY_API_VERSION,
    kind: 'ClusterNetworkPolicy',
    metadata: { name: 'call-site-check' },
    spec: { tier: 'Admin', priority: 0, subject: { namespaces: {} }, ...spec },
  });
}

/** What the CRD says of a `domainNames` entry; undefined when it is valid. */
export function domainNameProblem(name: string): string | undefined {
  if (typeof name !== 'string') return 'must be a string';
  const errors = clusterSpecErrors({ egress: [{ action: 'Accept', to: [{ domainNames: [name] }] }] });
  return errors.length > 0 ? errors[0].message : undefined;
}
