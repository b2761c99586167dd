import { cnp, findingsOf, inNamespace, web, db } from '../helpers';

describe('NP015 same-priority-overlap', () => {
  const deny = cnp('a-deny', 'Admin', 10, { egress: [{ action: 'Deny', to: [inNamespace('shop')] }] });
  test('non-compliant: two Admin policies at priority 10, one denies what the other accepts', () => {
    const accept = cnp('b-accept', 'Admin', 10, { egress: [{ action: 'Accept', to: [inNamespace('shop')] }] });
    const f = findingsOf([web, db, deny, accept], 'NP015');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'ClusterNetworkPolicy', namespace: '', name: 'a-deny', location: 'spec.priority', related: ['ClusterNetworkPolicy b-accept'] });
    expect(f[0].message).toContain('ClusterNetworkPolicy a-deny and ClusterNetworkPolicy b-accept (Admin tier, priority 10) decide');
    expect(f[0].message).toContain('All Connections differently (egress)');
  });
  test('compliant: the same two policies at different priorities', () => {
    const accept = cnp('b-accept', 'Admin', 11, { egress: [{ action: 'Accept', to: [inNamespace('shop')] }] });
    expect(findingsOf([web, db, deny, accept], 'NP015')).toEqual([]);
  });
  test('compliant: one priority, but they agree', () => {
    const deny2 = cnp('b-deny', 'Admin', 10, { egress: [{ action: 'Deny', to: [inNamespace('shop')] }] });
    expect(findingsOf([web, db, deny, deny2], 'NP015')).toEqual([]);
  });
});
