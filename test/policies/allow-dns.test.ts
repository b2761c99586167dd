import { AllowDns, Direction, DnsProvider, NetworkAssertions, Peer, PodEndpointProps, Port } from '../../src';
import { COREDNS, INTERNET, errorOf, newChart, policy, yaml } from '../support/policy-helpers';

describe('AllowDns', () => {
  describe('snapshots', () => {
    test('kube-dns (the default)', () => {
      const chart = newChart('shop');
      new AllowDns(chart, 'allow-dns');
      expect(yaml(chart)).toMatchSnapshot();
    });

    test('NodeLocal DNSCache, with the kube-dns fallback', () => {
      const chart = newChart('shop');
      new AllowDns(chart, 'allow-dns', { provider: DnsProvider.nodeLocal() });
      expect(yaml(chart)).toMatchSnapshot();
    });

    test('NodeLocal DNSCache in iptables mode (service IP), without fallback', () => {
      const chart = newChart('shop');
      new AllowDns(chart, 'allow-dns', {
        app: 'web',
        provider: DnsProvider.nodeLocal({ address: '169.254.20.11', kubeDnsServiceIp: '10.96.0.10', includeKubeDns: false }),
      });
      expect(yaml(chart)).toMatchSnapshot();
    });

    test('OpenShift DNS', () => {
      const chart = newChart('shop');
      new AllowDns(chart, 'allow-dns', { provider: DnsProvider.openShift() });
      expect(yaml(chart)).toMatchSnapshot();
    });

    test('GKE Cloud DNS', () => {
      const chart = newChart('shop');
      new AllowDns(chart, 'allow-dns', { provider: DnsProvider.gkeCloudDns() });
      expect(yaml(chart)).toMatchSnapshot();
    });

    test('custom resolver', () => {
      const chart = newChart('shop');
      new AllowDns(chart, 'allow-dns', { provider: DnsProvider.custom([Peer.ipv4('10.0.0.2/32')], [Port.DNS_UDP]) });
      expect(yaml(chart)).toMatchSnapshot();
    });
  });

  describe('semantics', () => {
    // GIVEN a pod that needs names, the DNS pods of each provider, and pods that only look like them
    const pods: PodEndpointProps[] = [
      { namespace: 'shop', name: 'web', labels: { app: 'web' } },
      { namespace: 'shop', name: 'api', labels: { app: 'api' } },
      COREDNS,
      { namespace: 'kube-system', name: 'metrics-server', labels: { 'k8s-app': 'metrics-server' } },
      { namespace: 'shop', name: 'fake-dns', labels: { 'k8s-app': 'kube-dns' } },
      { namespace: 'openshift-dns', name: 'dns-default', labels: { 'dns.operator.openshift.io/daemonset-dns': 'default' } },
    ];

    test('kube-dns: egress to kube-system k8s-app=kube-dns on UDP and TCP 53, nothing else', () => {
      // GIVEN
      const chart = newChart('shop');
      // WHEN
      const p = new AllowDns(chart, 'dns');
      // THEN
      expect(p.provider.toString()).toBe('kube-dns');
      const net = NetworkAssertions.fromChart(chart, { pods });
      net.isolated('shop/web', Direction.EGRESS).notIsolated('shop/web', Direction.INGRESS);
      net.allowsOnly('shop/web', 'kube-system/coredns', 'TCP 53,UDP 53');
      for (const to of ['kube-system/metrics-server', 'shop/fake-dns', 'openshift-dns/dns-default', 'shop/api', '169.254.20.10', ...INTERNET]) {
        net.deniesAll('shop/web', to);
      }
    });

    test('NodeLocal DNSCache is reached through an ipBlock (hostNetwork), kube-dns kept as fallback', () => {
      // GIVEN
      const chart = newChart('shop');
      // WHEN
      new AllowDns(chart, 'dns', { provider: DnsProvider.nodeLocal() });
      // THEN
      const net = NetworkAssertions.fromChart(chart, { pods });
      net.allowsOnly('shop/web', '169.254.20.10', 'TCP 53,UDP 53');
      net.allowsOnly('shop/web', 'kube-system/coredns', 'TCP 53,UDP 53');
      for (const to of ['169.254.20.11', 'kube-system/metrics-server', 'shop/fake-dns', ...INTERNET]) net.deniesAll('shop/web', to);
      // the node-local cache runs on the node's network: an address, not a pod selector
      expect(policy(chart, 'dns').spec.egress[0].to[0]).toEqual({ ipBlock: { cidr: '169.254.20.10/32' } });
    });

    test('NodeLocal DNSCache in iptables mode, without fallback: the two addresses only, for the selected app', () => {
      // GIVEN
      const chart = newChart('shop');
      // WHEN
      new AllowDns(chart, 'dns', {
        app: 'web',
        provider: DnsProvider.nodeLocal({ address: '169.254.20.11', kubeDnsServiceIp: '10.96.0.10', includeKubeDns: false }),
      });
      // THEN
      const net = NetworkAssertions.fromChart(chart, { pods });
      net.allowsOnly('shop/web', '169.254.20.11', 'TCP 53,UDP 53').allowsOnly('shop/web', '10.96.0.10', 'TCP 53,UDP 53');
      net.deniesAll('shop/web', '169.254.20.10').deniesAll('shop/web', 'kube-system/coredns');
      net.notIsolated('shop/api', Direction.BOTH);
    });

    test('OpenShift: openshift-dns on 5353 and 53', () => {
      // GIVEN
      const chart = newChart('shop');
      // WHEN
      new AllowDns(chart, 'dns', { provider: DnsProvider.openShift() });
      // THEN
      const net = NetworkAssertions.fromChart(chart, { pods });
      net.allowsOnly('shop/web', 'openshift-dns/dns-default', 'TCP 53,5353,UDP 53,5353');
      net.deniesAll('shop/web', 'kube-system/coredns');
    });

    test('GKE Cloud DNS: the metadata address on port 53 only', () => {
      // GIVEN
      const chart = newChart('shop');
      // WHEN
      new AllowDns(chart, 'dns', { provider: DnsProvider.gkeCloudDns() });
      // THEN
      const net = NetworkAssertions.fromChart(chart, { pods });
      net.allowsOnly('shop/web', '169.254.169.254', 'TCP 53,UDP 53');
      for (const to of ['kube-system/coredns', '169.254.169.253', ...INTERNET]) net.deniesAll('shop/web', to);
    });

    test('custom resolver: exactly its peers and ports', () => {
      // GIVEN
      const chart = newChart('shop');
      // WHEN
      new AllowDns(chart, 'dns', { provider: DnsProvider.custom([Peer.ipv4('10.0.0.2/32')], [Port.DNS_UDP]) });
      // THEN
      const net = NetworkAssertions.fromChart(chart, { pods });
      net.allowsOnly('shop/web', '10.0.0.2', 'UDP 53');
      net.deniesAll('shop/web', '10.0.0.3').deniesAll('shop/web', 'kube-system/coredns');
    });
  });

  describe('bad input', () => {
    test('invalid NodeLocal address', () => {
      expect(errorOf(() => DnsProvider.nodeLocal({ address: '169.254.20.300' }))).toBe(
        'Invalid NodeLocal DNSCache address "169.254.20.300": Invalid IPv4 CIDR "169.254.20.300" in Peer.ipv4(): must be a valid CIDR, e.g. "10.0.0.0/8" or "2001:db8::/64"');
      expect(errorOf(() => DnsProvider.nodeLocal({ kubeDnsServiceIp: '10.96.0.10/12' }))).toMatch(
        /^Invalid kube-dns Service IP "10.96.0.10\/12": .*Did you mean "10.96.0.0\/12"\?$/);
    });

    test('custom provider without peers or ports', () => {
      expect(errorOf(() => DnsProvider.custom([]))).toBe('Invalid DnsProvider.custom() peers []: give at least one Peer');
      expect(errorOf(() => DnsProvider.custom([Peer.kubeDns()], []))).toBe(
        'Invalid DnsProvider.custom() ports []: give at least one Port, or omit it for UDP and TCP 53');
    });

    test('not a DnsProvider', () => {
      expect(errorOf(() => new AllowDns(newChart('shop'), 'dns', { provider: 'nodelocal' as any }))).toBe(
        'test/dns (AllowDns): invalid provider "nodelocal": must be a DnsProvider, e.g. DnsProvider.nodeLocal()');
    });
  });
});
