// Recipe 04: DENY all traffic from other namespaces (a.k.a. LIMIT access to the current namespace).
// https://github.com/ahmetb/kubernetes-network-policy-recipes/blob/master/04-deny-traffic-from-other-namespaces.md
//
// Intent: the pods of namespace `secondary` accept connections from each other and from nobody
// else (no other namespace, nothing outside the cluster).
import { App, Chart } from 'cdk8s';
import { IsolateNamespace } from '../../src';

export function recipe(app: App): Chart {
  const chart = new Chart(app, 'secondary', { namespace: 'secondary' });
  new IsolateNamespace(chart, 'deny-from-other-namespaces');
  return chart;
}
