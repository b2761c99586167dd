import { cnp, deployment, findingsOf, inNamespace, policy, web, db } from '../helpers';

const ops = deployment('ops', 'agent', { app: 'agent' });
const isolateDb = { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'] };

describe('NP019 shadowed-by-admin-deny', () => {
  test('non-compliant: a NetworkPolicy allows ops into shop, which an Admin Deny drops first', () => {
    const f = findingsOf([web, db, ops,
      cnp('tenants', 'Admin', 10, { subject: inNamespace('shop'), ingress: [{ action: 'Deny', from: [inNamespace('ops')] }] }),
      policy('shop', 'db-in', { ...isolateDb, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ops' } } }], ports: [{ port: 5432 }] }] })], 'NP019');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'NetworkPolicy', namespace: 'shop', name: 'db-in', location: 'spec.ingress[0]', related: ['ClusterNetworkPolicy tenants'] });
    expect(f[0].message).toBe('NetworkPolicy shop/db-in spec.ingress[0] allows nothing: the Admin tier decides every connection it admits first, ' +
      'and ClusterNetworkPolicy tenants spec.ingress[0] (Deny) denies e.g. ops/agent => shop/db on TCP 5432.');
  });
  test('compliant: the rule also admits shop/web, which the Admin tier does not decide', () => {
    expect(findingsOf([web, db, ops,
      cnp('tenants', 'Admin', 10, { subject: inNamespace('shop'), ingress: [{ action: 'Deny', from: [inNamespace('ops')] }] }),
      policy('shop', 'db-in', { ...isolateDb, ingress: [{ ports: [{ port: 5432 }] }] })], 'NP019')).toEqual([]);
  });
  test('compliant: the Admin tier passes the traffic to NetworkPolicy', () => {
    expect(findingsOf([web, db, ops,
      cnp('tenants', 'Admin', 10, { subject: inNamespace('shop'), ingress: [{ action: 'Pass', from: [inNamespace('ops')] }, { action: 'Deny', from: [{ namespaces: {} }] }] }),
      policy('shop', 'db-in', { ...isolateDb, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ops' } } }] }] })], 'NP019')).toEqual([]);
  });
  test('compliant: an egress rule to addresses that the Admin Deny of metadata leaves open', () => {
    expect(findingsOf([web,
      cnp('metadata', 'Admin', 1, { egress: [{ action: 'Deny', to: [{ networks: ['169.254.169.254/32'] }] }] }),
      policy('shop', 'out', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 443 }] }] })], 'NP019')).toEqual([]);
  });
  test('non-compliant: an egress rule to the metadata address only', () => {
    const f = findingsOf([web,
      cnp('metadata', 'Admin', 1, { egress: [{ action: 'Deny', to: [{ networks: ['169.254.169.254/32'] }] }] }),
      policy('shop', 'out', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '169.254.169.254/32' } }] }] })], 'NP019');
    expect(f.map((x) => x.location)).toEqual(['spec.egress[0]']);
    expect(f[0].message).toContain('denies e.g. shop/web => 169.254.169.254-169.254.169.254 on All Connections');
  });
});
