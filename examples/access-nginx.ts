// Reproduces every policy of seed 002 ("Enforcing Network Policies in Kubernetes",
// kubernetes.io blog, 2017).
import { App, Chart } from 'cdk8s';
import { AllowFrom, DefaultDeny, Direction, Peer, Port } from '../src';

/**
 * Builds the seed's policies into `app`, in a chart without a namespace (as in the article:
 * `kubectl apply -n` decides).
 */
export function accessNginx(app: App): Chart {
  const chart = new Chart(app, 'access-nginx');

  // "Example: restricting traffic to a pod": only pods `app: foo` may talk to `app: nginx`.
  // (The article omits policyTypes; the API server defaults it to [Ingress], written out here.)
  new AllowFrom(chart, 'access-nginx', { app: 'nginx', from: [Peer.app('foo')] });

  // "Example: restricting traffic between all pods by default": an empty podSelector and no
  // policyTypes, which the API server reads as ingress-only.
  new DefaultDeny(chart, 'default-deny', { direction: Direction.INGRESS });

  // "Multiple ingress rules on a single policy": pods `kind: monitoring` on 9000, and pods
  // `app: foo` on 80, in one NetworkPolicy. (The article gives no target: `app: web` here.)
  const web = new AllowFrom(chart, 'web-ingress', {
    app: 'web',
    from: [Peer.pods({ labels: { kind: 'monitoring' } })],
    ports: [Port.tcp(9000)],
  });
  web.addRule([Peer.app('foo')], [Port.HTTP]);

  return chart;
}
