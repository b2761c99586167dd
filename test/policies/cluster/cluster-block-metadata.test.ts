import {
  AllowDns, AllowTo, BlockMetadata, ClusterBlockMetadata, ClusterDefaultDeny, DefaultDeny, DnsProvider, NetworkAssertions, Peer,
  PodEndpointProps, Subject,
} from '../../../src';
import { errorOf, newChart, yaml } from '../../support/policy-helpers';

const pods: PodEndpointProps[] = [
  { namespace: 'shop', name: 'web', labels: { app: 'web' }, ip: '10.0.0.1' },
  { namespace: 'ops', name: 'agent', labels: { app: 'agent' }, ip: '10.0.1.1' },
  { namespace: 'kube-system', name: 'coredns', labels: { 'k8s-app': 'kube-dns' }, ip: '10.0.2.10' },
];
const HOSTS = ['169.254.169.254', '169.254.170.2', '169.254.170.23', '169.254.42.42', '100.100.100.200',
  'fd00:ec2::254', 'fd00:ec2::23', 'fd20:ce::254', 'fd00:a9fe:a9fe::1', 'fd00:42::42'];

describe('ClusterBlockMetadata', () => {
  test('snapshot: the default, every address BlockMetadata knows', () => {
    const chart = newChart('platform');
    const p = new ClusterBlockMetadata(chart, 'block-metadata');
    expect(p.blockedCidrs).toEqual(BlockMetadata.defaultAddresses().map((a) => (a.includes(':') ? `${a}/128` : `${a}/32`)));
    expect(yaml(chart)).toMatchSnapshot();
  });

  test('snapshot: exempt pods and GKE Cloud DNS', () => {
    const chart = newChart();
    new ClusterBlockMetadata(chart, 'block-metadata', { exempt: Subject.pods({ labels: { app: 'agent' }, namespace: 'ops' }), allowGkeCloudDns: true });
    expect(yaml(chart)).toMatchSnapshot();
  });

  test('a v1 AllowTo(anywhere) does not re-open the metadata endpoints (it does re-open them under BlockMetadata)', () => {
    const chart = newChart('shop');
    new ClusterBlockMetadata(chart, 'cbm');
    new AllowTo(chart, 'everything', { to: [Peer.anywhere()] });
    new AllowTo(chart, 'imds', { to: [Peer.ipv4('169.254.169.254/32')] });
    const net = NetworkAssertions.fromChart(chart, { pods });
    for (const host of HOSTS) net.deniesAll('shop/web', host);
    net.allowsOnly('shop/web', '8.8.8.8', 'All Connections').allowsOnly('shop/web', 'kube-system/coredns', 'All Connections');
    net.allowsOnly('shop/web', '169.254.20.10', 'All Connections'); // only the metadata hosts, not link-local
    expect(net.model.explain({ from: 'shop/web', to: '169.254.169.254', port: 80 }).egress.text).toMatch(/Admin tier: ClusterNetworkPolicy cbm spec\.egress\[0\] "metadata" \(Deny\)/);

    const v1 = newChart('shop');
    new BlockMetadata(v1, 'bm');
    new AllowTo(v1, 'imds', { to: [Peer.ipv4('169.254.169.254/32')] });
    NetworkAssertions.fromChart(v1, { pods }).allowsOnly('shop/web', '169.254.169.254', 'All Connections');
  });

  test('exempt pods: passed to their NetworkPolicies (allowed with none, denied by an egress DefaultDeny)', () => {
    const chart = newChart();
    new ClusterBlockMetadata(chart, 'cbm', { exempt: Subject.pods({ labels: { app: 'agent' }, namespace: 'ops' }) });
    const net = NetworkAssertions.fromChart(chart, { pods });
    for (const host of HOSTS) net.allowsOnly('ops/agent', host, 'All Connections').deniesAll('shop/web', host);

    const ops = newChart('ops');
    new ClusterBlockMetadata(ops, 'cbm', { exempt: Subject.namespace('ops') });
    new DefaultDeny(ops, 'deny');
    NetworkAssertions.fromChart(ops, { pods }).deniesAll('ops/agent', '169.254.169.254');
  });

  test('GKE Cloud DNS: port 53 passed to the NetworkPolicies, the metadata API still denied', () => {
    const chart = newChart('shop');
    new ClusterBlockMetadata(chart, 'cbm', { allowGkeCloudDns: true });
    new DefaultDeny(chart, 'deny', { dnsProvider: DnsProvider.gkeCloudDns() });
    NetworkAssertions.fromChart(chart, { pods }).allowsOnly('shop/web', '169.254.169.254', 'TCP 53,UDP 53');
    // under the cluster default-deny, with the same provider
    const cluster = newChart();
    new ClusterBlockMetadata(cluster, 'cbm', { allowGkeCloudDns: true });
    new ClusterDefaultDeny(cluster, 'cdd', { dnsProvider: DnsProvider.gkeCloudDns() });
    NetworkAssertions.fromChart(cluster, { pods }).allowsOnly('shop/web', '169.254.169.254', 'TCP 53,UDP 53').deniesAll('shop/web', 'fd00:ec2::254');
    // without allowGkeCloudDns even an AllowDns to it does not open port 53
    const strict = newChart('shop');
    new ClusterBlockMetadata(strict, 'cbm');
    new AllowDns(strict, 'dns', { provider: DnsProvider.gkeCloudDns() });
    NetworkAssertions.fromChart(strict, { pods }).deniesAll('shop/web', '169.254.169.254');
  });

  test('errors', () => {
    const chart = newChart();
    expect(errorOf(() => new ClusterBlockMetadata(chart, 'a', { addresses: ['0.0.0.0/0'] }))).toBe(
      'test/a (ClusterBlockMetadata): invalid addresses[0] "0.0.0.0/0": it is every IPv4 address, pods included; to deny all egress use ClusterDefaultDeny ' +
      'or a ClusterNetworkPolicy with ClusterRule.deny({ peers: [Peer.anywhere()] })');
    expect(errorOf(() => new ClusterBlockMetadata(chart, 'b', { addresses: ['metadata.google.internal'] }))).toBe(
      'test/b (ClusterBlockMetadata): invalid addresses[0] "metadata.google.internal": must be an IP address (e.g. "169.254.169.254") or a CIDR');
    expect(errorOf(() => new ClusterBlockMetadata(chart, 'c', { addresses: ['169.254.169.254/16'] }))).toBe(
      'test/c (ClusterBlockMetadata): invalid addresses[0] "169.254.169.254/16": must not have bits set beyond the prefix length. Did you mean "169.254.0.0/16"?');
    expect(errorOf(() => new ClusterBlockMetadata(chart, 'd', { addresses: [] }))).toBe(
      'test/d (ClusterBlockMetadata): invalid addresses []: nothing to block; omit `addresses` for the default list');
    expect(errorOf(() => new ClusterBlockMetadata(chart, 'e', { priority: 0, exempt: Subject.namespace('ops') }))).toBe(
      'test/e (ClusterBlockMetadata): priority 0 leaves no room for the exemption, which must come one priority number earlier: give a priority from 1 to 1000');
    expect(errorOf(() => new ClusterBlockMetadata(chart, 'f', { exempt: 'ops' as any }))).toBe(
      "test/f (ClusterBlockMetadata): invalid exempt \"ops\": must be a Subject, e.g. Subject.pods({ labels: { app: 'node-agent' }, namespace: 'monitoring' })");
    expect(errorOf(() => new ClusterBlockMetadata(chart, 'g', { addresses: ['169.254.170.2'], allowGkeCloudDns: true }))).toBe(
      'test/g (ClusterBlockMetadata): allowGkeCloudDns is true but 169.254.169.254 is not among the addresses: nothing to pass; remove one of them');
  });
});
