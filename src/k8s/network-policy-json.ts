/**
 * The NetworkPolicy spec as the constructs render it: plain JSON in the manifest's own shape
 * (ports are numbers or names, not `IntOrString` objects). Policies synthesize this directly,
 * without cdk8s-plus's typed-props conversion; cdk8s sorts the keys when it writes the manifest.
 */
import { k8s } from 'cdk8s-plus-28';

export interface NetworkPolicyPortJson {
  endPort?: number;
  port?: number | string;
  protocol: string;
}

export interface NetworkPolicyIngressRuleJson {
  from?: k8s.NetworkPolicyPeer[];
  ports?: NetworkPolicyPortJson[];
}

export interface NetworkPolicyEgressRuleJson {
  ports?: NetworkPolicyPortJson[];
  to?: k8s.NetworkPolicyPeer[];
}

export interface NetworkPolicySpecJson {
  egress?: NetworkPolicyEgressRuleJson[];
  ingress?: NetworkPolicyIngressRuleJson[];
  podSelector: k8s.LabelSelector;
  policyTypes: string[];
}
