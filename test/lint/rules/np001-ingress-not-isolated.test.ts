import { cnp, db, defaultDeny, deployment, findingsOf, inNamespace, web } from '../helpers';

describe('NP001 ingress-not-isolated', () => {
  test('non-compliant: a workload no policy selects for ingress', () => {
    const f = findingsOf([web], 'NP001');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'Deployment', namespace: 'shop', name: 'web', severity: 'warning' });
    expect(f[0].fix).toContain('default-deny ingress policy in namespace shop');
  });
  test('compliant: a default-deny selects it', () => {
    expect(findingsOf([web, defaultDeny('shop')], 'NP001')).toEqual([]);
  });
});

describe('NP001 with cluster policies', () => {
  const api = deployment('payments', 'api', { app: 'api' });
  test('compliant: a Baseline deny of everything decides every connection to it (in effect isolated)', () => {
    const baseline = cnp('default-deny', 'Baseline', 100, { ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }], egress: [{ action: 'Deny', to: [{ namespaces: {} }, { networks: ['0.0.0.0/0', '::/0'] }] }] });
    expect(findingsOf([web, api, baseline], 'NP001')).toEqual([]);
    expect(findingsOf([web, api, baseline], 'NP002')).toEqual([]);
  });
  test('non-compliant: an Admin deny from one namespace leaves the rest to the default allow, and says so', () => {
    const f = findingsOf([web, db, api, cnp('no-payments', 'Admin', 1, { subject: inNamespace('shop'), ingress: [{ action: 'Deny', from: [inNamespace('payments')] }] })], 'NP001');
    expect(f.map((x) => x.name)).toEqual(['api', 'db', 'web']);
    const shop = f.find((x) => x.name === 'web')!;
    expect(shop.message).toMatch(/^Deployment shop\/web is not selected by any NetworkPolicy for ingress, and the cluster policies selecting it \(ClusterNetworkPolicy no-payments\) leave connections to it to the default allow: e\.g\. shop\/db => shop\/web on All Connections\.$/);
    expect(f.find((x) => x.name === 'api')!.message).toContain('is not selected by any policy for ingress');
  });
});
