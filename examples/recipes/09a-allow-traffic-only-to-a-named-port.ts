// Recipe 09, named-port variant: ALLOW traffic only to the `metrics` port of an application.
// https://github.com/ahmetb/kubernetes-network-policy-recipes/blob/master/09-allow-traffic-only-to-a-port.md
//
// Intent: as recipe 09, but the rule names the container port (`metrics`) instead of its number,
// so it keeps matching when the container moves the port. The API server is a cdk8s-plus
// Deployment: `PodSelector.workload()` selects its pods by their labels (no hashed names), and the
// engine resolves `metrics` on the Deployment's container ports.
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { AllowFrom, Peer, PodSelector, Port } from '../../src';

export function recipe(app: App): Chart {
  const chart = new Chart(app, 'api-named-metrics', { namespace: 'default' });
  const apiserver = new kplus.Deployment(chart, 'apiserver', {
    podMetadata: { labels: { app: 'apiserver' } },
    containers: [{
      image: 'ahmet/app-on-two-ports',
      ports: [{ name: 'http', number: 8000 }, { name: 'metrics', number: 5000 }],
      securityContext: { ensureNonRoot: false },
    }],
  });
  new AllowFrom(chart, 'api-allow-metrics', {
    selector: PodSelector.workload(apiserver),
    from: [Peer.pods({ labels: { role: 'monitoring' } })],
    ports: [Port.named('metrics')],
  });
  return chart;
}
