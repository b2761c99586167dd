import { Testing } from 'cdk8s';
import { Direction, NetworkAssertions, PodEndpointProps, Protocol } from '../src';
import { metadataBlocking } from './metadata-blocking';

test('metadata-blocking synthesizes to the expected YAML', () => {
  const app = Testing.app();
  metadataBlocking(app);
  expect(app.synthYaml()).toMatchSnapshot();
});

// Seed 001: "an attacker can access your pod and then start querying the instance metadata and
// get some temporary credentials ... by using network policies, we can block access to the metadata."
describe('metadata-blocking semantics (seed 001)', () => {
  // GIVEN pods (with IPs, so that ipBlockMatchesPods has something to match) in both namespaces,
  // one that needs its cloud credentials, a database elsewhere and the cluster DNS
  const pods: PodEndpointProps[] = [
    { namespace: 'apps', name: 'web', labels: { app: 'web' }, ip: '10.0.0.5' },
    { namespace: 'apps', name: 'uploader', labels: { 'app': 'uploader', 'cloud-credentials': 'irsa' }, ip: '10.0.0.6' },
    { namespace: 'gke-apps', name: 'web', labels: { app: 'web' }, ip: '10.0.1.5' },
    { namespace: 'data', name: 'db', labels: { app: 'db' }, ip: '10.0.2.5' },
    { namespace: 'kube-system', name: 'coredns', labels: { 'k8s-app': 'kube-dns' }, ip: '10.0.3.10' },
  ];
  const METADATA = ['169.254.169.254', 'fd00:ec2::254', '169.254.170.2', '100.100.100.200', 'fd20:ce::254'];
  const ELSEWHERE = ['8.8.8.8', '2001:4860:4860::8888', '169.254.20.10', '10.1.2.3'];

  function network(ipBlockMatchesPods: boolean): NetworkAssertions {
    const app = Testing.app();
    metadataBlocking(app);
    return NetworkAssertions.fromApp(app, { pods, ipBlockMatchesPods });
  }

  for (const ipBlockMatchesPods of [false, true]) {
    describe(`ipBlockMatchesPods: ${ipBlockMatchesPods}`, () => {
      const net = network(ipBlockMatchesPods);

      test('the metadata endpoints (IPv4 and IPv6) are denied on every port', () => {
        net.isolated('apps/web', Direction.EGRESS).isolated('gke-apps/web', Direction.EGRESS);
        for (const host of METADATA) net.deniesAll('apps/web', host);
        // on GKE, 169.254.169.254 is also the DNS server: see the Cloud DNS test
        for (const host of METADATA.filter((h) => h !== '169.254.169.254')) net.deniesAll('gke-apps/web', host);
      });

      test('other external addresses, in-cluster pods and DNS stay reachable on every port', () => {
        for (const pod of ['apps/web', 'gke-apps/web']) {
          for (const to of [...ELSEWHERE, 'data/db', 'kube-system/coredns']) net.allowsOnly(pod, to, 'All Connections');
        }
        net.allows('apps/web', 'kube-system/coredns', 53, Protocol.UDP).allows('apps/web', 'kube-system/coredns', 53, Protocol.TCP);
      });

      test('ingress is untouched', () => {
        for (const pod of ['apps/web', 'gke-apps/web']) {
          net.notIsolated(pod, Direction.INGRESS);
          net.allowsOnly('data/db', pod, 'All Connections').allowsOnly('8.8.8.8', pod, 'All Connections');
        }
      });

      test('pods labelled cloud-credentials are left alone: they still reach the metadata endpoints', () => {
        net.notIsolated('apps/uploader', Direction.BOTH);
        for (const host of METADATA) net.allowsOnly('apps/uploader', host, 'All Connections');
      });

      test('GKE with Cloud DNS: 169.254.169.254 re-opened on port 53 only (the metadata API on 80 stays blocked)', () => {
        net.allowsOnly('gke-apps/web', '169.254.169.254', 'TCP 53,UDP 53');
        net.allows('gke-apps/web', '169.254.169.254', 53, Protocol.UDP).denies('gke-apps/web', '169.254.169.254', 80);
      });
    });
  }
});
