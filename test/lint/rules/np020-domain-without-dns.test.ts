import { ACCEPT_DNS, cnp, findingsOf, inNamespace, web } from '../helpers';

const stripe = { action: 'Accept', to: [{ domainNames: ['api.stripe.com', '*.stripe.network'] }], protocols: [{ tcp: { destinationPort: { number: 443 } } }] };
const denyRest = { action: 'Deny', to: [{ namespaces: {} }, { networks: ['0.0.0.0/0'] }] };

describe('NP020 domain-without-dns', () => {
  test('non-compliant: an Accept of domainNames, then a Deny of everything else: DNS included', () => {
    const f = findingsOf([web, cnp('stripe', 'Admin', 10, { subject: inNamespace('shop'), egress: [stripe, denyRest] })], 'NP020');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'ClusterNetworkPolicy', name: 'stripe', location: 'spec.egress[0].to[0]' });
    expect(f[0].message).toBe('ClusterNetworkPolicy stripe spec.egress[0] (Accept) accepts domainNames *.stripe.network, api.stripe.com, ' +
      'but shop/web cannot reach cluster DNS on UDP 53: they cannot resolve the names, so the Accept never applies.');
  });
  test('compliant: DNS accepted too', () => {
    expect(findingsOf([web, cnp('stripe', 'Admin', 10, { subject: inNamespace('shop'), egress: [ACCEPT_DNS, stripe, denyRest] })], 'NP020')).toEqual([]);
  });
  test('compliant: nothing else restricts the pods\' egress', () => {
    expect(findingsOf([web, cnp('stripe', 'Admin', 10, { subject: inNamespace('shop'), egress: [stripe] })], 'NP020')).toEqual([]);
  });
});
