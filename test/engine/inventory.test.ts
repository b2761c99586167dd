/** The inventory's identity of endpoints and policies (inventory.ts, analysis.ts `resolve`). */
import { Analysis, Inventory } from '../../src/engine';

const workload = (kind: string, name: string, extra: Record<string, any> = {}) => ({
  apiVersion: 'apps/v1',
  kind,
  metadata: { name, namespace: 'shop', ...extra },
  spec: { template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c' }] } } },
});

describe('an endpoint is kind + namespace + name', () => {
  test('a Deployment and a StatefulSet named alike are two endpoints, each named with its kind', () => {
    const inv = new Inventory();
    inv.addManifest(workload('Deployment', 'db'));
    inv.addManifest(workload('StatefulSet', 'db'));
    inv.addManifest(workload('Deployment', 'web'));
    expect(inv.pods.map((p) => p.id)).toEqual(['shop/db (Deployment)', 'shop/db (StatefulSet)', 'shop/web']);
    expect(inv.ambiguousNames).toEqual(['shop/db']);
  });

  test('the same kind and name twice: the second replaces the first (as a second apply does)', () => {
    const inv = new Inventory();
    inv.addManifest(workload('Deployment', 'db'));
    inv.addManifest({ ...workload('Deployment', 'db'), spec: { template: { metadata: { labels: { app: 'other' } } } } });
    expect(inv.pods.map((p) => [p.id, p.labels.app])).toEqual([['shop/db', 'other']]);
  });

  test('qualifyNames names an endpoint with its kind even when it is alone (for a diff whose other side has two)', () => {
    const inv = new Inventory();
    inv.addManifest(workload('Deployment', 'db'));
    inv.qualifyNames(['shop/db']);
    expect(inv.pods.map((p) => p.id)).toEqual(['shop/db (Deployment)']);
  });

  test('resolve: a shared name is ambiguous; the kind, in any case, chooses; a unique name needs no kind', () => {
    const inv = new Inventory();
    inv.addManifest(workload('Deployment', 'db'));
    inv.addManifest(workload('StatefulSet', 'db'));
    inv.addManifest(workload('Deployment', 'web'));
    const a = new Analysis(inv);
    expect(() => a.endpoint('shop/db')).toThrow('Endpoint "shop/db" is ambiguous: 2 objects of different kinds have that name; write "shop/db (Deployment)" or "shop/db (StatefulSet)".');
    expect(a.endpoint('shop/db (StatefulSet)').id).toBe('shop/db (StatefulSet)');
    expect(a.endpoint('shop/db (deployment)').id).toBe('shop/db (Deployment)');
    expect(a.endpoint('shop/web (Deployment)').id).toBe('shop/web');
    expect(a.endpoint('shop/web').id).toBe('shop/web');
    expect(() => a.endpoint('shop/db (DaemonSet)')).toThrow(/Unknown endpoint "shop\/db \(DaemonSet\)"/);
  });
});

describe('generateName: every object is its own', () => {
  const policy = (port: number) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { generateName: 'allow-', namespace: 'shop' },
    spec: { podSelector: {}, ingress: [{ ports: [{ port }] }] },
  });

  test('two policies with generateName are two policies, named by the prefix and *', () => {
    const inv = new Inventory();
    inv.addManifest(policy(80));
    inv.addManifest(policy(81));
    expect(inv.policies.map((p) => p.id)).toEqual(['shop/allow-*', 'shop/allow-*2']);
    inv.addManifest(workload('Deployment', 'db'));
    inv.addManifest(workload('Deployment', 'web'));
    expect(new Analysis(inv).connections('shop/web', 'shop/db').toString()).toBe('TCP 80-81');
  });

  test('two pods with generateName are two endpoints', () => {
    const inv = new Inventory();
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'job-', namespace: 'shop' }, spec: {} };
    inv.addManifest(pod);
    inv.addManifest(pod);
    expect(inv.pods.map((p) => p.id)).toEqual(['shop/job-*', 'shop/job-*2']);
  });
});

