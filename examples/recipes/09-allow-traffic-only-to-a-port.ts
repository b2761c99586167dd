// Recipe 09: ALLOW traffic only to a port of an application.
// https://github.com/ahmetb/kubernetes-network-policy-recipes/blob/master/09-allow-traffic-only-to-a-port.md
//
// Intent: the monitoring pods (`role=monitoring`) may scrape the API server (`app=apiserver`) on
// its metrics port 5000, and nothing else; nobody else reaches the API server at all.
// Ports in policies are the POD's ports (5000), not the Service's (5001). See 09a for the same
// with a named port, which follows the container if the number changes.
import { App, Chart } from 'cdk8s';
import { AllowFrom, Peer, Port } from '../../src';

export function recipe(app: App): Chart {
  const chart = new Chart(app, 'api-metrics', { namespace: 'default' });
  new AllowFrom(chart, 'api-allow-5000', {
    app: 'apiserver',
    from: [Peer.pods({ labels: { role: 'monitoring' } })],
    ports: [Port.tcp(5000)],
  });
  return chart;
}
