import { DefaultDeny, Direction, DnsProvider, PodSelector } from '../src';
import { errorOf, newChart, policy, yaml } from './policy-helpers';

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
    test('both: isolates both directions, admits no ingress, admits only DNS on egress', () => {
      const chart = newChart('shop');
      new DefaultDeny(chart, 'deny');
      const spec = policy(chart, 'deny').spec;
      expect(spec.policyTypes).toEqual(['Ingress', 'Egress']);
      expect(spec.ingress).toBeUndefined();
      expect(spec.egress).toEqual([{
        to: [{
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
          podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
        }],
        ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }],
      }]);
    });

    test('ingress only: no DNS rule, no egress isolation', () => {
      const chart = newChart('shop');
      const p = new DefaultDeny(chart, 'deny', { direction: Direction.INGRESS });
      expect(p.allowDns).toBe(false);
      expect(policy(chart, 'deny').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
    });

    test('allowDns: false denies every egress', () => {
      const chart = newChart('shop');
      new DefaultDeny(chart, 'deny', { direction: Direction.EGRESS, allowDns: false });
      expect(policy(chart, 'deny').spec).toEqual({ podSelector: {}, policyTypes: ['Egress'] });
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
