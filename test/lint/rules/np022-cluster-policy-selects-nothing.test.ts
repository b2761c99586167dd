import { cnp, findingsOf, inNamespace, namespace, web } from '../helpers';

describe('NP022 cluster-policy-selects-nothing', () => {
  test('non-compliant: a subject label no namespace carries', () => {
    const f = findingsOf([web, namespace('shop', { team: 'shop' }), cnp('guard', 'Admin', 1, { subject: { namespaces: { matchLabels: { tema: 'shop' } } }, egress: [{ action: 'Deny', to: [inNamespace('ops')] }] })], 'NP022');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'ClusterNetworkPolicy', name: 'guard', location: 'spec.subject' });
    expect(f[0].message).toBe('ClusterNetworkPolicy guard selects nothing: no namespace of the input matches {tema=shop}.');
  });
  test('non-compliant: the namespace matches but no pod does', () => {
    const subject = { pods: { namespaceSelector: { matchLabels: { team: 'shop' } }, podSelector: { matchLabels: { app: 'wbe' } } } };
    const f = findingsOf([web, namespace('shop', { team: 'shop' }), cnp('guard', 'Admin', 1, { subject, egress: [{ action: 'Deny', to: [inNamespace('ops')] }] })], 'NP022');
    expect(f.map((x) => x.message)).toEqual(['ClusterNetworkPolicy guard selects nothing: namespace shop matches, but no pod there matches {app=wbe} (hostNetwork pods are never subjects).']);
  });
  test('compliant: the subject selects shop/web; a namespace outside the input is not judged', () => {
    expect(findingsOf([web,
      cnp('guard', 'Admin', 1, { subject: inNamespace('shop'), egress: [{ action: 'Deny', to: [inNamespace('ops')] }] }),
      cnp('payments', 'Admin', 2, { subject: inNamespace('payments'), egress: [{ action: 'Deny', to: [inNamespace('ops')] }] })], 'NP022')).toEqual([]);
  });
});
