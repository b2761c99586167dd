/**
 * The tier of a `ClusterNetworkPolicy` (SEMANTICS.md section 8.1): each side of a connection is
 * decided by the Admin tier, then by the namespaces' NetworkPolicies, then by the Baseline tier,
 * then allowed by default.
 */
export enum Tier {
  /**
   * Evaluated before every NetworkPolicy: what it accepts or denies, no namespace can change
   * (guardrails: block the metadata endpoints, isolate tenants).
   */
  ADMIN = 'Admin',
  /**
   * Evaluated after the NetworkPolicies, only for traffic no NetworkPolicy decides (pods their
   * namespace does not isolate): cluster-wide defaults a namespace may override.
   */
  BASELINE = 'Baseline',
}
