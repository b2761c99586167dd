import { findingsOf, policy, web } from '../helpers';

describe('NP004 policy-selects-nothing', () => {
  test('non-compliant: a label typo', () => {
    const f = findingsOf([web, policy('shop', 'allow-web', { podSelector: { matchLabels: { app: 'wbe' } }, policyTypes: ['Ingress'] })], 'NP004');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'NetworkPolicy', name: 'allow-web', location: 'spec.podSelector' });
  });
  test('non-compliant: the policy is in the wrong namespace, and the fix says which', () => {
    const f = findingsOf([web, policy('default', 'allow-web', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'] })], 'NP004');
    expect(f[0].fix).toContain('shop/web in another namespace');
  });
  test('compliant: it selects the workload', () => {
    expect(findingsOf([web, policy('shop', 'allow-web', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'] })], 'NP004')).toEqual([]);
  });
});
