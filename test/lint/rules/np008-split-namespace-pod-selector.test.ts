import { db, findingsOf, policy, web } from '../helpers';

describe('NP008 split-namespace-pod-selector', () => {
  test('non-compliant: two peers where one was meant', () => {
    const p = policy('shop', 'db-in', {
      podSelector: { matchLabels: { app: 'db' } },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } } }, { podSelector: { matchLabels: { app: 'web' } } }] }],
    });
    const f = findingsOf([web, db, p], 'NP008');
    expect(f).toHaveLength(1);
    expect(f[0].location).toBe('spec.ingress[0].from');
  });
  test('compliant: one peer with both (AND)', () => {
    const p = policy('shop', 'db-in', {
      podSelector: { matchLabels: { app: 'db' } },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } }, podSelector: { matchLabels: { app: 'web' } } }] }],
    });
    expect(findingsOf([web, db, p], 'NP008')).toEqual([]);
  });
});
