import { findingsOf, policy, web } from '../helpers';

describe('NP012 ingress-from-anywhere', () => {
  test('non-compliant: ingress: [{}]', () => {
    const f = findingsOf([web, policy('shop', 'open', { podSelector: {}, policyTypes: ['Ingress'], ingress: [{}] })], 'NP012');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'info', location: 'spec.ingress[0]' });
  });
  test('non-compliant: from 0.0.0.0/0 without ports', () => {
    const p = policy('shop', 'open', { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }] });
    expect(findingsOf([web, p], 'NP012')).toHaveLength(1);
  });
  test('compliant: from anywhere on one port', () => {
    expect(findingsOf([web, policy('shop', 'web', { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 443 }] }] })], 'NP012')).toEqual([]);
  });
});
