/**
 * The NetworkPolicy spec as the constructs render it: plain JSON in the manifest's own shape
 * (ports are numbers or names, not `IntOrString` objects), keys in the order the manifest shows
 * them. Policies synthesize this directly, without cdk8s-plus's typed-props conversion.
 */
import { k8s } from 'cdk8s-plus-28';

export interface NetworkPolicyPortJson {
  readonly endPort?: number;
  readonly port?: number | string;
  readonly protocol: string;
}

export interface NetworkPolicyIngressRuleJson {
  readonly from?: k8s.NetworkPolicyPeer[];
  readonly ports?: NetworkPolicyPortJson[];
}

export interface NetworkPolicyEgressRuleJson {
  readonly ports?: NetworkPolicyPortJson[];
  readonly to?: k8s.NetworkPolicyPeer[];
}

export interface NetworkPolicySpecJson {
  readonly egress?: NetworkPolicyEgressRuleJson[];
  readonly ingress?: NetworkPolicyIngressRuleJson[];
  readonly podSelector: k8s.LabelSelector;
  readonly policyTypes: string[];
}
