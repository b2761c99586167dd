import { AllowDns, DnsProvider, Peer, Port } from '../src';
import { errorOf, newChart, policy, yaml } from './policy-helpers';

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
    test('kube-dns: egress to kube-system k8s-app=kube-dns on UDP and TCP 53, nothing else', () => {
      const chart = newChart('shop');
      const p = new AllowDns(chart, 'dns');
      expect(p.provider.toString()).toBe('kube-dns');
      expect(policy(chart, 'dns').spec).toEqual({
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [{
          to: [{
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
            podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
          }],
          ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }],
        }],
      });
    });

    test('NodeLocal DNSCache is reached through an ipBlock (hostNetwork), kube-dns kept as fallback', () => {
      const chart = newChart('shop');
      new AllowDns(chart, 'dns', { provider: DnsProvider.nodeLocal() });
      const to = policy(chart, 'dns').spec.egress[0].to;
      expect(to[0]).toEqual({ ipBlock: { cidr: '169.254.20.10/32' } });
      expect(to[1].podSelector).toEqual({ matchLabels: { 'k8s-app': 'kube-dns' } });
    });

    test('OpenShift: openshift-dns on 5353 and 53', () => {
      const chart = newChart('shop');
      new AllowDns(chart, 'dns', { provider: DnsProvider.openShift() });
      const rule = policy(chart, 'dns').spec.egress[0];
      expect(rule.to[0].namespaceSelector).toEqual({ matchLabels: { 'kubernetes.io/metadata.name': 'openshift-dns' } });
      expect(rule.ports.map((p: any) => `${p.protocol} ${p.port}`)).toEqual(['UDP 53', 'TCP 53', 'UDP 5353', 'TCP 5353']);
    });

    test('GKE Cloud DNS: the metadata address on port 53 only', () => {
      const chart = newChart('shop');
      new AllowDns(chart, 'dns', { provider: DnsProvider.gkeCloudDns() });
      expect(policy(chart, 'dns').spec.egress).toEqual([{
        to: [{ ipBlock: { cidr: '169.254.169.254/32' } }],
        ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }],
      }]);
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
