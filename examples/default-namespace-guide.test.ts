import { Testing } from 'cdk8s';
import { Direction, NetworkAssertions, NetworkPolicyLinter, PodEndpointProps, Protocol } from '../src';
import { defaultNamespaceGuide } from './default-namespace-guide';

test('default-namespace-guide synthesizes to the expected YAML', () => {
  const app = Testing.app();
  defaultNamespaceGuide(app);
  expect(app.synthYaml()).toMatchSnapshot();
});

// Seed 004 ("Network Policies" best-practices guide): default deny in both directions (DNS
// included), then allow policies. All of them apply to namespace `default` at once, so an allow
// policy that opens only the destination's half (ingress) opens nothing end to end unless the
// source's egress is opened too: the tests say so where it happens.
describe('default-namespace-guide semantics (seed 004)', () => {
  // GIVEN the guide's pods in `default`, a pod it does not mention, the namespaces its selectors
  // name (purpose=monitoring, purpose=backend), pods that only look like the right ones, and DNS
  const pods: PodEndpointProps[] = [
    ...['frontend', 'backend', 'web', 'database', 'api', 'admin-ui', 'plain'].map((name) => ({ namespace: 'default', name, labels: { app: name } })),
    { namespace: 'monitoring', name: 'prometheus' },
    { namespace: 'payments', name: 'db-client', labels: { role: 'db-client' } },
    { namespace: 'payments', name: 'other' },
    { namespace: 'elsewhere', name: 'db-client', labels: { role: 'db-client' } },
    { namespace: 'elsewhere', name: 'frontend', labels: { app: 'frontend' } },
    { namespace: 'kube-system', name: 'coredns', labels: { 'k8s-app': 'kube-dns' } },
  ];
  const namespaces = [
    { name: 'monitoring', labels: { purpose: 'monitoring' } },
    { name: 'payments', labels: { purpose: 'backend' } },
    { name: 'elsewhere', labels: { purpose: 'other' } },
  ];
  const DEFAULT = pods.filter((p) => p.namespace === 'default').map((p) => `default/${p.name}`);
  const app = Testing.app();
  defaultNamespaceGuide(app);
  const net = NetworkAssertions.fromApp(app, { pods, namespaces });
  /** Whether the destination's ingress side admits the connection (the source's egress aside). */
  const admits = (from: string, to: string, port: number, protocol?: Protocol) => net.model.explain({ from, to, port, protocol }).ingress.allowed;

  test('default deny: every pod of the namespace is isolated both ways; inside it, only frontend -> api gets through', () => {
    for (const pod of DEFAULT) net.isolated(pod, Direction.BOTH);
    for (const from of DEFAULT) {
      for (const to of DEFAULT.filter((t) => t !== from)) {
        if (from === 'default/frontend' && to === 'default/api') net.allowsOnly(from, to, 'TCP 8080,UDP 53');
        else net.deniesAll(from, to);
      }
    }
  });

  test('default deny without DNS: a pod no policy opens reaches nothing, not even kube-dns', () => {
    for (const to of ['kube-system/coredns', 'elsewhere/frontend', '8.8.8.8']) net.deniesAll('default/plain', to);
  });

  test('allow-frontend-to-backend: the backend admits the frontend on TCP 8080 only, but the frontend may not send (default-deny-egress)', () => {
    expect(admits('default/frontend', 'default/backend', 8080)).toBe(true);
    expect(admits('default/frontend', 'default/backend', 8081)).toBe(false);
    expect(admits('default/frontend', 'default/backend', 8080, Protocol.UDP)).toBe(false);
    expect(admits('default/plain', 'default/backend', 8080)).toBe(false);
    expect(admits('elsewhere/frontend', 'default/backend', 8080)).toBe(false); // a pod selector alone: same namespace
    net.deniesAll('default/frontend', 'default/backend');
    net.reachableOnlyFrom('default/backend', 8080, ['monitoring/prometheus']);
  });

  test('allow-monitoring-namespace: pods of namespaces labelled purpose=monitoring reach every pod, on every port', () => {
    for (const to of DEFAULT) net.allowsOnly('monitoring/prometheus', to, 'All Connections');
    for (const to of ['default/plain', 'default/backend']) {
      for (const from of ['elsewhere/frontend', 'payments/other', '8.8.8.8']) net.deniesAll(from, to);
    }
  });

  test('allow-external-to-web: any source, inside or outside the cluster, reaches web on TCP 80 and 443 only', () => {
    for (const from of ['8.8.8.8', '2001:4860:4860::8888', 'elsewhere/frontend', 'payments/other']) net.allowsOnly(from, 'default/web', 'TCP 80,443');
  });

  test('combining selectors (AND): db-client pods INSIDE purpose=backend namespaces reach the database', () => {
    net.allowsOnly('payments/db-client', 'default/database', 'All Connections');
    net.deniesAll('payments/other', 'default/database'); // right namespace, wrong pod
    net.deniesAll('elsewhere/db-client', 'default/database'); // right pod, wrong namespace
    net.reachableOnlyFrom('default/database', 5432, ['monitoring/prometheus', 'payments/db-client']);
  });

  test('multiple peers (OR): the api admits the frontend OR admin-ui, on every port; only the frontend may send', () => {
    for (const from of ['default/frontend', 'default/admin-ui']) {
      for (const port of [80, 8080, 9090]) expect(admits(from, 'default/api', port)).toBe(true);
    }
    expect(admits('default/plain', 'default/api', 8080)).toBe(false);
    net.allows('default/frontend', 'default/api', 8080);
    net.deniesAll('default/admin-ui', 'default/api'); // default-deny-egress: admin-ui has no egress rule
  });

  test('egress: the frontend reaches the api on TCP 8080 and anything on UDP 53 (no TCP 53: the guide\'s rule), nothing else', () => {
    net.isolated('default/frontend', Direction.EGRESS);
    net.allowsOnly('default/frontend', 'default/api', 'TCP 8080,UDP 53');
    for (const to of ['kube-system/coredns', 'elsewhere/frontend', '8.8.8.8', '2001:4860:4860::8888']) net.allowsOnly('default/frontend', to, 'UDP 53');
    net.deniesAll('default/frontend', 'default/web');
  });
});

test('the linter names the guide\'s half-open allows (NP013) and the missing DNS (NP003)', () => {
  // GIVEN the guide's policies with Deployments for the pods they name
  const app = Testing.app();
  defaultNamespaceGuide(app);
  const deployments = ['frontend', 'backend', 'api', 'admin-ui'].map((name) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: name }] } },
    },
  }));
  // WHEN linted
  const findings = NetworkPolicyLinter.lintManifests([...Testing.synth(app.charts[0]), ...deployments]);
  // THEN the ingress rules that admit an egress-isolated client are reported, naming the client
  const np013 = findings.filter((f) => f.ruleId === 'NP013').map((f) => `${f.name}: ${f.message}`);
  expect(np013).toEqual([
    expect.stringMatching(/^allow-frontend-to-backend: .* admits default\/frontend to default\/backend on TCP 8080, but default\/frontend is isolated for egress/),
    expect.stringMatching(/^allow-multiple-sources: .* admits default\/admin-ui to default\/api .* but default\/admin-ui is isolated for egress/),
  ]);
  // and the missing DNS once for the namespace, on the default deny, listing the workloads
  const np003 = findings.filter((f) => f.ruleId === 'NP003');
  expect(np003.map((f) => f.name)).toEqual(['default-deny-all']);
  for (const name of ['backend', 'api', 'admin-ui']) expect(np003[0].message).toContain(`Deployment ${name}`);
});
