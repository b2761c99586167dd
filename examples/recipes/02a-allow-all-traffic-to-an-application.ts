// Recipe 02a: ALLOW all traffic to an application.
// https://github.com/ahmetb/kubernetes-network-policy-recipes/blob/master/02a-allow-all-traffic-to-an-application.md
//
// Intent: `app=web` accepts everything, even where a deny-all policy (recipe 01) selects it:
// policies never deny, they only add what is allowed, so one rule admitting every peer on every
// port wins over any isolation.
import { App, Chart } from 'cdk8s';
import { AllowFrom, DefaultDeny, Direction, Peer } from '../../src';

export function recipe(app: App): Chart {
  const chart = new Chart(app, 'allow-all-to-web', { namespace: 'default' });
  // what recipe 01 left behind
  new DefaultDeny(chart, 'web-deny-all', { app: 'web', direction: Direction.INGRESS });
  // `ingress: [{}]`: every peer, every port
  new AllowFrom(chart, 'web-allow-all', { app: 'web', from: [Peer.anywhere()] });
  return chart;
}
