import { AllowDns, AllowFrom, AllowTo, ClusterDefaultDeny, Direction, DnsProvider, NetworkAssertions, Peer, PodEndpointProps, Port } from '../../../src';
import { errorOf, newChart, yaml } from '../../support/policy-helpers';

// `networks` peers match pods by their IP (SEMANTICS.md 8.3): every pod here has one
const pods: PodEndpointProps[] = [
  { namespace: 'shop', name: 'web', labels: { app: 'web' }, ip: '10.0.0.1' },
  { namespace: 'shop', name: 'api', labels: { app: 'api' }, ip: '10.0.0.2', ports: [{ port: 8080 }] },
  { namespace: 'other', name: 'x', labels: { app: 'x' }, ip: '10.0.1.1' },
  { namespace: 'kube-system', name: 'coredns', labels: { 'k8s-app': 'kube-dns' }, ip: '10.0.2.10' },
];

describe('ClusterDefaultDeny', () => {
  test('snapshot: the default (both directions, system namespaces exempt, DNS kept)', () => {
    const chart = newChart('platform');
    new ClusterDefaultDeny(chart, 'cluster-default-deny');
    expect(yaml(chart)).toMatchSnapshot();
  });

  test('snapshot: egress only, NodeLocal DNSCache, more exempt namespaces', () => {
    const chart = newChart();
    new ClusterDefaultDeny(chart, 'deny-egress', {
      direction: Direction.EGRESS, exemptNamespaces: ['monitoring', 'kube-system', 'monitoring'], dnsProvider: DnsProvider.nodeLocal(), priority: 900,
    });
    expect(yaml(chart)).toMatchSnapshot();
  });

  test('alone: everything between pods of non-system namespaces denied, DNS allowed, the system namespaces untouched', () => {
    const chart = newChart('platform');
    const p = new ClusterDefaultDeny(chart, 'cdd');
    expect(p.exemptNamespaces).toEqual(['kube-node-lease', 'kube-public', 'kube-system']);
    const net = NetworkAssertions.fromChart(chart, { pods });
    net.deniesAll('shop/web', 'shop/api').deniesAll('shop/web', 'other/x').deniesAll('other/x', 'shop/api');
    net.deniesAll('shop/web', '8.8.8.8');
    net.allowsOnly('shop/web', 'kube-system/coredns', 'TCP 53,UDP 53').allowsOnly('other/x', 'kube-system/coredns', 'TCP 53,UDP 53');
    // kube-system is exempt: its own egress is open
    net.allowsOnly('kube-system/coredns', '8.8.8.8', 'All Connections');
    // a ClusterNetworkPolicy ingress rule matches pods only: ingress from outside the cluster is not denied here (documented)
    net.allowsOnly('8.8.8.8', 'shop/web', 'All Connections');
  });

  test("with a team's NetworkPolicies (evaluated first): the allowed pair works, everything else stays denied, DNS works", () => {
    const apps = newChart('platform');
    new ClusterDefaultDeny(apps, 'cdd');
    const shop = newChart('shop', apps.node.scope as any, 'shop');
    new AllowFrom(shop, 'api-from-web', { app: 'api', from: [Peer.app('web')], ports: [Port.tcp(8080)] });
    new AllowTo(shop, 'web-to-api', { app: 'web', to: [Peer.app('api')], ports: [Port.tcp(8080)] });
    new AllowDns(shop, 'web-dns', { app: 'web' });
    const net = NetworkAssertions.fromApp(apps.node.scope as any, { pods });
    net.allowsOnly('shop/web', 'shop/api', 'TCP 8080');
    net.allowsOnly('shop/web', 'kube-system/coredns', 'TCP 53,UDP 53');
    net.deniesAll('other/x', 'shop/api').deniesAll('shop/web', 'other/x').deniesAll('shop/api', 'shop/web').deniesAll('shop/web', '8.8.8.8');
    net.allowsOnly('other/x', 'kube-system/coredns', 'TCP 53,UDP 53');
  });

  test('AllowFrom alone opens the ingress half: the sender\'s egress is still denied by the Baseline tier', () => {
    const chart = newChart('shop');
    new ClusterDefaultDeny(chart, 'cdd');
    new AllowFrom(chart, 'api-from-web', { app: 'api', from: [Peer.app('web')], ports: [Port.tcp(8080)] });
    const net = NetworkAssertions.fromChart(chart, { pods });
    net.deniesAll('shop/web', 'shop/api');
    expect(net.model.explain({ from: 'shop/web', to: 'shop/api', port: 8080 }).egress.text).toMatch(/Baseline tier: ClusterNetworkPolicy cdd spec\.egress\[1\]/);
  });

  test('exempt namespaces none: every namespace, the DNS namespace must then be exempt', () => {
    expect(errorOf(() => new ClusterDefaultDeny(newChart(), 'cdd', { exemptNamespaces: [] }))).toBe(
      'test/cdd (ClusterDefaultDeny): the DNS pods ("k8s-app=kube-dns in namespace kube-system") are in namespace "kube-system", which is not exempt: ' +
      'their ingress would be denied and DNS would break. Keep "kube-system" in exemptNamespaces, or deny egress only (direction: Direction.EGRESS)');
    const chart = newChart();
    new ClusterDefaultDeny(chart, 'cdd', { exemptNamespaces: [], direction: Direction.EGRESS });
    NetworkAssertions.fromChart(chart, { pods }).deniesAll('kube-system/coredns', '8.8.8.8');
  });

  test('errors', () => {
    const chart = newChart();
    expect(errorOf(() => new ClusterDefaultDeny(chart, 'a', { exemptNamespaces: ['Kube-System'] }))).toMatch(
      /^test\/a \(ClusterDefaultDeny\): invalid exemptNamespaces\[0\] "Kube-System": a lowercase RFC 1123 label/);
    expect(errorOf(() => new ClusterDefaultDeny(chart, 'b', { exemptNamespaces: 'kube-system' as any }))).toBe(
      "test/b (ClusterDefaultDeny): invalid exemptNamespaces \"kube-system\": must be a list of namespace names, e.g. ['kube-system']");
    expect(errorOf(() => new ClusterDefaultDeny(chart, 'c', { direction: Direction.INGRESS, allowDns: true }))).toBe(
      'test/c (ClusterDefaultDeny): allowDns: true needs egress to be denied (direction EGRESS or BOTH): an ingress-only policy does not restrict DNS');
    expect(errorOf(() => new ClusterDefaultDeny(chart, 'd', { allowDns: false, dnsProvider: DnsProvider.kubeDns() }))).toBe(
      'test/d (ClusterDefaultDeny): dnsProvider is given but DNS is not allowed (allowDns: false, or ingress only): remove one of them');
    expect(errorOf(() => new ClusterDefaultDeny(chart, 'e', { direction: 'both' as any }))).toBe(
      'test/e (ClusterDefaultDeny): invalid direction "both": must be Direction.INGRESS, Direction.EGRESS or Direction.BOTH');
    expect(errorOf(() => new ClusterDefaultDeny(chart, 'f', { dirction: Direction.EGRESS } as any))).toBe(
      'test/f (ClusterDefaultDeny): unknown prop "dirction" (did you mean "direction"?): valid props are allowDns, direction, dnsProvider, exemptNamespaces, name, priority');
    expect(errorOf(() => new ClusterDefaultDeny(chart, 'g', { priority: -1 }))).toMatch(/^test\/g \(ClusterDefaultDeny\): invalid props: .*spec\.priority: Invalid value: -1/);
    expect(errorOf(() => new ClusterDefaultDeny(chart, 'h', { dnsProvider: 'kube-dns' as any }))).toBe(
      'test/h (ClusterDefaultDeny): invalid dnsProvider "kube-dns": must be a DnsProvider, e.g. DnsProvider.nodeLocal()');
  });
});
