// Seed 004's guide (default-namespace-guide.ts) and the metadata scenario (metadata-blocking.ts)
// rewritten with the cluster tiers of network-policy-api (ClusterNetworkPolicy v1alpha2).
//
// The guide broke its own allows: its per-namespace egress default-deny (without DNS, without the
// egress halves) kept `allow-frontend-to-backend` and admin-ui -> api closed. Here the platform
// team writes the guardrails once, for every namespace:
// - `ClusterBlockMetadata` (Admin tier): the metadata endpoints are denied before any
//   NetworkPolicy is read, so the team's broad `AllowTo(Peer.anywhere())` cannot re-open them;
//   pods labelled `cloud-credentials` are exempt (their namespace's policies decide for them).
// - `ClusterDefaultDeny` for ingress (Baseline tier): every pod of every non-system namespace
//   refuses connections from pods unless its own NetworkPolicies admit them. Egress stays open at
//   the cluster level, so an `AllowFrom` (the receiver's half) is all a team writes: the guide's
//   allows work as their names say.
// The team keeps its allows; its egress rules for the frontend name what the frontend reaches.
import { App, Chart } from 'cdk8s';
import {
  AllowDns, AllowFrom, AllowTo, ClusterBlockMetadata, ClusterDefaultDeny, Direction, LabelOperator, Peer, Port, Subject,
} from '../src';

/**
 * Builds the platform's guardrails (a chart without a namespace: cluster policies have none) and
 * the guide's team policies (namespace `default`) into `app`.
 */
export function clusterGuardrails(app: App): Chart[] {
  const platform = new Chart(app, 'platform');
  new ClusterBlockMetadata(platform, 'block-metadata', {
    exempt: Subject.pods({ expressions: [{ key: 'cloud-credentials', operator: LabelOperator.EXISTS }], allNamespaces: true }),
  });
  new ClusterDefaultDeny(platform, 'default-deny-ingress', { direction: Direction.INGRESS });

  const guide = new Chart(app, 'guide', { namespace: 'default' });
  new AllowFrom(guide, 'allow-frontend-to-backend', { app: 'backend', from: [Peer.app('frontend')], ports: [Port.tcp(8080)] });
  new AllowFrom(guide, 'allow-monitoring-namespace', { from: [Peer.namespaces({ purpose: 'monitoring' })] });
  new AllowFrom(guide, 'allow-external-to-web', { app: 'web', ports: [Port.HTTP, Port.HTTPS] });
  new AllowFrom(guide, 'allow-specific-pods-from-namespace', {
    app: 'database',
    from: [Peer.pods({ labels: { role: 'db-client' }, namespaceLabels: { purpose: 'backend' } })],
  });
  new AllowFrom(guide, 'allow-multiple-sources', { app: 'api', from: [Peer.app('frontend'), Peer.app('admin-ui')] });
  // the frontend's egress, now complete: the api and the backend on 8080, DNS on UDP and TCP 53
  new AllowTo(guide, 'frontend-egress', { app: 'frontend', to: [Peer.app('api'), Peer.app('backend')], ports: [Port.tcp(8080)] });
  new AllowDns(guide, 'frontend-dns', { app: 'frontend' });
  // a broad allow, as teams write them: it no longer re-opens the metadata endpoints
  new AllowTo(guide, 'web-egress', { app: 'web', to: [Peer.anywhere()] });
  return [platform, guide];
}
