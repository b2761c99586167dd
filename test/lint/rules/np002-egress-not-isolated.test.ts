import { ACCEPT_DNS, cnp, db, defaultDeny, findingsOf, inNamespace, policy, web } from '../helpers';

describe('NP002 egress-not-isolated', () => {
  test('non-compliant: only ingress is isolated', () => {
    const f = findingsOf([web, policy('shop', 'deny-in', { podSelector: {}, policyTypes: ['Ingress'] })], 'NP002');
    expect(f.map((x) => x.name)).toEqual(['web']);
  });
  test('compliant: isolated for egress', () => {
    expect(findingsOf([web, defaultDeny('shop')], 'NP002')).toEqual([]);
  });
});

describe('NP002 with cluster policies', () => {
  test('compliant: an Admin deny of every address and pod, DNS accepted first: every connection decided', () => {
    const admin = cnp('lockdown', 'Admin', 1, { subject: inNamespace('shop'), egress: [ACCEPT_DNS, { action: 'Deny', to: [{ namespaces: {} }, { networks: ['0.0.0.0/0'] }] }] });
    expect(findingsOf([web, db, admin], 'NP002')).toEqual([]);
  });
  test('non-compliant: a Baseline deny of public addresses only leaves pod traffic to the default allow', () => {
    const f = findingsOf([web, db, cnp('no-internet', 'Baseline', 1, { egress: [{ action: 'Deny', to: [{ networks: ['0.0.0.0/5', '8.0.0.0/7', '11.0.0.0/8', '12.0.0.0/6'] }] }] })], 'NP002');
    expect(f).toHaveLength(2);
    expect(f.find((x) => x.name === 'web')!.message).toContain('leave its connections to the default allow: e.g. shop/web => shop/db on All Connections.');
  });
});