describe('policy kinds the analysis does not model', () => {
  test('are kept aside, by group and kind: a Calico NetworkPolicy is not a Kubernetes one', () => {
    const inv = new Inventory();
    inv.addManifest({ apiVersion: 'cilium.io/v2', kind: 'CiliumNetworkPolicy', metadata: { name: 'x', namespace: 'shop' }, spec: {} });
    inv.addManifest({ apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata: { name: 'y', namespace: 'shop' }, spec: { selector: 'all()' } });
    inv.addManifest({ apiVersion: 'crd.antrea.io/v1beta1', kind: 'ClusterNetworkPolicy', metadata: { name: 'z' }, spec: {} });
    expect(inv.policies).toEqual([]);
    expect(inv.clusterPolicies).toEqual([]);
    expect(inv.unmodelledPolicies.map((p) => [p.kind, p.id, p.enforcedBy])).toEqual([
      ['CiliumNetworkPolicy', 'shop/x', 'Cilium'],
      ['NetworkPolicy', 'shop/y', 'Calico'],
      ['ClusterNetworkPolicy', 'z', 'Antrea'],
    ]);
  });

  test('network-policy-api\'s kinds are read (SEMANTICS.md section 8), not kept aside; an invalid one is refused with its fields', () => {
    const inv = new Inventory();
    inv.addManifest({
      apiVersion: 'policy.networking.k8s.io/v1alpha1',
      kind: 'AdminNetworkPolicy',
      metadata: { name: 'a' },
      spec: { priority: 1, subject: { namespaces: {} }, egress: [{ action: 'Deny', to: [{ networks: ['0.0.0.0/0'] }] }] },
    });
    inv.addManifest({
      apiVersion: 'policy.networking.k8s.io/v1alpha2',
      kind: 'ClusterNetworkPolicy',
      metadata: { name: 'b' },
      spec: { tier: 'Baseline', priority: 1, subject: { namespaces: {} }, ingress: [{ action: 'Accept', from: [{ namespaces: {} }] }] },
    });
    inv.addManifest({ apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'BaselineAdminNetworkPolicy', metadata: { name: 'default' }, spec: { subject: { namespaces: {} } } });
    expect(inv.unmodelledPolicies).toEqual([]);
    expect(inv.clusterPolicies.map((p) => [p.id, p.tier, p.priority])).toEqual([
      ['AdminNetworkPolicy a', 'Admin', 1],
      ['ClusterNetworkPolicy b', 'Baseline', 1],
      ['BaselineAdminNetworkPolicy default', 'Baseline', undefined],
    ]);
    expect(() => inv.addManifest({ apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'AdminNetworkPolicy', metadata: { name: 'z' }, spec: {} }))
      .toThrow('AdminNetworkPolicy z is invalid: spec.priority: Required value; spec.subject: Required value');
  });

  test('Nodes are read with their labels and the IPs of status.addresses (host names are not addresses)', () => {
    const inv = new Inventory();
    inv.addManifest({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'n1', labels: { zone: 'a' } },
      status: { addresses: [{ type: 'InternalIP', address: '10.0.0.1' }, { type: 'Hostname', address: 'n1' }, { type: 'InternalIP', address: 'fd00::1' }] },
    });
    expect(inv.nodes.map((n) => [n.name, n.labels, n.addresses.map((a) => a.family)])).toEqual([['n1', { zone: 'a' }, [4, 6]]]);
    expect(inv.ignoredKinds.has('Node')).toBe(false);
  });

  test('an object of one kind and name twice: the later is kept, the replacement recorded', () => {
    const inv = new Inventory();
    inv.addManifest(workload('Deployment', 'db'));
    inv.addManifest(workload('Deployment', 'db'));
    inv.addManifest({ apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'BaselineAdminNetworkPolicy', metadata: { name: 'default' }, spec: { subject: { namespaces: {} } } });
    inv.addManifest({ apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'BaselineAdminNetworkPolicy', metadata: { name: 'default' }, spec: { subject: { namespaces: {} } } });
    expect(inv.duplicates).toEqual([{ kind: 'Deployment', id: 'shop/db' }, { kind: 'BaselineAdminNetworkPolicy', id: 'default' }]);
  });
});
