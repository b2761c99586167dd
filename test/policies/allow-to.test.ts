import { AllowTo, Direction, NetworkAssertions, Peer, Port } from '../../src';
import { COREDNS, INTERNET, errorOf, newChart, policy, yaml } from '../support/policy-helpers';

describe('AllowTo', () => {
  describe('snapshots', () => {
    test('app to app on a port', () => {
      const chart = newChart('shop');
      new AllowTo(chart, 'frontend-to-backend', { app: 'frontend', to: [Peer.app('backend')], ports: [Port.tcp(8080)] });
      expect(yaml(chart)).toMatchSnapshot();
    });

    test('to anywhere on every port (the defaults)', () => {
      const chart = newChart('shop');
      new AllowTo(chart, 'allow-all-egress');
      expect(yaml(chart)).toMatchSnapshot();
    });

    test('to external addresses on HTTPS', () => {
      const chart = newChart('shop');
      new AllowTo(chart, 'web-to-internet', { app: 'web', to: [Peer.anyIpv4(), Peer.anyIpv6()], ports: [Port.HTTPS] });
      expect(yaml(chart)).toMatchSnapshot();
    });

    test('several rules', () => {
      const chart = newChart('shop');
      const p = new AllowTo(chart, 'api-egress', { app: 'api', to: [Peer.app('db', 'data')], ports: [Port.POSTGRES] });
      p.addRule([Peer.ipv4('192.168.10.0/24')], [Port.tcpRange(8000, 8999)]);
      expect(yaml(chart)).toMatchSnapshot();
    });
  });

  describe('semantics', () => {
    test('an egress-only policy: peers AND ports', () => {
      // GIVEN
      const chart = newChart('shop');
      // WHEN
      new AllowTo(chart, 'p', { app: 'frontend', to: [Peer.app('api')], ports: [Port.tcp(8080)] });
      // THEN
      const net = NetworkAssertions.fromChart(chart, {
        pods: [
          { namespace: 'shop', name: 'frontend', labels: { app: 'frontend' } },
          { namespace: 'shop', name: 'api', labels: { app: 'api' } },
          { namespace: 'shop', name: 'other' },
          { namespace: 'other', name: 'api', labels: { app: 'api' } },
          COREDNS,
        ],
      });
      net.allowsOnly('shop/frontend', 'shop/api', 'TCP 8080');
      for (const to of ['shop/other', 'other/api', 'kube-system/coredns', ...INTERNET]) net.deniesAll('shop/frontend', to);
      // egress only: the frontend's ingress is untouched, and the peer is not isolated either
      net.isolated('shop/frontend', Direction.EGRESS).notIsolated('shop/frontend', Direction.INGRESS);
      net.allowsOnly('shop/other', 'shop/frontend', 'All Connections').allowsOnly('8.8.8.8', 'shop/frontend', 'All Connections');
      net.notIsolated('shop/api', Direction.BOTH).allowsOnly('shop/other', 'shop/api', 'All Connections');
    });

    test('no to: every destination; Peer.anywhere() means the same (and is written the same)', () => {
      // GIVEN
      const chart = newChart('shop');
      // WHEN
      new AllowTo(chart, 'p', { app: 'a', ports: [Port.DNS_UDP] });
      new AllowTo(chart, 'q', { app: 'b', to: [Peer.anywhere()], ports: [Port.DNS_UDP] });
      // THEN
      const net = NetworkAssertions.fromChart(chart, {
        pods: [{ namespace: 'shop', name: 'a', labels: { app: 'a' } }, { namespace: 'shop', name: 'b', labels: { app: 'b' } }, COREDNS],
      });
      for (const from of ['shop/a', 'shop/b']) {
        for (const to of ['kube-system/coredns', ...INTERNET]) net.allowsOnly(from, to, 'UDP 53');
      }
      net.allowsOnly('shop/a', 'shop/b', 'UDP 53').allowsOnly('shop/b', 'shop/a', 'UDP 53');
      expect(policy(chart, 'p').spec.egress).toEqual([{ ports: [{ port: 53, protocol: 'UDP' }] }]);
      expect(policy(chart, 'q').spec.egress).toEqual(policy(chart, 'p').spec.egress);
    });

    test('addPeer narrows a rule that had no peer; addPort narrows its ports', () => {
      // GIVEN
      const chart = newChart('shop');
      const p = new AllowTo(chart, 'p', { app: 'web' });
      // WHEN
      p.addPeer(Peer.app('api'));
      p.addPort(Port.tcp(8080), Port.tcp(8080));
      // THEN
      const net = NetworkAssertions.fromChart(chart, {
        pods: [{ namespace: 'shop', name: 'web', labels: { app: 'web' } }, { namespace: 'shop', name: 'api', labels: { app: 'api' } }, { namespace: 'shop', name: 'other' }],
      });
      net.allowsOnly('shop/web', 'shop/api', 'TCP 8080');
      for (const to of ['shop/other', ...INTERNET]) net.deniesAll('shop/web', to);
      // the repeated port is written once
      expect(policy(chart, 'p').spec.egress[0].ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
    });

    test('to external addresses on HTTPS (the snapshot): the internet on 443, no pod', () => {
      // GIVEN
      const chart = newChart('shop');
      // WHEN
      new AllowTo(chart, 'web-to-internet', { app: 'web', to: [Peer.anyIpv4(), Peer.anyIpv6()], ports: [Port.HTTPS] });
      // THEN
      const net = NetworkAssertions.fromChart(chart, {
        pods: [{ namespace: 'shop', name: 'web', labels: { app: 'web' } }, { namespace: 'shop', name: 'api', labels: { app: 'api' } }, COREDNS],
      });
      for (const ip of INTERNET) net.allowsOnly('shop/web', ip, 'TCP 443');
      net.deniesAll('shop/web', 'shop/api').deniesAll('shop/web', 'kube-system/coredns');
    });

    test('several rules (the snapshot): each rule keeps its own peers and ports', () => {
      // GIVEN
      const chart = newChart('shop');
      // WHEN
      const p = new AllowTo(chart, 'api-egress', { app: 'api', to: [Peer.app('db', 'data')], ports: [Port.POSTGRES] });
      p.addRule([Peer.ipv4('192.168.10.0/24')], [Port.tcpRange(8000, 8999)]);
      // THEN
      const net = NetworkAssertions.fromChart(chart, {
        pods: [
          { namespace: 'shop', name: 'api', labels: { app: 'api' } },
          { namespace: 'data', name: 'db', labels: { app: 'db' } },
          { namespace: 'shop', name: 'db', labels: { app: 'db' } },
        ],
      });
      net.allowsOnly('shop/api', 'data/db', 'TCP 5432');
      net.allowsOnly('shop/api', '192.168.10.7', 'TCP 8000-8999');
      net.deniesAll('shop/api', 'shop/db').deniesAll('shop/api', '192.168.11.7');
    });
  });

  describe('bad input', () => {
    test('empty to', () => {
      expect(errorOf(() => new AllowTo(newChart('shop'), 'p', { to: [] }))).toBe(
        'test/p (AllowTo): invalid to []: an empty list would mean every peer; omit `to` or say [Peer.anywhere()]');
    });

    test('a non-Port given to addPort', () => {
      const p = new AllowTo(newChart('shop'), 'p');
      expect(errorOf(() => p.addPort('http' as any))).toBe('test/p (AllowTo): invalid addPort()[0] "http": must be a Port; for a named port use Port.named("http")');
    });
  });
});
