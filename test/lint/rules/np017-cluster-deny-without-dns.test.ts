import { ACCEPT_DNS, cnp, deployment, findingsOf, inNamespace, policy, web, db, DNS_EGRESS } from '../helpers';

const everything = [{ namespaces: {} }, { networks: ['0.0.0.0/0', '::/0'] }];
const shopOnly = { namespaces: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['shop'] }] } };

describe('NP017 cluster-deny-without-dns', () => {
  test('non-compliant: a Baseline deny of everything without DNS (the kube-dns stand-in)', () => {
    const f = findingsOf([web, db, cnp('default-deny', 'Baseline', 100, { subject: shopOnly, egress: [{ action: 'Deny', to: everything }] })], 'NP017');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'ClusterNetworkPolicy', name: 'default-deny', location: 'spec.egress[0]' });
    expect(f[0].message).toBe('ClusterNetworkPolicy default-deny spec.egress[0] (Deny) denies cluster DNS (UDP 53) to 2 workloads in namespace shop ' +
      '(shop/db, shop/web): their name lookups time out.');
  });
  test('non-compliant: a Deny of 0.0.0.0/0 alone (networks match the DNS pods), at the Admin tier', () => {
    const f = findingsOf([web, cnp('no-egress', 'Admin', 1, { subject: shopOnly, egress: [{ action: 'Deny', to: [{ networks: ['0.0.0.0/0'] }] }] })], 'NP017');
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('and no NetworkPolicy can re-open it');
  });
  test('compliant: DNS accepted before the Deny', () => {
    expect(findingsOf([web, db, cnp('default-deny', 'Baseline', 100, { subject: shopOnly, egress: [ACCEPT_DNS, { action: 'Deny', to: everything }] })], 'NP017')).toEqual([]);
  });
  test('compliant: the Baseline Deny is never reached where the namespace\'s NetworkPolicies isolate the pods (and allow DNS)', () => {
    expect(findingsOf([web, db,
      policy('shop', 'egress', { podSelector: {}, policyTypes: ['Egress'], egress: [DNS_EGRESS] }),
      cnp('default-deny', 'Baseline', 100, { subject: shopOnly, egress: [{ action: 'Deny', to: everything }] })], 'NP017')).toEqual([]);
  });
  test('compliant: the input\'s own DNS pods are reachable', () => {
    const coredns = deployment('kube-system', 'coredns', { 'k8s-app': 'kube-dns' }, { ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }] });
    expect(findingsOf([web, coredns, cnp('deny-ops', 'Baseline', 100, { subject: shopOnly, egress: [{ action: 'Deny', to: [inNamespace('ops')] }] })], 'NP017')).toEqual([]);
  });
});
