import { deployment, findingsOf, policy } from '../helpers';

describe('NP013 half-open-connection', () => {
  const api = deployment('shop', 'api', { app: 'api' }, { ports: [{ name: 'http', containerPort: 8080 }] });
  const client = deployment('shop', 'client', { app: 'client' });
  const denyEgress = policy('shop', 'deny-egress', { podSelector: {}, policyTypes: ['Egress'] });
  const denyIngress = policy('shop', 'deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] });
  const apiFromClient = policy('shop', 'api-from-client', {
    podSelector: { matchLabels: { app: 'api' } },
    policyTypes: ['Ingress'],
    ingress: [{ from: [{ podSelector: { matchLabels: { app: 'client' } } }], ports: [{ protocol: 'TCP', port: 8080 }] }],
  });
  const clientToApi = (port: number) => policy('shop', 'client-to-api', {
    podSelector: { matchLabels: { app: 'client' } },
    policyTypes: ['Egress'],
    egress: [{ to: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ protocol: 'TCP', port }] }],
  });

  test('non-compliant: an ingress rule whose client is egress-isolated without the egress half', () => {
    const f = findingsOf([api, client, denyEgress, apiFromClient], 'NP013');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', name: 'api-from-client', location: 'spec.ingress[0].from[0]' });
    expect(f[0].message).toContain('admits shop/client to shop/api on TCP 8080, but shop/client is isolated for egress (by shop/deny-egress)');
  });

  test('non-compliant: an egress rule whose server is ingress-isolated without the ingress half', () => {
    const f = findingsOf([api, client, denyIngress, clientToApi(8080)], 'NP013');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ name: 'client-to-api', location: 'spec.egress[0].to[0]' });
    expect(f[0].message).toContain('but shop/api is isolated for ingress (by shop/deny-ingress)');
  });

  test('non-compliant: both halves written, but on different ports', () => {
    expect(findingsOf([api, client, denyEgress, denyIngress, apiFromClient, clientToApi(9090)], 'NP013')).toHaveLength(2);
  });

  test('compliant: both halves on the same port', () => {
    expect(findingsOf([api, client, denyEgress, denyIngress, apiFromClient, clientToApi(8080)], 'NP013')).toEqual([]);
  });

  test('compliant: the other side is not isolated at all', () => {
    expect(findingsOf([api, client, apiFromClient], 'NP013')).toEqual([]);
  });

  test('non-compliant: one peer of two is dead (OR of sources, one forgot its egress half)', () => {
    const admin = deployment('ops', 'admin', { app: 'admin' });
    const opsDenyEgress = policy('ops', 'deny-egress', { podSelector: {}, policyTypes: ['Egress'] });
    const both = policy('shop', 'api-from-two', {
      podSelector: { matchLabels: { app: 'api' } },
      policyTypes: ['Ingress'],
      ingress: [{
        from: [
          { podSelector: { matchLabels: { app: 'client' } } },
          { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ops' } }, podSelector: { matchLabels: { app: 'admin' } } },
        ],
      }],
    });
    const f = findingsOf([api, client, admin, opsDenyEgress, both], 'NP013');
    expect(f.map((x) => x.location)).toEqual(['spec.ingress[0].from[1]']);
    expect(f[0].message).toContain('admits ops/admin to shop/api');
  });

  test('compliant: a broad peer (every namespace) that some of its pods can use', () => {
    const other = deployment('ops', 'admin', { app: 'admin' });
    const opsDenyEgress = policy('ops', 'deny-egress', { podSelector: {}, policyTypes: ['Egress'] });
    const fromEveryone = policy('shop', 'api-from-all', {
      podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: {} }] }],
    });
    expect(findingsOf([api, client, other, opsDenyEgress, fromEveryone], 'NP013')).toEqual([]);
  });
});
