import { AllowTo, BlockMetadata, Direction, NetworkAssertions, Peer, PodEndpointProps } from '../../src';
import { COREDNS, INTERNET, errorOf, newChart, yaml } from '../support/policy-helpers';

describe('BlockMetadata', () => {
  describe('snapshots', () => {
    test('every metadata address, IPv4 and IPv6 (the default)', () => {
      const chart = newChart('shop');
      new BlockMetadata(chart, 'block-metadata');
      expect(yaml(chart)).toMatchSnapshot();
    });

    test('overridden addresses, IPv4 only, for one app', () => {
      const chart = newChart('shop');
      new BlockMetadata(chart, 'block-metadata', { app: 'web', addresses: ['169.254.169.254', '100.100.100.200/32'] });
      expect(yaml(chart)).toMatchSnapshot();
    });
  });

  describe('semantics', () => {
    test('the default list covers SEMANTICS.md section 5', () => {
      expect(BlockMetadata.defaultAddresses().sort()).toEqual([
        '100.100.100.200', '169.254.169.254', '169.254.170.2', '169.254.170.23', '169.254.42.42',
        'fd00:42::42', 'fd00:a9fe:a9fe::1', 'fd00:ec2::23', 'fd00:ec2::254', 'fd20:ce::254',
      ]);
    });

    // GIVEN the pods the tests ask about, with IPs so that ipBlockMatchesPods has something to match
    const pods: PodEndpointProps[] = [
      { namespace: 'shop', name: 'web', labels: { app: 'web' }, ip: '10.0.0.5' },
      { namespace: 'shop', name: 'api', labels: { app: 'api' }, ip: '10.0.0.6' },
      { namespace: 'data', name: 'db', ip: '10.0.1.5' },
      { ...COREDNS, ip: '10.0.2.10' },
    ];
    const IPV4_HOSTS = ['169.254.169.254', '169.254.170.2', '169.254.170.23', '169.254.42.42', '100.100.100.200'];
    const IPV6_HOSTS = ['fd00:ec2::254', 'fd00:ec2::23', 'fd20:ce::254', 'fd00:a9fe:a9fe::1', 'fd00:42::42'];

    for (const ipBlockMatchesPods of [false, true]) {
      test(`every metadata host denied on every port; every other address, every pod and DNS allowed (ipBlockMatchesPods: ${ipBlockMatchesPods})`, () => {
        // GIVEN
        const chart = newChart('shop');
        // WHEN
        const p = new BlockMetadata(chart, 'bm');
        // THEN
        expect(p.blockedCidrs).toHaveLength(10);
        const net = NetworkAssertions.fromChart(chart, { pods, ipBlockMatchesPods });
        net.isolated('shop/web', Direction.EGRESS).notIsolated('shop/web', Direction.INGRESS);
        for (const host of [...IPV4_HOSTS, ...IPV6_HOSTS]) net.deniesAll('shop/web', host);
        // the rule has no ports: everything else is open on every port
        for (const to of ['data/db', 'shop/api', 'kube-system/coredns', ...INTERNET]) net.allowsOnly('shop/web', to, 'All Connections');
      });
    }

    test('only the metadata hosts are excepted, not all of link-local (NodeLocal DNSCache stays reachable)', () => {
      // GIVEN
      const chart = newChart('shop');
      // WHEN
      new BlockMetadata(chart, 'bm');
      // THEN each host is blocked alone (a /32 or /128): its neighbours are reachable
      const net = NetworkAssertions.fromChart(chart, { pods });
      for (const to of ['169.254.20.10', '169.254.0.1', '169.254.169.253', '169.254.169.255', '100.100.100.201', 'fd00:ec2::253', 'fd00:ec2::255', 'fe80::1']) {
        net.allowsOnly('shop/web', to, 'All Connections');
      }
    });

    test('overridden addresses (the snapshot): those blocked, the defaults not, only for the selected app', () => {
      // GIVEN
      const chart = newChart('shop');
      // WHEN
      new BlockMetadata(chart, 'bm', { app: 'web', addresses: ['169.254.169.254', '100.100.100.200/32'] });
      // THEN
      const net = NetworkAssertions.fromChart(chart, { pods });
      net.deniesAll('shop/web', '169.254.169.254').deniesAll('shop/web', '100.100.100.200');
      for (const to of ['169.254.170.2', 'fd00:ec2::254', 'data/db', ...INTERNET]) net.allowsOnly('shop/web', to, 'All Connections');
      net.notIsolated('shop/api', Direction.BOTH).allowsOnly('shop/api', '169.254.169.254', 'All Connections');
    });

    test('policies never deny: another policy allowing the address re-opens it (documented)', () => {
      // GIVEN
      const chart = newChart('shop');
      new BlockMetadata(chart, 'bm');
      NetworkAssertions.fromChart(chart, { pods }).deniesAll('shop/web', '169.254.169.254');
      // WHEN
      new AllowTo(chart, 'to-imds', { to: [Peer.ipv4('169.254.169.254/32')] });
      // THEN
      NetworkAssertions.fromChart(chart, { pods }).allowsOnly('shop/web', '169.254.169.254', 'All Connections').deniesAll('shop/web', 'fd00:ec2::254');
    });
  });

  describe('bad input', () => {
    test('not an address', () => {
      expect(errorOf(() => new BlockMetadata(newChart('shop'), 'bm', { addresses: ['metadata.google.internal'] }))).toBe(
        'test/bm (BlockMetadata): invalid addresses[0] "metadata.google.internal": must be an IP address (e.g. "169.254.169.254") or a CIDR');
    });

    test('non-canonical CIDR', () => {
      expect(errorOf(() => new BlockMetadata(newChart('shop'), 'bm', { addresses: ['169.254.169.254/16'] }))).toBe(
        'test/bm (BlockMetadata): invalid addresses[0] "169.254.169.254/16": must not have bits set beyond the prefix length. Did you mean "169.254.0.0/16"?');
    });

    test('an address covering everything', () => {
      expect(errorOf(() => new BlockMetadata(newChart('shop'), 'bm', { addresses: ['0.0.0.0/0'] }))).toBe(
        'test/bm (BlockMetadata): invalid addresses[0] "0.0.0.0/0": must be a strict subset of cidr "0.0.0.0/0" (it covers all of it)');
    });

    test('an empty list', () => {
      expect(errorOf(() => new BlockMetadata(newChart('shop'), 'bm', { addresses: [] }))).toBe(
        'test/bm (BlockMetadata): invalid addresses []: nothing to block; omit `addresses` for the default list, or use AllowTo to allow everything');
    });
  });
});
