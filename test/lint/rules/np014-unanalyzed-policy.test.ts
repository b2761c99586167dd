import { db, findingsOf, web } from '../helpers';

describe('NP014 unanalyzed-policy', () => {
  const cilium = { apiVersion: 'cilium.io/v2', kind: 'CiliumNetworkPolicy', metadata: { name: 'lock-db', namespace: 'shop' }, spec: {} };
  const global = { apiVersion: 'crd.projectcalico.org/v1', kind: 'GlobalNetworkPolicy', metadata: { name: 'deny' }, spec: {} };

  test('non-compliant: one warning per policy (cluster-scoped ones first, as findings sort) of a kind the engine does not model, named with what enforces it', () => {
    const f = findingsOf([web, db, cilium, global], 'NP014');
    expect(f.map((x) => [x.severity, x.message])).toEqual([
      ['warning', 'GlobalNetworkPolicy deny is enforced by Calico, which this tool does not analyze: the reachability findings hold only for the policies it models.'],
      ['warning', 'CiliumNetworkPolicy shop/lock-db is enforced by Cilium, which this tool does not analyze: the reachability findings hold only for the policies it models.'],
    ]);
  });

  test('compliant: Kubernetes NetworkPolicies only', () => {
    expect(findingsOf([web, db], 'NP014')).toEqual([]);
  });
});
