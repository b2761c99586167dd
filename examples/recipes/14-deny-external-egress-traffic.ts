// Recipe 14: DENY external egress traffic (a.k.a. LIMIT traffic to pods in the cluster).
// https://github.com/ahmetb/kubernetes-network-policy-recipes/blob/master/14-deny-external-egress-traffic.md
//
// Intent: the pods labelled `app=foo` may connect to any pod of the cluster (DNS included: the
// cluster DNS runs as pods) but to no address outside it.
//
// One rule: egress to every pod of every namespace (`namespaceSelector: {}`). Selector peers never
// match addresses outside the cluster, so everything external is refused.
//
// The obvious hand-written versions are subtly wrong, and the test catches each with the engine:
// - putting DNS and the cluster in ONE rule (`to: [namespaceSelector: {}]` and `ports: [53]` in the
//   same list item, a one-dash difference from the recipe) ANDs them: only port 53 is left
//   in-cluster, every other in-cluster connection is dropped;
// - "the cluster is the private ranges" (`ipBlock: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16`)
//   relies on ipBlocks matching pod IPs, which plugins such as Cilium do not do: in-cluster
//   egress, DNS included, is dropped, while external hosts in those ranges are let through;
// - the recipe's own YAML keeps DNS with a `ports: [53]` rule without `to`: port 53 on any
//   external host stays open.
// Under NodeLocal DNSCache (a hostNetwork cache on a link-local address), add
// `new AllowDns(chart, 'foo-allow-dns', { app: 'foo', provider: DnsProvider.nodeLocal() })`.
import { App, Chart } from 'cdk8s';
import { AllowTo, Peer } from '../../src';

export function recipe(app: App): Chart {
  const chart = new Chart(app, 'foo-cluster-only', { namespace: 'default' });
  new AllowTo(chart, 'foo-deny-external-egress', { app: 'foo', to: [Peer.allPods()] });
  return chart;
}
