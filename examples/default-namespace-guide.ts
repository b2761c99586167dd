// Reproduces every policy of seed 004 ("Network Policies" best-practices guide), in namespace
// `default` as in the article.
//
// Applied together, as the guide suggests ("start with default deny policies"), they do not do
// what their names say, and the engine shows it (see the test): the guide's egress default-deny
// has no DNS and no egress half for its allows, so `allow-frontend-to-backend` (ingress on the
// backend only) never lets the frontend reach the backend, admin-ui cannot reach the api although
// the api admits it, and the frontend's DNS rule opens UDP 53 but not TCP 53. Each allow needs
// its egress half on the client too: `Firewall.allow()` writes both (three-tier-firewall.ts),
// and `cdk8s-netpol lint` reports both the half-open allows (NP013) and the missing DNS (NP003).
import { App, Chart } from 'cdk8s';
import { AllowFrom, AllowTo, DefaultDeny, Direction, Peer, Port } from '../src';

/**
 * Builds the guide's policies into `app`.
 */
export function defaultNamespaceGuide(app: App): Chart {
  const chart = new Chart(app, 'guide', { namespace: 'default' });

  // Default deny: ingress, egress, both. The article denies DNS too (`allowDns: false`); our
  // default would keep it, which is usually what you want.
  new DefaultDeny(chart, 'default-deny-ingress', { direction: Direction.INGRESS });
  new DefaultDeny(chart, 'default-deny-egress', { direction: Direction.EGRESS, allowDns: false });
  new DefaultDeny(chart, 'default-deny-all', { allowDns: false });

  // Allow traffic between specific pods
  new AllowFrom(chart, 'allow-frontend-to-backend', {
    app: 'backend',
    from: [Peer.app('frontend')],
    ports: [Port.tcp(8080)],
  });

  // Allow traffic from specific namespaces
  new AllowFrom(chart, 'allow-monitoring-namespace', {
    from: [Peer.namespaces({ purpose: 'monitoring' })],
  });

  // Allow external traffic to specific pods (`from: []`: every source)
  new AllowFrom(chart, 'allow-external-to-web', {
    app: 'web',
    ports: [Port.HTTP, Port.HTTPS],
  });

  // Combining selectors (AND): pods `role: db-client` INSIDE namespaces `purpose: backend`,
  // one peer with both selectors
  new AllowFrom(chart, 'allow-specific-pods-from-namespace', {
    app: 'database',
    from: [Peer.pods({ labels: { role: 'db-client' }, namespaceLabels: { purpose: 'backend' } })],
  });

  // Multiple peers (OR): frontend OR admin-ui
  new AllowFrom(chart, 'allow-multiple-sources', {
    app: 'api',
    from: [Peer.app('frontend'), Peer.app('admin-ui')],
  });

  // Egress: the api on 8080, and UDP 53 to anywhere (as in the article; `AllowDns` is tighter:
  // the cluster DNS pods only, UDP and TCP)
  const egress = new AllowTo(chart, 'allow-dns-and-api', {
    app: 'frontend',
    to: [Peer.app('api')],
    ports: [Port.tcp(8080)],
  });
  egress.addRule([Peer.anywhere()], [Port.DNS_UDP]);

  return chart;
}
