import { db, defaultDeny, findingsOf, namespace, policy, web } from '../helpers';

describe('NP005 peer-matches-nothing', () => {
  const withPeer = (peer: any) => policy('shop', 'db-in', {
    podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'], ingress: [{ from: [peer] }],
  });
  test('non-compliant: podSelector matches no workload', () => {
    const f = findingsOf([web, db, withPeer({ podSelector: { matchLabels: { app: 'backend' } } })], 'NP005');
    expect(f).toHaveLength(1);
    expect(f[0].location).toBe('spec.ingress[0].from[0]');
  });
  test('non-compliant: namespaceSelector matches no namespace', () => {
    const f = findingsOf([web, db, namespace('shop'), withPeer({ namespaceSelector: { matchLabels: { team: 'payments' } } })], 'NP005');
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('no namespace in the input matches');
  });
  test('compliant: the peer matches web', () => {
    expect(findingsOf([web, db, withPeer({ podSelector: { matchLabels: { app: 'web' } } })], 'NP005')).toEqual([]);
  });
  test('compliant: a namespace outside the input (kube-system DNS) is not judged', () => {
    expect(findingsOf([web, defaultDeny('shop')], 'NP005')).toEqual([]);
  });
});
