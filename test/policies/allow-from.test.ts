import { Chart } from 'cdk8s';
import { AllowFrom, Direction, LabelOperator, NetworkAssertions, Peer, PodSelector, Port, Protocol } from '../../src';
import { INTERNET, errorOf, newChart, policy, yaml } from '../support/policy-helpers';

/** One AllowFrom using every kind of peer and port the vocabulary has. */
function everyKindOfPeerAndPort(chart: Chart): AllowFrom {
  return new AllowFrom(chart, 'api', {
    selector: PodSelector.matching({ labels: { app: 'api' }, expressions: [{ key: 'track', operator: LabelOperator.IN, values: ['stable', 'canary'] }] }),
    from: [
      Peer.app('web'),
      Peer.app('admin', 'backoffice'),
      Peer.pods({ labels: { role: 'db-client' }, namespaceLabels: { purpose: 'backend' } }),
      Peer.pods({ labels: { app: 'prometheus' }, allNamespaces: true }),
      Peer.namespace('monitoring'),
      Peer.namespaces({ team: 'ops' }),
      Peer.ipv4('10.0.0.0/8', ['10.1.0.0/16']),
      Peer.ipv6('2001:db8::/32'),
    ],
    ports: [Port.tcp(8080), Port.tcpRange(9000, 9100), Port.named('metrics'), Port.udp(5000), Port.allSctp()],
  });
}

