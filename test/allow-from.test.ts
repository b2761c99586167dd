import { AllowFrom, LabelOperator, Peer, PodSelector, Port, Protocol } from '../src';
import { errorOf, newChart, policy, yaml } from './policy-helpers';

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
      new AllowFrom(chart, 'api', {
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
      const chart = newChart('shop');
      new AllowFrom(chart, 'p', { app: 'backend', from: [Peer.app('frontend')], ports: [Port.tcp(8080)] });
      const spec = policy(chart, 'p').spec;
      expect(spec.policyTypes).toEqual(['Ingress']);
      expect(spec.egress).toBeUndefined();
      expect(spec.ingress).toEqual([{ from: [{ podSelector: { matchLabels: { app: 'frontend' } } }], ports: [{ port: 8080, protocol: 'TCP' }] }]);
    });

    test('no from: every source (no `from` key, never `from: []`); no ports: every port', () => {
      const chart = newChart('shop');
      new AllowFrom(chart, 'p', { app: 'web', ports: [Port.HTTP, Port.HTTPS] });
      new AllowFrom(chart, 'q', { app: 'web' });
      expect(policy(chart, 'p').spec.ingress).toEqual([{ ports: [{ port: 80, protocol: 'TCP' }, { port: 443, protocol: 'TCP' }] }]);
      expect(policy(chart, 'q').spec.ingress).toEqual([{}]);
    });

    test('Peer.anywhere() among peers lifts the restriction', () => {
      const chart = newChart('shop');
      new AllowFrom(chart, 'p', { from: [Peer.app('a'), Peer.anywhere()], ports: [Port.HTTP] });
      expect(policy(chart, 'p').spec.ingress).toEqual([{ ports: [{ port: 80, protocol: 'TCP' }] }]);
    });

    test('a cross-namespace pod peer is ONE entry (AND), never two (OR)', () => {
      const chart = newChart('shop');
      new AllowFrom(chart, 'p', { from: [Peer.app('frontend', 'web')] });
      const from = policy(chart, 'p').spec.ingress[0].from;
      expect(from).toHaveLength(1);
      expect(from[0]).toEqual({
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'web' } },
        podSelector: { matchLabels: { app: 'frontend' } },
      });
    });

    test('addPeer / addPort / addRule after construction', () => {
      const chart = newChart('shop');
      const p = new AllowFrom(chart, 'p', { app: 'db' });
      p.addPeer(Peer.app('api'), Peer.app('api'));
      p.addPort(Port.POSTGRES);
      p.addRule([Peer.namespace('backup')], [Port.named('pg', Protocol.TCP)]);
      expect(policy(chart, 'p').spec.ingress).toEqual([
        { from: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ port: 5432, protocol: 'TCP' }] },
        { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'backup' } } }], ports: [{ port: 'pg', protocol: 'TCP' }] },
      ]);
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
