// Recipe 02: LIMIT traffic to an application.
// https://github.com/ahmetb/kubernetes-network-policy-recipes/blob/master/02-limit-traffic-to-an-application.md
//
// Intent: the bookstore API (`app=bookstore,role=api`) accepts connections only from the other
// bookstore microservices (`app=bookstore`) of its namespace; everyone else is refused.
import { App, Chart } from 'cdk8s';
import { AllowFrom, Peer, PodSelector } from '../../src';

export function recipe(app: App): Chart {
  const chart = new Chart(app, 'limit-to-api', { namespace: 'default' });
  new AllowFrom(chart, 'api-allow', {
    selector: PodSelector.labels({ app: 'bookstore', role: 'api' }),
    from: [Peer.pods({ labels: { app: 'bookstore' } })],
  });
  return chart;
}
