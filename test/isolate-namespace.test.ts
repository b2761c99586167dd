import { IsolateNamespace, Peer } from '../src';
import { errorOf, newChart, policy, yaml } from './policy-helpers';

describe('IsolateNamespace', () => {
  describe('snapshots', () => {
    test('same namespace only', () => {
      const chart = newChart('team-a');
      new IsolateNamespace(chart, 'isolate-namespace');
      expect(yaml(chart)).toMatchSnapshot();
    });

    test('plus the ingress controller', () => {
      const chart = newChart('team-a');
      const p = new IsolateNamespace(chart, 'isolate-namespace', { allowFrom: [Peer.namespace('ingress-nginx')] });
      p.addPeer(Peer.pods({ labels: { app: 'prometheus' }, namespace: 'monitoring' }));
      expect(yaml(chart)).toMatchSnapshot();
    });
  });

  test('semantics: ingress-isolated, admitting pods of the same namespace only (podSelector {} alone)', () => {
    const chart = newChart('team-a');
    new IsolateNamespace(chart, 'iso');
    expect(policy(chart, 'iso').spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: {} }] }],
    });
  });

  test('an empty allowFrom adds nothing (it never widens the rule)', () => {
    const chart = newChart('team-a');
    new IsolateNamespace(chart, 'iso', { allowFrom: [] });
    expect(policy(chart, 'iso').spec.ingress).toEqual([{ from: [{ podSelector: {} }] }]);
  });

  test('bad input: not a Peer', () => {
    expect(errorOf(() => new IsolateNamespace(newChart('team-a'), 'iso', { allowFrom: ['ingress-nginx' as any] }))).toBe(
      'test/iso (IsolateNamespace): invalid allowFrom[0] "ingress-nginx": must be a Peer; for pods use Peer.app("ingress-nginx")');
  });
});
