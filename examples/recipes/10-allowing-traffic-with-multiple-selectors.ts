// Recipe 10: ALLOW traffic from apps using multiple selectors.
// https://github.com/ahmetb/kubernetes-network-policy-recipes/blob/master/10-allowing-traffic-with-multiple-selectors.md
//
// Intent: the shared Redis (`app=bookstore,role=db`) accepts connections from exactly three
// microservices: bookstore search, bookstore api, and the inventory web catalog. Peers in one
// rule are OR-ed; the labels inside one peer are AND-ed.
import { App, Chart } from 'cdk8s';
import { AllowFrom, Peer, PodSelector, Port } from '../../src';

const service = (app: string, role: string) => Peer.pods({ labels: { app, role } });

export function recipe(app: App): Chart {
  const chart = new Chart(app, 'redis-from-services', { namespace: 'default' });
  new AllowFrom(chart, 'redis-allow-services', {
    selector: PodSelector.labels({ app: 'bookstore', role: 'db' }),
    from: [service('bookstore', 'search'), service('bookstore', 'api'), service('inventory', 'web')],
    ports: [Port.REDIS],
  });
  return chart;
}
