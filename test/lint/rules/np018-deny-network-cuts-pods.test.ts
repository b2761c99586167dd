import { cnp, findingsOf, inNamespace, pod, web, db } from '../helpers';

describe('NP018 deny-network-cuts-pods', () => {
  test('non-compliant: a Deny of 0.0.0.0/0 (meant for the internet) cuts pod traffic too (pods without IPs)', () => {
    const f = findingsOf([web, db, cnp('no-internet', 'Admin', 10, { egress: [{ action: 'Deny', to: [{ networks: ['0.0.0.0/0'] }] }] })], 'NP018');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'ClusterNetworkPolicy', name: 'no-internet', location: 'spec.egress[0].to[0]' });
    expect(f[0].message).toBe('ClusterNetworkPolicy no-internet spec.egress[0] (Deny) denies networks 0.0.0.0/0, which match pod IPs too: ' +
      'it also denies traffic between pods, e.g. shop/web => shop/db (All Connections), shop/db => shop/web (All Connections).');
  });
  test('non-compliant: a narrower range that holds the pods\' IPs', () => {
    const a = pod('shop', 'a', { app: 'a' }, '10.1.0.5');
    const b = pod('shop', 'b', { app: 'b' }, '10.1.0.6');
    const f = findingsOf([a, b, cnp('no-10', 'Admin', 10, { egress: [{ action: 'Deny', to: [{ networks: ['10.0.0.0/8'] }], protocols: [{ tcp: { destinationPort: { number: 22 } } }] }] })], 'NP018');
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('e.g. shop/a => shop/b (TCP 22), shop/b => shop/a (TCP 22)');
  });
  test('compliant: pod traffic passed to NetworkPolicy before the Deny', () => {
    expect(findingsOf([web, db, cnp('no-internet', 'Admin', 10, {
      egress: [{ action: 'Pass', to: [{ namespaces: {} }] }, { action: 'Deny', to: [{ networks: ['0.0.0.0/0'] }] }],
    })], 'NP018')).toEqual([]);
  });
  test('compliant: the same rule denies every namespace too (a default deny): the pods are denied on purpose', () => {
    expect(findingsOf([web, db, cnp('default-deny', 'Baseline', 10, { egress: [{ action: 'Deny', to: [{ namespaces: {} }, { networks: ['0.0.0.0/0'] }] }] })], 'NP018')).toEqual([]);
  });
  test('compliant: a range that holds no pod IP of the input', () => {
    const a = pod('shop', 'a', { app: 'a' }, '10.1.0.5');
    const b = pod('shop', 'b', { app: 'b' }, '10.1.0.6');
    expect(findingsOf([a, b, cnp('no-metadata', 'Admin', 10, { subject: inNamespace('shop'), egress: [{ action: 'Deny', to: [{ networks: ['169.254.169.254/32'] }] }] })], 'NP018')).toEqual([]);
  });
});
