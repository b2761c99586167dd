import { db, findingsOf, policy, web } from '../helpers';

describe('NP006 named-port-unresolved', () => {
  test('non-compliant (ingress): the destination declares no port with that name', () => {
    const p = policy('shop', 'db-in', { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 'postgres' }] }] });
    const f = findingsOf([web, db, p], 'NP006');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', location: 'spec.ingress[0].ports[0]' });
    expect(f[0].fix).toContain('pgsql (TCP 5432)');
  });
  test('non-compliant (egress): resolved on the destination, not on the source', () => {
    const p = policy('shop', 'web-out', {
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }], ports: [{ port: 'http' }] }],
    });
    expect(findingsOf([web, db, p], 'NP006')).toHaveLength(1);
  });
  test('non-compliant: a named port toward an ipBlock', () => {
    const p = policy('shop', 'web-out', {
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }], ports: [{ port: 'https' }] }],
    });
    expect(findingsOf([web, p], 'NP006')[0].message).toContain('ipBlock');
  });
  test('non-compliant: right name, wrong protocol', () => {
    const p = policy('shop', 'db-in', { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 'pgsql', protocol: 'UDP' }] }] });
    expect(findingsOf([db, p], 'NP006')).toHaveLength(1);
  });
  test('compliant: the destination declares it', () => {
    const p = policy('shop', 'web-out', {
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }], ports: [{ port: 'pgsql' }] }],
    });
    expect(findingsOf([web, db, p], 'NP006')).toEqual([]);
  });
});
