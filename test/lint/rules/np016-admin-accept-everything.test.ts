import { cnp, deployment, findingsOf, inNamespace, web } from '../helpers';

const api = deployment('payments', 'api', { app: 'api' });

describe('NP016 admin-accept-everything', () => {
  test('non-compliant: Admin Accept from every namespace on every port, for every namespace', () => {
    const f = findingsOf([web, api, cnp('open', 'Admin', 5, { ingress: [{ action: 'Accept', from: [{ namespaces: {} }] }] })], 'NP016');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'ClusterNetworkPolicy', name: 'open', location: 'spec.ingress[0].from[0]' });
    expect(f[0].message).toContain('accepts from every pod in every namespace on every port for every pod of every namespace');
  });
  test('non-compliant: Admin Accept to 0.0.0.0/0', () => {
    const f = findingsOf([web, api, cnp('out', 'Admin', 5, { egress: [{ action: 'Accept', to: [{ networks: ['10.0.0.0/8', '0.0.0.0/0'] }] }] })], 'NP016');
    expect(f.map((x) => x.location)).toEqual(['spec.egress[0].to[0]']);
  });
  test('non-compliant: a subject that selects every namespace of the input by expression', () => {
    const subject = { namespaces: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['kube-system'] }] } };
    expect(findingsOf([web, api, cnp('open', 'Admin', 5, { subject, ingress: [{ action: 'Accept', from: [{ namespaces: {} }] }] })], 'NP016')).toHaveLength(1);
  });
  test('compliant: the same Accept with protocols, for one namespace, in the Baseline tier, or as a Pass', () => {
    const from = [{ namespaces: {} }];
    expect(findingsOf([web, api,
      cnp('ports', 'Admin', 5, { ingress: [{ action: 'Accept', from, protocols: [{ tcp: { destinationPort: { number: 9100 } } }] }] }),
      cnp('one', 'Admin', 6, { subject: inNamespace('shop'), ingress: [{ action: 'Accept', from }] }),
      cnp('base', 'Baseline', 5, { ingress: [{ action: 'Accept', from }] }),
      cnp('pass', 'Admin', 7, { ingress: [{ action: 'Pass', from }] })], 'NP016')).toEqual([]);
  });
});
