/**
 * The NetworkPolicy spec in its manifest shape, as plain JSON (ports are numbers or names, not
 * `IntOrString` objects). The constructs render this directly; cdk8s sorts the keys when it
 * writes the manifest. Types only: no cdk8s, so every layer can use them.
 */

/** One `matchExpressions` entry of a label selector. */
export interface LabelSelectorRequirementJson {
  key: string;
  operator: string;
  values?: string[];
}

/** A label selector; `{}` selects everything. */
export interface LabelSelectorJson {
  matchExpressions?: LabelSelectorRequirementJson[];
  matchLabels?: Record<string, string>;
}

/** An ipBlock peer. */
export interface IpBlockJson {
  cidr: string;
  except?: string[];
}

/** One peer of a rule: an ipBlock, or pods and/or namespaces by selector. */
export interface NetworkPolicyPeerJson {
  ipBlock?: IpBlockJson;
  namespaceSelector?: LabelSelectorJson;
  podSelector?: LabelSelectorJson;
}

export interface NetworkPolicyPortJson {
  endPort?: number;
  port?: number | string;
  protocol: string;
}

export interface NetworkPolicyIngressRuleJson {
  from?: NetworkPolicyPeerJson[];
  ports?: NetworkPolicyPortJson[];
}

export interface NetworkPolicyEgressRuleJson {
  ports?: NetworkPolicyPortJson[];
  to?: NetworkPolicyPeerJson[];
}

export interface NetworkPolicySpecJson {
  egress?: NetworkPolicyEgressRuleJson[];
  ingress?: NetworkPolicyIngressRuleJson[];
  podSelector: LabelSelectorJson;
  policyTypes: string[];
}
