import { isClusterScopedKind } from '../../src/k8s';
import { toLintObject } from '../../src/lint/context';
import { describeObject } from '../../src/manifests/describe';

describe('cluster-scoped kinds', () => {
  test.each(['Namespace', 'Node', 'ClusterRole', 'ClusterRoleBinding', 'ClusterNetworkPolicy', 'AdminNetworkPolicy',
    'BaselineAdminNetworkPolicy', 'CiliumClusterwideNetworkPolicy', 'GlobalNetworkPolicy', 'ClusterIssuer'])('%s has no namespace', (kind) => {
    expect(isClusterScopedKind(kind)).toBe(true);
  });
  test.each(['NetworkPolicy', 'Deployment', 'Pod', 'ClusterServiceVersion', 'Clusterfoo', 'CiliumNetworkPolicy'])('%s is namespaced', (kind) => {
    expect(isClusterScopedKind(kind)).toBe(false);
  });
  test('the manifest reader and the linter name objects alike', () => {
    const cnp = { kind: 'ClusterNetworkPolicy', metadata: { name: 'guard', namespace: 'ignored' } };
    const role = { kind: 'ClusterRole', metadata: { name: 'view' } };
    const csv = { kind: 'ClusterServiceVersion', metadata: { name: 'op', namespace: 'olm' } };
    expect([cnp, role, csv].map(describeObject)).toEqual(['ClusterNetworkPolicy guard', 'ClusterRole view', 'ClusterServiceVersion olm/op']);
    expect([cnp, role, csv].map((object) => toLintObject({ object }).namespace)).toEqual(['', '', 'olm']);
  });
});
