// Recipe 11: DENY egress traffic from an application.
// https://github.com/ahmetb/kubernetes-network-policy-recipes/blob/master/11-deny-egress-traffic-from-an-application.md
//
// Intent: the pods labelled `app=foo` cannot open any connection, except to resolve names.
//
// The recipe keeps DNS with a rule that has ports 53 and no `to`, which also lets foo talk to ANY
// host on port 53, a classic exfiltration channel. `DefaultDeny` keeps DNS to the cluster DNS pods
// only (`k8s-app=kube-dns` in `kube-system`); the test shows the difference through the engine.
import { App, Chart } from 'cdk8s';
import { DefaultDeny, Direction } from '../../src';

export function recipe(app: App): Chart {
  const chart = new Chart(app, 'foo-no-egress', { namespace: 'default' });
  new DefaultDeny(chart, 'foo-deny-egress', { app: 'foo', direction: Direction.EGRESS }); // DNS kept
  return chart;
}
