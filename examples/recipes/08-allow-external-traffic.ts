// Recipe 08: ALLOW traffic from external clients.
// https://github.com/ahmetb/kubernetes-network-policy-recipes/blob/master/08-allow-external-traffic.md
//
// Intent: in a namespace that denies all non-whitelisted traffic, `app=web` serves clients from
// the public internet (directly or through a load balancer) on port 80, and nothing else changes:
// the rest of the namespace stays closed, and web itself still may not call out.
//
// The Firewall says it in two lines: the default deny (both directions, DNS kept) and one
// `allowFromAnywhere`, which writes the ingress rule without `from` (every source, inside and
// outside the cluster). Replies to accepted connections always pass.
import { App, Chart } from 'cdk8s';
import { Firewall, Peer, Port } from '../../src';

export function recipe(app: App): Chart {
  const chart = new Chart(app, 'web-from-internet', { namespace: 'default' });
  const fw = new Firewall(chart, 'fw');
  fw.allowFromAnywhere(Peer.app('web'), [Port.HTTP]);
  return chart;
}
