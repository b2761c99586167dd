import { Testing } from 'cdk8s';
import { NetworkAssertions, PodEndpointProps } from '../src';
import { clusterGuardrails } from './cluster-guardrails';

test('cluster-guardrails synthesizes to the expected YAML (no namespace on the cluster policies)', () => {
  const app = Testing.app();
  clusterGuardrails(app);
  const yaml = app.synthYaml();
  expect(yaml).toMatchSnapshot();
  const cluster = app.charts[0].toJson();
  expect(cluster.map((m: any) => `${m.kind} ${m.metadata.name} ${m.metadata.namespace ?? '-'}`)).toEqual([
    'ClusterNetworkPolicy block-metadata -',
    'ClusterNetworkPolicy block-metadata-exempt -',
    'ClusterNetworkPolicy default-deny-ingress -',
  ]);
});

describe('cluster-guardrails semantics (seed 004 and the metadata scenario, with the cluster tiers)', () => {
  // GIVEN the guide's pods and those around them, with IPs (`networks` peers match pods by IP)
  const names = ['frontend', 'backend', 'web', 'database', 'api', 'admin-ui', 'plain'];
  const pods: PodEndpointProps[] = [
    ...names.map((name, i) => ({ namespace: 'default', name, labels: { app: name }, ip: `10.0.0.${i + 1}` })),
    { namespace: 'default', name: 'uploader', labels: { 'app': 'uploader', 'cloud-credentials': 'irsa' }, ip: '10.0.0.20' },
    { namespace: 'monitoring', name: 'prometheus', ip: '10.0.1.1' },
    { namespace: 'payments', name: 'db-client', labels: { role: 'db-client' }, ip: '10.0.2.1' },
    { namespace: 'payments', name: 'other', ip: '10.0.2.2' },
    { namespace: 'elsewhere', name: 'frontend', labels: { app: 'frontend' }, ip: '10.0.3.1' },
    { namespace: 'kube-system', name: 'coredns', labels: { 'k8s-app': 'kube-dns' }, ip: '10.0.4.10' },
  ];
  const namespaces = [
    { name: 'monitoring', labels: { purpose: 'monitoring' } },
    { name: 'payments', labels: { purpose: 'backend' } },
    { name: 'elsewhere', labels: { purpose: 'other' } },
  ];
  const app = Testing.app();
  clusterGuardrails(app);
  const net = NetworkAssertions.fromApp(app, { pods, namespaces });
  const METADATA = ['169.254.169.254', 'fd00:ec2::254', '169.254.170.2', '100.100.100.200', 'fd20:ce::254'];

  test("the guide's allows work as their names say (the senders' egress is open at the cluster level)", () => {
    net.allowsOnly('default/frontend', 'default/backend', 'TCP 8080');
    net.allowsOnly('default/frontend', 'default/api', 'TCP 8080');
    net.allowsOnly('default/admin-ui', 'default/api', 'All Connections');
    net.allowsOnly('default/frontend', 'kube-system/coredns', 'TCP 53,UDP 53');
    net.allowsOnly('payments/db-client', 'default/database', 'All Connections');
    for (const from of ['8.8.8.8', 'elsewhere/frontend', 'payments/other']) net.allowsOnly(from, 'default/web', 'TCP 80,443');
    net.allowsOnly('monitoring/prometheus', 'default/plain', 'All Connections');
  });

  test('everything else is refused by the receiver: the namespace\'s policies, or the Baseline default-deny where there are none', () => {
    net.deniesAll('default/plain', 'default/backend').deniesAll('elsewhere/frontend', 'default/backend');
    net.deniesAll('payments/other', 'default/database').deniesAll('elsewhere/frontend', 'default/database');
    // namespaces without any NetworkPolicy: closed by ClusterDefaultDeny
    net.deniesAll('default/admin-ui', 'payments/other').deniesAll('elsewhere/frontend', 'monitoring/prometheus');
    expect(net.model.explain({ from: 'default/admin-ui', to: 'payments/other', port: 80 }).ingress.text).toMatch(
      /Baseline tier: ClusterNetworkPolicy default-deny-ingress spec\.ingress\[0\] "default-deny" \(Deny\)/);
    // the system namespaces stay open
    net.allowsOnly('default/admin-ui', 'kube-system/coredns', 'All Connections');
  });

  test('the metadata endpoints: denied at the Admin tier despite web-egress (AllowTo anywhere); the exempt pods left to their policies', () => {
    for (const host of METADATA) {
      net.deniesAll('default/web', host).deniesAll('default/plain', host).deniesAll('payments/other', host);
      net.allowsOnly('default/uploader', host, 'All Connections');
    }
    net.allowsOnly('default/web', '8.8.8.8', 'All Connections').allowsOnly('default/web', '169.254.20.10', 'All Connections');
    expect(net.model.explain({ from: 'default/web', to: '169.254.169.254', port: 80 }).egress.text).toMatch(/Admin tier: ClusterNetworkPolicy block-metadata spec\.egress\[0\] "metadata" \(Deny\)/);
  });
});
