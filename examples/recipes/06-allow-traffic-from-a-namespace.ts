// Recipe 06: ALLOW all traffic from a namespace.
// https://github.com/ahmetb/kubernetes-network-policy-recipes/blob/master/06-allow-traffic-from-a-namespace.md
//
// Intent: `app=web` (namespace `default`) accepts connections only from the pods of namespaces
// labelled `purpose=production`; the `dev` namespace (`purpose=testing`) is refused.
//
// This is a one-sided sentence on purpose: namespaces chosen by LABELS cannot carry a policy of
// ours (which namespaces are they?), so a `Firewall` refuses `allow(Peer.namespaces(...), ...)`
// and says to name the namespaces or to write the ingress half with `AllowFrom`, as here.
import { App, Chart } from 'cdk8s';
import { AllowFrom, Peer } from '../../src';

export function recipe(app: App): Chart {
  const chart = new Chart(app, 'web-from-prod', { namespace: 'default' });
  new AllowFrom(chart, 'web-allow-prod', { app: 'web', from: [Peer.namespaces({ purpose: 'production' })] });
  return chart;
}
