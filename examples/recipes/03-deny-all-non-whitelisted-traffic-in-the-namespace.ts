// Recipe 03: DENY all non-whitelisted traffic in the current namespace.
// https://github.com/ahmetb/kubernetes-network-policy-recipes/blob/master/03-deny-all-non-whitelisted-traffic-in-the-namespace.md
//
// Intent: every pod of the namespace refuses all incoming traffic unless another policy allows
// it: the baseline to which allow policies are added. Outgoing traffic is not restricted here
// (see recipe 12 for that, or the `Firewall` for both directions at once).
import { App, Chart } from 'cdk8s';
import { DefaultDeny, Direction } from '../../src';

export function recipe(app: App): Chart {
  const chart = new Chart(app, 'default-deny-ingress', { namespace: 'default' });
  new DefaultDeny(chart, 'default-deny-all', { direction: Direction.INGRESS });
  return chart;
}
