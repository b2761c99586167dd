import { Testing } from 'cdk8s';
import { Direction, NetworkAssertions, NetworkModel, PodEndpointProps } from '../src';
import { accessNginx } from './access-nginx';

test('access-nginx synthesizes to the expected YAML', () => {
  const app = Testing.app();
  accessNginx(app);
  expect(app.synthYaml()).toMatchSnapshot();
});

// Seed 002 ("Enforcing Network Policies in Kubernetes"). The chart has no namespace (the article
// applies it with `kubectl apply -n`); the engine reads that as namespace `default`.
describe('access-nginx semantics (seed 002)', () => {
  // GIVEN the article's pods, a pod it does not mention, and pods of another namespace
  const pods: PodEndpointProps[] = [
    { namespace: 'default', name: 'nginx', labels: { app: 'nginx' } },
    { namespace: 'default', name: 'foo', labels: { app: 'foo' } },
    { namespace: 'default', name: 'web', labels: { app: 'web' } },
    { namespace: 'default', name: 'monitoring', labels: { kind: 'monitoring' } },
    { namespace: 'default', name: 'foo-monitoring', labels: { app: 'foo', kind: 'monitoring' } },
    { namespace: 'default', name: 'bar', labels: { app: 'bar' } },
    { namespace: 'other', name: 'foo', labels: { app: 'foo' } },
    { namespace: 'other', name: 'monitoring', labels: { kind: 'monitoring' } },
  ];
  const DEFAULT = pods.filter((p) => p.namespace === 'default').map((p) => `${p.namespace}/${p.name}`);
  const EVERYONE = pods.map((p) => `${p.namespace}/${p.name}`);
  const app = Testing.app();
  accessNginx(app);
  const net = NetworkAssertions.fromApp(app, { pods });

  test('"only pods with label app: foo can talk to the pods with the label app: nginx"', () => {
    for (const from of ['default/foo', 'default/foo-monitoring']) net.allowsOnly(from, 'default/nginx', 'All Connections');
    for (const from of EVERYONE.filter((e) => !['default/nginx', 'default/foo', 'default/foo-monitoring'].includes(e))) {
      net.deniesAll(from, 'default/nginx');
    }
    net.deniesAll('8.8.8.8', 'default/nginx');
    // a pod selector alone means the policy's namespace: other/foo is not let in
    net.deniesAll('other/foo', 'default/nginx');
    net.reachableOnlyFrom('default/nginx', 80, ['default/foo', 'default/foo-monitoring']);
  });

  test('default deny: every pod of the namespace is isolated for ingress; pods no other policy opens are reached by nothing', () => {
    for (const pod of DEFAULT) net.isolated(pod, Direction.INGRESS);
    for (const pod of ['default/foo', 'default/monitoring', 'default/bar']) {
      for (const from of [...EVERYONE, '8.8.8.8']) if (from !== pod) net.deniesAll(from, pod);
    }
  });

  test('"restricting traffic between all pods by default": the default-deny policy alone lets nothing reach any pod of the namespace', () => {
    const alone = new NetworkModel().addManifests(Testing.synth(app.charts[0]).filter((m) => m.metadata.name === 'default-deny'));
    for (const pod of pods) alone.addPod(pod);
    const only = NetworkAssertions.fromModel(alone);
    for (const to of DEFAULT) {
      for (const from of [...EVERYONE, '8.8.8.8']) if (from !== to) only.deniesAll(from, to);
    }
    only.allowsOnly('other/foo', 'other/monitoring', 'All Connections');
  });

  test('default deny is ingress only, and for its namespace only', () => {
    for (const pod of DEFAULT) net.notIsolated(pod, Direction.EGRESS);
    net.allowsOnly('default/bar', 'other/foo', 'All Connections').allowsOnly('default/bar', '8.8.8.8', 'All Connections');
    net.notIsolated('other/foo', Direction.BOTH).allowsOnly('other/monitoring', 'other/foo', 'All Connections');
  });

  test('two ingress rules in one policy: kind=monitoring on 9000, app=foo on 80', () => {
    net.allowsOnly('default/monitoring', 'default/web', 'TCP 9000');
    net.allowsOnly('default/foo', 'default/web', 'TCP 80');
    net.allowsOnly('default/foo-monitoring', 'default/web', 'TCP 80,9000');
    for (const from of ['default/bar', 'default/nginx', 'other/foo', 'other/monitoring', '8.8.8.8']) net.deniesAll(from, 'default/web');
  });
});
