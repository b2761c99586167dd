import { defaultDeny, findingsOf, policy, web } from '../helpers';

describe('NP002 egress-not-isolated', () => {
  test('non-compliant: only ingress is isolated', () => {
    const f = findingsOf([web, policy('shop', 'deny-in', { podSelector: {}, policyTypes: ['Ingress'] })], 'NP002');
    expect(f.map((x) => x.name)).toEqual(['web']);
  });
  test('compliant: isolated for egress', () => {
    expect(findingsOf([web, defaultDeny('shop')], 'NP002')).toEqual([]);
  });
});
