import { Testing } from 'cdk8s';
import { Direction, NetworkAssertions, PodEndpointProps } from '../src';
import { applicationDemo } from './application-demo';

test('application-demo synthesizes to the expected YAML', () => {
  const app = Testing.app();
  applicationDemo(app);
  expect(app.synthYaml()).toMatchSnapshot();
});

// Seed 003 ("How to Set Up a Kubernetes Network Policy and Secure Your Cluster"): four
// alternative policies, one namespace each here.
describe('application-demo semantics (seed 003)', () => {
  const SCENARIOS = ['allow-all', 'deny-pod', 'deny-ingress', 'deny-egress'];
  // GIVEN in each scenario's namespace the article's pod (app=application-demo) and a neighbour,
  // plus a client elsewhere and the cluster DNS
  const pods: PodEndpointProps[] = [
    ...SCENARIOS.flatMap((ns) => [
      { namespace: ns, name: 'demo', labels: { app: 'application-demo' } },
      { namespace: ns, name: 'neighbour', labels: { app: 'other' } },
    ]),
    { namespace: 'elsewhere', name: 'client' },
    { namespace: 'kube-system', name: 'coredns', labels: { 'k8s-app': 'kube-dns' } },
  ];
  const INTERNET = ['8.8.8.8', '2001:4860:4860::8888'];
  const app = Testing.app();
  applicationDemo(app);
  const net = NetworkAssertions.fromApp(app, { pods });

  test('allow all traffic to a specific pod: isolated both ways, yet "no restrictions are applied"', () => {
    net.isolated('allow-all/demo', Direction.BOTH);
    for (const peer of ['elsewhere/client', 'allow-all/neighbour', 'kube-system/coredns', ...INTERNET]) {
      net.allowsOnly(peer, 'allow-all/demo', 'All Connections');
      net.allowsOnly('allow-all/demo', peer, 'All Connections');
    }
  });

  test('deny all traffic to a pod: nothing in, nothing out (not even DNS), its neighbour untouched', () => {
    net.isolated('deny-pod/demo', Direction.BOTH);
    for (const peer of ['elsewhere/client', 'deny-pod/neighbour', 'kube-system/coredns', ...INTERNET]) {
      net.deniesAll(peer, 'deny-pod/demo');
      net.deniesAll('deny-pod/demo', peer);
    }
    net.notIsolated('deny-pod/neighbour', Direction.BOTH);
    net.allowsOnly('elsewhere/client', 'deny-pod/neighbour', 'All Connections').allowsOnly('deny-pod/neighbour', '8.8.8.8', 'All Connections');
  });

  test('deny all ingress traffic to the pods: every pod of the namespace, whatever its labels; egress stays open', () => {
    for (const pod of ['deny-ingress/demo', 'deny-ingress/neighbour']) {
      net.isolated(pod, Direction.INGRESS).notIsolated(pod, Direction.EGRESS);
      for (const from of ['elsewhere/client', 'kube-system/coredns', ...INTERNET]) net.deniesAll(from, pod);
      for (const to of ['elsewhere/client', 'kube-system/coredns', ...INTERNET]) net.allowsOnly(pod, to, 'All Connections');
    }
    net.deniesAll('deny-ingress/neighbour', 'deny-ingress/demo').deniesAll('deny-ingress/demo', 'deny-ingress/neighbour');
  });

  test('deny all egress traffic: every pod of the namespace reaches nothing, not even DNS; ingress stays open', () => {
    for (const pod of ['deny-egress/demo', 'deny-egress/neighbour']) {
      net.isolated(pod, Direction.EGRESS).notIsolated(pod, Direction.INGRESS);
      for (const to of ['elsewhere/client', 'kube-system/coredns', ...INTERNET]) net.deniesAll(pod, to);
      for (const from of ['elsewhere/client', ...INTERNET]) net.allowsOnly(from, pod, 'All Connections');
    }
    net.deniesAll('deny-egress/neighbour', 'deny-egress/demo').deniesAll('deny-egress/demo', 'deny-egress/neighbour');
  });

  test('each scenario stays in its namespace: the client elsewhere is not isolated', () => {
    net.notIsolated('elsewhere/client', Direction.BOTH);
  });
});
