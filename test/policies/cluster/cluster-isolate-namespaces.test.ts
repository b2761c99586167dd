import { AllowFrom, AllowTo, ClusterIsolateNamespaces, DefaultDeny, NetworkAssertions, NamespaceSpec, Peer, PodEndpointProps } from '../../../src';
import { errorOf, newChart, yaml } from '../../support/policy-helpers';

const namespaces: NamespaceSpec[] = [
  { name: 'acme-web', labels: { tenant: 'acme' } },
  { name: 'acme-db', labels: { tenant: 'acme' } },
  { name: 'globex', labels: { tenant: 'globex' } },
  { name: 'initech', labels: { tenant: 'initech' } }, // a tenant not listed
  { name: 'ingress', labels: {} }, // no tenant
];
const pods: PodEndpointProps[] = [
  { namespace: 'acme-web', name: 'web', labels: { app: 'web' } },
  { namespace: 'acme-db', name: 'db', labels: { app: 'db' } },
  { namespace: 'globex', name: 'app', labels: { app: 'app' } },
  { namespace: 'initech', name: 'app', labels: { app: 'app' } },
  { namespace: 'ingress', name: 'nginx', labels: { app: 'nginx' } },
];

describe('ClusterIsolateNamespaces', () => {
  test('snapshot: by label', () => {
    const chart = newChart('platform');
    const iso = new ClusterIsolateNamespaces(chart, 'tenants', { tenantLabel: 'tenant', tenants: ['globex', 'acme'] });
    expect(iso.tenants).toEqual(['acme', 'globex']);
    expect(iso.policies.map((p) => p.name)).toEqual(['tenants-acme', 'tenants-globex']);
    expect(yaml(chart)).toMatchSnapshot();
  });

  test('snapshot: by name', () => {
    const chart = newChart();
    new ClusterIsolateNamespaces(chart, 'isolate', { tenantNamespaces: { acme: ['acme-web', 'acme-db'], globex: ['globex'] }, priority: 5 });
    expect(yaml(chart)).toMatchSnapshot();
  });

  for (const mode of ['label', 'name'] as const) {
    test(`between tenants denied at the Admin tier (no NetworkPolicy re-opens it), within a tenant passed, others untouched (by ${mode})`, () => {
      const chart = newChart();
      new ClusterIsolateNamespaces(chart, 'tenants', mode === 'label'
        ? { tenantLabel: 'tenant', tenants: ['acme', 'globex'] }
        : { tenantNamespaces: { acme: ['acme-web', 'acme-db'], globex: ['globex'] } });
      const acme = newChart('acme-db', chart.node.scope as any, 'acme');
      new AllowFrom(acme, 'db-from-anyone', { app: 'db', from: [Peer.allPods()] });
      const net = NetworkAssertions.fromApp(chart.node.scope as any, { namespaces, pods });
      net.deniesAll('globex/app', 'acme-db/db').deniesAll('acme-web/web', 'globex/app').deniesAll('globex/app', 'acme-web/web');
      net.allowsOnly('acme-web/web', 'acme-db/db', 'All Connections');
      net.allowsOnly('ingress/nginx', 'acme-db/db', 'All Connections').allowsOnly('acme-web/web', 'ingress/nginx', 'All Connections');
      // a tenant not listed: kept apart by label (the label is there with another value); by name it is no tenant
      if (mode === 'label') net.deniesAll('initech/app', 'acme-db/db');
      else net.allowsOnly('initech/app', 'acme-db/db', 'All Connections');
      // one priority for every tenant's policy: their subjects are disjoint, so their order decides nothing
      expect(net.model._analysis().samePriorityConflicts()).toEqual([]);
      expect(net.model.explain({ from: 'globex/app', to: 'acme-db/db', port: 5432 }).text).toMatch(/Admin tier: ClusterNetworkPolicy tenants-globex spec\.egress\[1\] "other-tenants" \(Deny\)/);
    });
  }

  test("within a tenant the namespaces' own policies decide (Pass)", () => {
    const chart = newChart();
    new ClusterIsolateNamespaces(chart, 'tenants', { tenantLabel: 'tenant', tenants: ['acme'] });
    const web = newChart('acme-web', chart.node.scope as any, 'web');
    new DefaultDeny(web, 'deny');
    new AllowTo(web, 'to-db', { to: [Peer.app('db', 'acme-db')] });
    const net = NetworkAssertions.fromApp(chart.node.scope as any, { namespaces, pods });
    net.allowsOnly('acme-web/web', 'acme-db/db', 'All Connections');
    net.deniesAll('acme-db/db', 'acme-web/web');
  });

  test('errors', () => {
    const chart = newChart();
    expect(errorOf(() => new ClusterIsolateNamespaces(chart, 'a', {}))).toBe(
      "test/a (ClusterIsolateNamespaces): no tenants: give tenantLabel and tenants (tenantLabel: 'tenant', tenants: ['acme', 'globex']), or tenantNamespaces ({ acme: ['acme-web'] })");
    expect(errorOf(() => new ClusterIsolateNamespaces(chart, 'b', { tenantLabel: 'tenant' }))).toBe(
      "test/b (ClusterIsolateNamespaces): tenantLabel is given but not tenants: list the tenants (the label's values), e.g. tenants: ['acme', 'globex']");
    expect(errorOf(() => new ClusterIsolateNamespaces(chart, 'c', { tenantLabel: 'tenant', tenants: ['acme'], tenantNamespaces: { acme: ['x'] } }))).toBe(
      'test/c (ClusterIsolateNamespaces): tenantNamespaces and tenantLabel/tenants are two ways to give the tenants: give one of them');
    expect(errorOf(() => new ClusterIsolateNamespaces(chart, 'd', { tenantNamespaces: { acme: ['shared'], globex: ['shared'] } }))).toBe(
      'test/d (ClusterIsolateNamespaces): namespace "shared" is in two tenants, "acme" and "globex": a namespace belongs to one tenant at most');
    expect(errorOf(() => new ClusterIsolateNamespaces(chart, 'e', { tenantLabel: 'kubernetes.io/metadata.name', tenants: ['a'] }))).toBe(
      'test/e (ClusterIsolateNamespaces): invalid tenantLabel "kubernetes.io/metadata.name": that label is the namespace\'s own name (one tenant per namespace); ' +
      'to group namespaces by name give tenantNamespaces instead');
    expect(errorOf(() => new ClusterIsolateNamespaces(chart, 'f', { tenantLabel: 'tenant', tenants: ['Acme Corp'] }))).toMatch(
      /^test\/f \(ClusterIsolateNamespaces\): invalid tenants\[0\] "Acme Corp": it is a value of the label "tenant", and /);
    expect(errorOf(() => new ClusterIsolateNamespaces(chart, 'g', { tenantNamespaces: { acme: [] } }))).toBe(
      'test/g (ClusterIsolateNamespaces): invalid tenantNamespaces["acme"] []: must be a non-empty list of namespace names');
    expect(errorOf(() => new ClusterIsolateNamespaces(chart, 'h', { tenantNamespaces: { Acme: ['acme'] } }))).toMatch(
      /^test\/h \(ClusterIsolateNamespaces\): invalid tenant "Acme": it names the tenant's policy, "h-Acme", and a lowercase RFC 1123 subdomain .* \(give a `name` prefix, or rename the tenant\)$/);
    expect(errorOf(() => new ClusterIsolateNamespaces(chart, 'i', { tenantLabel: 'tenant', tenants: [] }))).toBe(
      'test/i (ClusterIsolateNamespaces): invalid tenants []: must be a non-empty list of tenants (values of tenantLabel)');
  });
});
