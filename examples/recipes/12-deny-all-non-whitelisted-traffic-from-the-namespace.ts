// Recipe 12: DENY all non-whitelisted egress traffic from a namespace.
// https://github.com/ahmetb/kubernetes-network-policy-recipes/blob/master/12-deny-all-non-whitelisted-traffic-from-the-namespace.md
//
// Intent: no pod of the namespace can open any connection, DNS included, until other policies
// allow specific destinations. Incoming traffic is not restricted.
//
// `DefaultDeny` keeps DNS unless told otherwise; the recipe wants it gone too, hence
// `allowDns: false`. Most namespaces want the default (names still resolve), or a `Firewall`.
import { App, Chart } from 'cdk8s';
import { DefaultDeny, Direction } from '../../src';

export function recipe(app: App): Chart {
  const chart = new Chart(app, 'default-deny-egress', { namespace: 'default' });
  new DefaultDeny(chart, 'default-deny-all-egress', { direction: Direction.EGRESS, allowDns: false });
  return chart;
}