describe('AllowFrom', () => {
  describe('snapshots', () => {
    test('the everyday sentence: app from app on a port', () => {
      const chart = newChart('shop');
      new AllowFrom(chart, 'backend-from-frontend', { app: 'backend', from: [Peer.app('frontend')], ports: [Port.tcp(8080)] });
      expect(yaml(chart)).toMatchSnapshot();
    });

    test('from anywhere on every port (the defaults)', () => {
      const chart = newChart('shop');
      new AllowFrom(chart, 'allow-all-ingress');
      expect(yaml(chart)).toMatchSnapshot();
    });

    test('every kind of peer and port', () => {
      const chart = newChart('shop');
      everyKindOfPeerAndPort(chart);
      expect(yaml(chart)).toMatchSnapshot();
    });

    test('several rules', () => {
      const chart = newChart('shop');
      const p = new AllowFrom(chart, 'web', { app: 'web', from: [Peer.pods({ labels: { kind: 'monitoring' } })], ports: [Port.tcp(9000)] });
      p.addRule([Peer.app('foo')], [Port.HTTP]);
      expect(yaml(chart)).toMatchSnapshot();
    });
  });

  describe('semantics', () => {
    test('an ingress-only policy with one rule: peers AND ports', () => {
      // GIVEN
      const chart = newChart('shop');
      // WHEN
      new AllowFrom(chart, 'p', { app: 'backend', from: [Peer.app('frontend')], ports: [Port.tcp(8080)] });
      // THEN
      const net = NetworkAssertions.fromChart(chart, {
        pods: [
          { namespace: 'shop', name: 'backend', labels: { app: 'backend' } },
          { namespace: 'shop', name: 'frontend', labels: { app: 'frontend' } },
          { namespace: 'shop', name: 'other', labels: { app: 'other' } },
          { namespace: 'web', name: 'frontend', labels: { app: 'frontend' } },
        ],
      });
      net.allowsOnly('shop/frontend', 'shop/backend', 'TCP 8080');
      net.deniesAll('shop/other', 'shop/backend');
      net.deniesAll('web/frontend', 'shop/backend'); // a pod selector alone means the policy's namespace
      net.deniesAll('8.8.8.8', 'shop/backend');
      net.reachableOnlyFrom('shop/backend', 8080, ['shop/frontend']);
      // ingress only: the backend's egress is untouched, and the peer is not isolated either
      net.isolated('shop/backend', Direction.INGRESS).notIsolated('shop/backend', Direction.EGRESS);
      net.allowsOnly('shop/backend', '8.8.8.8', 'All Connections');
      net.notIsolated('shop/frontend', Direction.BOTH).allowsOnly('shop/other', 'shop/frontend', 'All Connections');
    });

    test('no from: every source; no ports: every port (no `from` key, never `from: []`)', () => {
      // GIVEN
      const chart = newChart('shop');
      // WHEN
      new AllowFrom(chart, 'p', { app: 'web', ports: [Port.HTTP, Port.HTTPS] });
      new AllowFrom(chart, 'q', { app: 'api' });
      // THEN
      const net = NetworkAssertions.fromChart(chart, {
        pods: [
          { namespace: 'shop', name: 'web', labels: { app: 'web' } },
          { namespace: 'shop', name: 'api', labels: { app: 'api' } },
          { namespace: 'other', name: 'x' },
        ],
      });
      for (const from of ['shop/api', 'other/x', ...INTERNET]) net.allowsOnly(from, 'shop/web', 'TCP 80,443');
      for (const from of ['shop/web', 'other/x', ...INTERNET]) net.allowsOnly(from, 'shop/api', 'All Connections');
      net.isolated('shop/api', Direction.INGRESS);
      // the YAML says "every source" by leaving `from` out
      expect(policy(chart, 'p').spec.ingress).toEqual([{ ports: [{ port: 80, protocol: 'TCP' }, { port: 443, protocol: 'TCP' }] }]);
      expect(policy(chart, 'q').spec.ingress).toEqual([{}]);
    });

    test('Peer.anywhere() among peers lifts the restriction', () => {
      // GIVEN
      const chart = newChart('shop');
      // WHEN
      new AllowFrom(chart, 'p', { from: [Peer.app('a'), Peer.anywhere()], ports: [Port.HTTP] });
      // THEN
      const net = NetworkAssertions.fromChart(chart, {
        pods: [{ namespace: 'shop', name: 'web' }, { namespace: 'shop', name: 'a', labels: { app: 'a' } }, { namespace: 'other', name: 'x' }],
      });
      for (const from of ['shop/a', 'other/x', ...INTERNET]) net.allowsOnly(from, 'shop/web', 'TCP 80');
    });

    test('a cross-namespace pod peer is ONE entry (AND), never two (OR)', () => {
      // GIVEN
      const chart = newChart('shop');
      // WHEN
      new AllowFrom(chart, 'p', { app: 'api', from: [Peer.app('frontend', 'web')] });
      // THEN only frontend pods IN namespace web get in
      const net = NetworkAssertions.fromChart(chart, {
        pods: [
          { namespace: 'shop', name: 'api', labels: { app: 'api' } },
          { namespace: 'web', name: 'frontend', labels: { app: 'frontend' } },
          { namespace: 'web', name: 'other', labels: { app: 'other' } },
          { namespace: 'shop', name: 'frontend', labels: { app: 'frontend' } },
          { namespace: 'elsewhere', name: 'frontend', labels: { app: 'frontend' } },
        ],
      });
      net.allowsOnly('web/frontend', 'shop/api', 'All Connections');
      for (const from of ['web/other', 'shop/frontend', 'elsewhere/frontend']) net.deniesAll(from, 'shop/api');
    });

    test('addPeer / addPort / addRule after construction: each rule keeps its own peers and ports', () => {
      // GIVEN
      const chart = newChart('shop');
      const p = new AllowFrom(chart, 'p', { app: 'db' });
      // WHEN
      p.addPeer(Peer.app('api'), Peer.app('api'));
      p.addPort(Port.POSTGRES);
      p.addRule([Peer.namespace('backup')], [Port.named('pg', Protocol.TCP)]);
      // THEN
      const net = NetworkAssertions.fromChart(chart, {
        pods: [
          { namespace: 'shop', name: 'db', labels: { app: 'db' }, ports: [{ name: 'pg', port: 6432 }] },
          { namespace: 'shop', name: 'api', labels: { app: 'api' } },
          { namespace: 'shop', name: 'other' },
          { namespace: 'backup', name: 'job' },
        ],
      });
      net.allowsOnly('shop/api', 'shop/db', 'TCP 5432');
      net.allowsOnly('backup/job', 'shop/db', 'TCP 6432'); // the named port, resolved on the db pod
      net.deniesAll('shop/other', 'shop/db');
      // the repeated peer is written once
      expect(policy(chart, 'p').spec.ingress[0].from).toEqual([{ podSelector: { matchLabels: { app: 'api' } } }]);
    });

    test('several rules (the snapshot): monitoring on 9000, foo on 80, each to its own port', () => {
      // GIVEN
      const chart = newChart('shop');
      // WHEN
      const p = new AllowFrom(chart, 'web', { app: 'web', from: [Peer.pods({ labels: { kind: 'monitoring' } })], ports: [Port.tcp(9000)] });
      p.addRule([Peer.app('foo')], [Port.HTTP]);
      // THEN
      const net = NetworkAssertions.fromChart(chart, {
        pods: [
          { namespace: 'shop', name: 'web', labels: { app: 'web' } },
          { namespace: 'shop', name: 'monitor', labels: { kind: 'monitoring' } },
          { namespace: 'shop', name: 'foo', labels: { app: 'foo' } },
          { namespace: 'shop', name: 'both', labels: { app: 'foo', kind: 'monitoring' } },
          { namespace: 'shop', name: 'bar', labels: { app: 'bar' } },
        ],
      });
      net.allowsOnly('shop/monitor', 'shop/web', 'TCP 9000');
      net.allowsOnly('shop/foo', 'shop/web', 'TCP 80');
      net.allowsOnly('shop/both', 'shop/web', 'TCP 80,9000');
      net.deniesAll('shop/bar', 'shop/web');
    });

    test('every kind of peer and port (the snapshot): selector expressions, AND peers, namespaces, ipBlocks, ports', () => {
      // GIVEN
      const chart = newChart('shop');
      // WHEN
      everyKindOfPeerAndPort(chart);
      // THEN
      const PORTS = 'SCTP 1-65535,TCP 8080,9000-9100,9500,UDP 5000';
      const net = NetworkAssertions.fromChart(chart, {
        namespaces: [{ name: 'payments', labels: { purpose: 'backend' } }, { name: 'ops-tools', labels: { team: 'ops' } }],
        pods: [
          { namespace: 'shop', name: 'api', labels: { app: 'api', track: 'stable' }, ports: [{ name: 'metrics', port: 9500 }] },
          { namespace: 'shop', name: 'api-dev', labels: { app: 'api', track: 'dev' } },
          { namespace: 'shop', name: 'web', labels: { app: 'web' } },
          { namespace: 'shop', name: 'admin', labels: { app: 'admin' } },
          { namespace: 'backoffice', name: 'admin', labels: { app: 'admin' } },
          { namespace: 'payments', name: 'client', labels: { role: 'db-client' } },
          { namespace: 'payments', name: 'other' },
          { namespace: 'shop', name: 'client', labels: { role: 'db-client' } },
          { namespace: 'anywhere', name: 'prometheus', labels: { app: 'prometheus' } },
          { namespace: 'monitoring', name: 'grafana' },
          { namespace: 'ops-tools', name: 'debug' },
        ],
      });
      for (const from of ['shop/web', 'backoffice/admin', 'payments/client', 'anywhere/prometheus', 'monitoring/grafana', 'ops-tools/debug', '10.0.0.1', '2001:db8::1']) {
        net.allowsOnly(from, 'shop/api', PORTS);
      }
      for (const from of ['shop/admin', 'payments/other', 'shop/client', '10.1.0.1', '11.0.0.1', '2001:db9::1']) net.deniesAll(from, 'shop/api');
      // the expression decides which pods the policy selects
      net.notIsolated('shop/api-dev', Direction.BOTH).allowsOnly('shop/admin', 'shop/api-dev', 'All Connections');
    });
  });

  describe('bad input', () => {
    test('addRule with no peers', () => {
      const p = new AllowFrom(newChart('shop'), 'p');
      expect(errorOf(() => p.addRule([]))).toBe(
        'test/p (AllowFrom): invalid addRule() from []: an empty list would mean every peer; omit `addRule() from` or say [Peer.anywhere()]');
    });

    test('a non-Peer given to addPeer', () => {
      const p = new AllowFrom(newChart('shop'), 'p');
      expect(errorOf(() => p.addPeer('frontend' as any))).toBe('test/p (AllowFrom): invalid addPeer()[0] "frontend": must be a Peer; for pods use Peer.app("frontend")');
    });
  });
});
