/**
 * Network policy kinds that change what a real cluster allows but that the analysis does not
 * model: a CNI's own policies (Cilium, Calico, Antrea, OVN-Kubernetes, OpenShift) and the
 * like. The engine reads Kubernetes NetworkPolicies (networking.k8s.io/v1) and the cluster-wide
 * tiers of network-policy-api (`policy.networking.k8s.io` ClusterNetworkPolicy,
 * AdminNetworkPolicy, BaselineAdminNetworkPolicy: SEMANTICS.md section 8), so where any of
 * these are applied its verdicts hold only for the policies it reads; the CLI names every such
 * object it read (SECURITY.md).
 *
 * Matched by API group and kind (the version does not matter: every version of these kinds
 * enforces something).
 */

/** A policy kind the analysis does not model, and what enforces it. */
export interface UnmodelledPolicyKind {
  /** API group, the part of `apiVersion` before `/` */
  readonly group: string;
  readonly kind: string;
  /** who enforces it, for the message (`Cilium`, `Calico`, `network-policy-api`) */
  readonly enforcedBy: string;
}

const KINDS: readonly UnmodelledPolicyKind[] = [
  { group: 'cilium.io', kind: 'CiliumNetworkPolicy', enforcedBy: 'Cilium' },
  { group: 'cilium.io', kind: 'CiliumClusterwideNetworkPolicy', enforcedBy: 'Cilium' },
  { group: 'projectcalico.org', kind: 'NetworkPolicy', enforcedBy: 'Calico' },
  { group: 'projectcalico.org', kind: 'GlobalNetworkPolicy', enforcedBy: 'Calico' },
  { group: 'crd.projectcalico.org', kind: 'NetworkPolicy', enforcedBy: 'Calico' },
  { group: 'crd.projectcalico.org', kind: 'GlobalNetworkPolicy', enforcedBy: 'Calico' },
  { group: 'crd.antrea.io', kind: 'NetworkPolicy', enforcedBy: 'Antrea' },
  { group: 'crd.antrea.io', kind: 'ClusterNetworkPolicy', enforcedBy: 'Antrea' },
  { group: 'k8s.ovn.org', kind: 'EgressFirewall', enforcedBy: 'OVN-Kubernetes' },
  { group: 'network.openshift.io', kind: 'EgressNetworkPolicy', enforcedBy: 'OpenShift SDN' },
  { group: 'k8s.cni.cncf.io', kind: 'MultiNetworkPolicy', enforcedBy: 'multi-networkpolicy' },
  { group: 'networking.gke.io', kind: 'FQDNNetworkPolicy', enforcedBy: 'GKE' },
];

const BY_KEY = new Map(KINDS.map((k) => [`${k.group}/${k.kind}`, k]));

/** The API group of an `apiVersion` (`cilium.io/v2` -> `cilium.io`; `v1` -> `''`, the core group). */
export function apiGroup(apiVersion: unknown): string {
  if (typeof apiVersion !== 'string') return '';
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** The entry for an object of a policy kind the analysis does not model, or undefined. */
export function unmodelledPolicyKind(obj: unknown): UnmodelledPolicyKind | undefined {
  if (typeof obj !== 'object' || obj === null) return undefined;
  const { apiVersion, kind } = obj as { apiVersion?: unknown; kind?: unknown };
  if (typeof kind !== 'string') return undefined;
  return BY_KEY.get(`${apiGroup(apiVersion)}/${kind}`);
}

/** Every policy kind the analysis does not model (for documentation and help). */
export function unmodelledPolicyKinds(): readonly UnmodelledPolicyKind[] {
  return KINDS;
}
