import { DefaultDeny, Direction, DnsProvider, NetworkAssertions, PodEndpointProps, PodSelector } from '../../src';
import { COREDNS, INTERNET, errorOf, newChart, policy, yaml } from '../support/policy-helpers';

describe('DefaultDeny', () => {
  describe('snapshots', () => {
    test('both directions, DNS kept (the default)', () => {
      const chart = newChart('shop');
      new DefaultDeny(chart, 'default-deny');
      expect(yaml(chart)).toMatchSnapshot();
    });

    test('ingress only', () => {
      const chart = newChart('shop');
      new DefaultDeny(chart, 'default-deny-ingress', { direction: Direction.INGRESS });
      expect(yaml(chart)).toMatchSnapshot();
    });

    test('egress only, DNS kept', () => {
      const chart = newChart('shop');
      new DefaultDeny(chart, 'default-deny-egress', { direction: Direction.EGRESS });
      expect(yaml(chart)).toMatchSnapshot();
    });

    test('both directions without DNS, for one app', () => {
      const chart = newChart('shop');
      new DefaultDeny(chart, 'deny-web', { app: 'web', allowDns: false });
      expect(yaml(chart)).toMatchSnapshot();
    });

    test('with NodeLocal DNSCache', () => {
      const chart = newChart('shop');
      new DefaultDeny(chart, 'default-deny', { dnsProvider: DnsProvider.nodeLocal(), selector: PodSelector.labels({ tier: 'api' }) });
      expect(yaml(chart)).toMatchSnapshot();
    });
  });

  describe('semantics', () => {
    // GIVEN the pods every test asks about: two in the policy's namespace, one elsewhere, the
    // cluster DNS and a look-alike DNS pod outside kube-system
    const pods: PodEndpointProps[] = [
      { namespace: 'shop', name: 'web', labels: { app: 'web' } },
      { namespace: 'shop', name: 'db', labels: { tier: 'db' } },
      { namespace: 'other', name: 'client', labels: { app: 'web' } },
      COREDNS,
      { namespace: 'other', name: 'fake-dns', labels: { 'k8s-app': 'kube-dns' } },
    ];
    const SHOP = ['shop/web', 'shop/db'];

    test('both: isolates both directions, admits no ingress, admits only DNS on egress', () => {
      // GIVEN
      const chart = newChart('shop');
      // WHEN
      new DefaultDeny(chart, 'deny');
      // THEN
      const net = NetworkAssertions.fromChart(chart, { pods });
      for (const pod of SHOP) {
        net.isolated(pod, Direction.BOTH);
        for (const from of ['other/client', 'kube-system/coredns', ...INTERNET]) net.deniesAll(from, pod);
        net.allowsOnly(pod, 'kube-system/coredns', 'TCP 53,UDP 53');
        net.deniesAll(pod, 'other/fake-dns'); // namespace AND labels: kube-system only
        net.deniesAll(pod, 'other/client');
        for (const ip of INTERNET) net.deniesAll(pod, ip);
      }
      net.deniesAll('shop/web', 'shop/db').deniesAll('shop/db', 'shop/web');
      // the policy selects its own namespace only
      net.notIsolated('other/client', Direction.BOTH).allowsOnly('other/client', '8.8.8.8', 'All Connections');
    });

    test('ingress only: no DNS rule, no egress isolation', () => {
      // GIVEN
      const chart = newChart('shop');
      // WHEN
      const p = new DefaultDeny(chart, 'deny', { direction: Direction.INGRESS });
      // THEN
      expect(p.allowDns).toBe(false);
      const net = NetworkAssertions.fromChart(chart, { pods });
      for (const pod of SHOP) {
        net.isolated(pod, Direction.INGRESS).notIsolated(pod, Direction.EGRESS);
        for (const from of ['other/client', ...INTERNET]) net.deniesAll(from, pod);
        for (const to of ['other/client', 'other/fake-dns', 'kube-system/coredns', ...INTERNET]) net.allowsOnly(pod, to, 'All Connections');
      }
      net.deniesAll('shop/web', 'shop/db');
    });

    test('allowDns: false denies every egress', () => {
      // GIVEN
      const chart = newChart('shop');
      // WHEN
      new DefaultDeny(chart, 'deny', { direction: Direction.EGRESS, allowDns: false });
      // THEN
      const net = NetworkAssertions.fromChart(chart, { pods });
      for (const pod of SHOP) {
        net.isolated(pod, Direction.EGRESS).notIsolated(pod, Direction.INGRESS);
        for (const to of ['other/client', 'kube-system/coredns', ...INTERNET]) net.deniesAll(pod, to);
        for (const from of ['other/client', ...INTERNET]) net.allowsOnly(from, pod, 'All Connections');
      }
      net.deniesAll('shop/web', 'shop/db');
    });

    test('for one app: only its pods are isolated; without DNS they reach nothing', () => {
      // GIVEN
      const chart = newChart('shop');
      // WHEN
      new DefaultDeny(chart, 'deny-web', { app: 'web', allowDns: false });
      // THEN
      const net = NetworkAssertions.fromChart(chart, { pods });
      net.isolated('shop/web', Direction.BOTH).notIsolated('shop/db', Direction.BOTH);
      net.deniesAll('shop/web', 'kube-system/coredns').deniesAll('shop/web', 'shop/db').deniesAll('shop/db', 'shop/web');
      net.allowsOnly('shop/db', 'kube-system/coredns', 'All Connections').allowsOnly('other/client', 'shop/db', 'All Connections');
    });

    test('with NodeLocal DNSCache: the node-local address and the kube-dns fallback, on 53 only, for the selected pods', () => {
      // GIVEN
      const chart = newChart('shop');
      // WHEN
      new DefaultDeny(chart, 'default-deny', { dnsProvider: DnsProvider.nodeLocal(), selector: PodSelector.labels({ tier: 'api' }) });
      // THEN
      const net = NetworkAssertions.fromChart(chart, { pods: [...pods, { namespace: 'shop', name: 'api', labels: { tier: 'api' } }] });
      net.isolated('shop/api', Direction.BOTH).notIsolated('shop/web', Direction.BOTH);
      net.allowsOnly('shop/api', '169.254.20.10', 'TCP 53,UDP 53').allowsOnly('shop/api', 'kube-system/coredns', 'TCP 53,UDP 53');
      net.deniesAll('shop/api', '169.254.20.11').deniesAll('shop/api', '8.8.8.8').deniesAll('shop/web', 'shop/api');
    });

    test('the manifest spells policyTypes out and writes no empty rule lists', () => {
      // GIVEN
      const chart = newChart('shop');
      // WHEN
      new DefaultDeny(chart, 'in', { direction: Direction.INGRESS });
      new DefaultDeny(chart, 'out', { direction: Direction.EGRESS, allowDns: false });
      new DefaultDeny(chart, 'both', { allowDns: false });
      // THEN
      expect(policy(chart, 'in').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
      expect(policy(chart, 'out').spec).toEqual({ podSelector: {}, policyTypes: ['Egress'] });
      expect(policy(chart, 'both').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    });
  });

  describe('bad input', () => {
    test('allowDns with ingress only', () => {
      expect(errorOf(() => new DefaultDeny(newChart('shop'), 'deny', { direction: Direction.INGRESS, allowDns: true }))).toBe(
        'test/deny (DefaultDeny): allowDns: true needs egress to be denied (direction EGRESS or BOTH): an ingress-only policy does not restrict DNS');
    });

    test('dnsProvider without DNS', () => {
      expect(errorOf(() => new DefaultDeny(newChart('shop'), 'deny', { allowDns: false, dnsProvider: DnsProvider.openShift() }))).toBe(
        'test/deny (DefaultDeny): dnsProvider is given but DNS is not allowed (allowDns: false, or ingress only): remove one of them');
    });

    test('invalid direction', () => {
      expect(errorOf(() => new DefaultDeny(newChart('shop'), 'deny', { direction: 'in' as Direction }))).toBe(
        'test/deny (DefaultDeny): invalid direction "in": must be Direction.INGRESS, Direction.EGRESS or Direction.BOTH');
    });
  });
});
