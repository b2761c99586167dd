// Recipe 05: ALLOW traffic to an application from all namespaces.
// https://github.com/ahmetb/kubernetes-network-policy-recipes/blob/master/05-allow-traffic-from-all-namespaces.md
//
// Intent: `app=web` accepts connections from every pod of every namespace, even where a policy
// such as recipe 04 would keep other namespaces out. Pods only: an empty namespace selector never
// matches addresses outside the cluster (use `Peer.anywhere()` for those, recipe 08).
import { App, Chart } from 'cdk8s';
import { AllowFrom, IsolateNamespace, Peer } from '../../src';

export function recipe(app: App): Chart {
  const chart = new Chart(app, 'web-from-all-namespaces', { namespace: 'secondary' });
  // the situation the recipe starts from: recipe 04
  new IsolateNamespace(chart, 'deny-from-other-namespaces');
  new AllowFrom(chart, 'web-allow-all-namespaces', { app: 'web', from: [Peer.allPods()] });
  return chart;
}
