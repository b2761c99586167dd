import { AllowTo, Peer, Port } from '../src';
import { errorOf, newChart, policy, yaml } from './policy-helpers';

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
      const chart = newChart('shop');
      new AllowTo(chart, 'p', { app: 'frontend', to: [Peer.app('api')], ports: [Port.tcp(8080)] });
      const spec = policy(chart, 'p').spec;
      expect(spec.policyTypes).toEqual(['Egress']);
      expect(spec.ingress).toBeUndefined();
      expect(spec.egress).toEqual([{ to: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ port: 8080, protocol: 'TCP' }] }]);
    });

    test('no to: every destination; Peer.anywhere() means the same', () => {
      const chart = newChart('shop');
      new AllowTo(chart, 'p', { ports: [Port.DNS_UDP] });
      new AllowTo(chart, 'q', { to: [Peer.anywhere()], ports: [Port.DNS_UDP] });
      expect(policy(chart, 'p').spec.egress).toEqual([{ ports: [{ port: 53, protocol: 'UDP' }] }]);
      expect(policy(chart, 'q').spec.egress).toEqual(policy(chart, 'p').spec.egress);
    });

    test('addPeer narrows a rule that had no peer; addPort narrows its ports', () => {
      const chart = newChart('shop');
      const p = new AllowTo(chart, 'p', { app: 'web' });
      p.addPeer(Peer.app('api'));
      p.addPort(Port.tcp(8080), Port.tcp(8080));
      expect(policy(chart, 'p').spec.egress).toEqual([{ to: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ port: 8080, protocol: 'TCP' }] }]);
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
