import { defaultDeny, findingsOf, policy, web } from '../helpers';

describe('NP010 policy-types-defaulted', () => {
  test('non-compliant: egress: [] without policyTypes does not isolate egress', () => {
    const f = findingsOf([web, policy('shop', 'deny-egress', { podSelector: {}, egress: [] })], 'NP010');
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('egress is NOT isolated');
  });
  test('non-compliant: no policyTypes at all', () => {
    expect(findingsOf([policy('shop', 'p', { podSelector: {}, ingress: [{}] })], 'NP010')[0].fix).toBe('Add policyTypes: [Ingress].');
  });
  test('compliant: written explicitly', () => {
    expect(findingsOf([defaultDeny('shop')], 'NP010')).toEqual([]);
  });
});
