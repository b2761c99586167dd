import { Direction, IsolateNamespace, NetworkAssertions, Peer, PodEndpointProps } from '../../src';
import { INTERNET, errorOf, newChart, policy, yaml } from '../support/policy-helpers';

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

  describe('semantics', () => {
    // GIVEN two pods in the namespace, pods in other namespaces (one labelled like a team-a pod),
    // an ingress controller and a monitoring namespace
    const pods: PodEndpointProps[] = [
      { namespace: 'team-a', name: 'a1', labels: { app: 'a1' } },
      { namespace: 'team-a', name: 'a2', labels: { app: 'a2' } },
      { namespace: 'team-b', name: 'b1', labels: { app: 'a1' } },
      { namespace: 'ingress-nginx', name: 'controller' },
      { namespace: 'monitoring', name: 'prometheus', labels: { app: 'prometheus' } },
      { namespace: 'monitoring', name: 'grafana', labels: { app: 'grafana' } },
      { namespace: 'team-b', name: 'prometheus', labels: { app: 'prometheus' } },
    ];

    test('ingress-isolated, admitting pods of the same namespace only, on every port', () => {
      // GIVEN
      const chart = newChart('team-a');
      // WHEN
      new IsolateNamespace(chart, 'iso');
      // THEN
      const net = NetworkAssertions.fromChart(chart, { pods });
      net.isolated('team-a/a1', Direction.INGRESS).notIsolated('team-a/a1', Direction.EGRESS);
      net.allowsOnly('team-a/a2', 'team-a/a1', 'All Connections').allowsOnly('team-a/a1', 'team-a/a2', 'All Connections');
      for (const from of ['team-b/b1', 'ingress-nginx/controller', 'monitoring/prometheus', ...INTERNET]) net.deniesAll(from, 'team-a/a1');
      // egress is not restricted: team-a still reaches other namespaces and the internet
      for (const to of ['team-b/b1', ...INTERNET]) net.allowsOnly('team-a/a1', to, 'All Connections');
    });

    test('plus the ingress controller and prometheus (the snapshot)', () => {
      // GIVEN
      const chart = newChart('team-a');
      // WHEN
      const p = new IsolateNamespace(chart, 'iso', { allowFrom: [Peer.namespace('ingress-nginx')] });
      p.addPeer(Peer.pods({ labels: { app: 'prometheus' }, namespace: 'monitoring' }));
      // THEN
      const net = NetworkAssertions.fromChart(chart, { pods });
      for (const from of ['team-a/a2', 'ingress-nginx/controller', 'monitoring/prometheus']) net.allowsOnly(from, 'team-a/a1', 'All Connections');
      for (const from of ['team-b/b1', 'monitoring/grafana', 'team-b/prometheus', ...INTERNET]) net.deniesAll(from, 'team-a/a1');
      net.reachableOnlyFrom('team-a/a1', 8080, ['team-a/a2', 'ingress-nginx/controller', 'monitoring/prometheus']);
    });

    test('an empty allowFrom adds nothing (it never widens the rule)', () => {
      // GIVEN
      const chart = newChart('team-a');
      // WHEN
      new IsolateNamespace(chart, 'iso', { allowFrom: [] });
      // THEN
      NetworkAssertions.fromChart(chart, { pods }).reachableOnlyFrom('team-a/a1', 8080, ['team-a/a2']).deniesAll('8.8.8.8', 'team-a/a1');
      const plain = newChart('team-a');
      new IsolateNamespace(plain, 'iso');
      expect(policy(chart, 'iso')).toEqual(policy(plain, 'iso'));
    });
  });

  test('bad input: not a Peer', () => {
    expect(errorOf(() => new IsolateNamespace(newChart('team-a'), 'iso', { allowFrom: ['ingress-nginx' as any] }))).toBe(
      'test/iso (IsolateNamespace): invalid allowFrom[0] "ingress-nginx": must be a Peer; for pods use Peer.app("ingress-nginx")');
  });
});
