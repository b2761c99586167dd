// Recipe 01: DENY all traffic to an application.
// https://github.com/ahmetb/kubernetes-network-policy-recipes/blob/master/01-deny-all-traffic-to-an-application.md
//
// Intent: nothing reaches the pods labelled `app=web` (from the namespace, other namespaces, or
// outside the cluster). Their own outgoing traffic and every other pod are untouched.
// An ingress policy that selects `app=web` and admits nothing says exactly that.
import { App, Chart } from 'cdk8s';
import { DefaultDeny, Direction } from '../../src';

export function recipe(app: App): Chart {
  const chart = new Chart(app, 'deny-all-to-web', { namespace: 'default' });
  new DefaultDeny(chart, 'web-deny-all', { app: 'web', direction: Direction.INGRESS });
  return chart;
}
