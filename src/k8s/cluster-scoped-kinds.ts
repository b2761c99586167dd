/**
 * Kinds the API server keeps without a namespace (a `metadata.namespace` written on them is
 * dropped): they are named `Kind name`, never `Kind namespace/name`. The built-in ones the
 * readers meet, the cluster-wide policy kinds (network-policy-api's, and those of CNIs the
 * analysis does not model), and every `Cluster*` kind (`ClusterRole`, `ClusterNetworkPolicy`,
 * `ClusterIssuer`, ...) but OLM's namespaced `ClusterServiceVersion`.
 */
const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'StorageClass', 'CustomResourceDefinition',
  'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'GlobalNetworkPolicy', 'CiliumClusterwideNetworkPolicy',
]);

/** `Cluster*` kinds that are namespaced all the same. */
const NAMESPACED_CLUSTER_KINDS: ReadonlySet<string> = new Set(['ClusterServiceVersion']);

/** true when objects of the kind have no namespace. */
export function isClusterScopedKind(kind: string): boolean {
  if (CLUSTER_SCOPED_KINDS.has(kind)) return true;
  return /^Cluster[A-Z]/.test(kind) && !NAMESPACED_CLUSTER_KINDS.has(kind);
}
